import { Get, HttpStatus, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { z } from 'zod';
import { adminConfig, type AdminConfig } from '../admin.config.js';
import { AdminController, ApiInvalidParameters } from '../http/admin-controller.js';
import { cursorParam, pageOf } from '../http/cursor.js';
import { jsonResponse } from '../http/openapi-parts.js';
import { isoDateTimeParam } from '../http/params.js';
import { invalid } from '../http/problem.js';
import { AuditRepository } from './audit-repository.js';

const auditSchema = z
  .object({
    id: z.string(),
    at: z.iso.datetime(),
    keyId: z.string(),
    role: z.string(),
    method: z.string(),
    route: z.string(),
    path: z.string(),
    target: z.string().nullable(),
    status: z.number(),
    before: z.unknown(),
    after: z.unknown(),
    correlationId: z.string().nullable(),
  })
  .meta({ id: 'AuditRecord' });

const query = z.object({
  keyId: z.string().regex(/^[0-9a-z]{12}$/, { message: 'expected a key id' }).optional(),
  target: z.string().min(1).max(512).optional().meta({ description: 'e.g. queue:inbound, key:3f9c0a1b2c3d, participant:0088:7315458756324' }),
  method: z.enum(['POST', 'PUT', 'PATCH', 'DELETE']).optional(),
  from: isoDateTimeParam.optional(),
  to: isoDateTimeParam.optional(),
  cursor: cursorParam.optional(),
  limit: z.coerce.number().int().min(1).max(1_000).optional(),
});

const example = {
  id: '42',
  at: '2026-11-23T11:05:00.000Z',
  keyId: '3f9c0a1b2c3d',
  role: 'operator',
  method: 'POST',
  route: '/admin/queues/:queue/pause',
  path: '/admin/queues/inbound/pause',
  target: 'queue:inbound',
  status: 200,
  before: { isPaused: false },
  after: { isPaused: true },
  correlationId: '5b0e8e0e-0d55-4c8e-bb0e-7d3f0a6c9f10',
};

@AdminController('audit', 'audit')
export class AuditController {
  constructor(
    private readonly audit: AuditRepository,
    @Inject(adminConfig.KEY) private readonly cfg: AdminConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The audit trail of state-changing admin calls, newest first (read-only)' })
  @ApiOkResponse(jsonResponse('A page of audit records', z.object({ data: z.array(auditSchema), nextCursor: z.string().nullable() }), { data: [example], nextCursor: null }))
  @ApiInvalidParameters()
  async list(@Query({ schema: query }) q: z.output<typeof query>) {
    const limit = q.limit ?? this.cfg.pageSizeDefault;
    if (limit > this.cfg.pageSizeMax) throw invalid(HttpStatus.BAD_REQUEST, [{ in: 'query', field: 'limit', message: `at most ${this.cfg.pageSizeMax}` }]);
    if (q.cursor && !/^[0-9]{1,19}$/.test(q.cursor.id)) throw invalid(HttpStatus.BAD_REQUEST, [{ in: 'query', field: 'cursor', message: 'not a cursor of this list' }]);
    const rows = await this.audit.list({ ...q, after: q.cursor, limit });
    return pageOf(rows, limit, ({ cursorAt: _c, ...r }) => ({ ...r, at: r.at.toISOString() }), (r) => ({ at: r.cursorAt, id: r.id }));
  }
}
