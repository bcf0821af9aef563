import { Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { z } from 'zod';
import { RECEIVED_TRANSACTIONS, TransactionRegistry } from '../../peppol/index.js';
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

  constructor(@Inject(validationConfig.KEY) cfg: ValidationConfig, transactions: TransactionRegistry) {
    this.validator = new Validator({ ...cfg, poolSize: 0 }, transactions);
  }

  @Get('releases')
  @ApiOperation({ summary: 'Peppol BIS rule releases: the shipped one, installed ones, which is active' })
  @ApiOkResponse(
    jsonResponse('Releases', z.object({ data: z.array(releaseSchema) }), {
      data: [{ version: '2025.11', origin: 'shipped', active: true, transactions: RECEIVED_TRANSACTIONS.map((t) => t.id).sort() }],
    }),
  )
  async releases() {
    return { data: (await this.validator.list()).map(({ version, origin, active, transactions }) => ({ version, origin, active, transactions })) };
  }
}
