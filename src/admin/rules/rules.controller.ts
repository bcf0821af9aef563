import { Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { z } from 'zod';
import { validationConfig, type ValidationConfig } from '../../validation/validation.config.js';
import { Validator } from '../../validation/validator.js';
import { AdminController } from '../http/admin-controller.js';
import { jsonResponse } from '../http/openapi-parts.js';

const releaseSchema = z.object({
  version: z.string(),
  origin: z.enum(['shipped', 'installed']),
  active: z.boolean(),
  transactions: z.array(z.string()),
});

@AdminController('rules', 'rules')
export class RulesController {
  // Listing reads the rules directory only; no validation threads are started here.
  private readonly validator: Validator;

  constructor(@Inject(validationConfig.KEY) cfg: ValidationConfig) {
    this.validator = new Validator({ ...cfg, poolSize: 0 });
  }

  @Get('releases')
  @ApiOperation({ summary: 'Peppol BIS rule releases: the shipped one, installed ones, which is active' })
  @ApiOkResponse(
    jsonResponse('Releases', z.object({ data: z.array(releaseSchema) }), {
      data: [{ version: '2025.11', origin: 'shipped', active: true, transactions: ['T01', 'T19', 'T58', 'T76', 'T77'] }],
    }),
  )
  async releases() {
    return { data: (await this.validator.list()).map(({ version, origin, active, transactions }) => ({ version, origin, active, transactions })) };
  }
}
