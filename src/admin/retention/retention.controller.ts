import { Get, HttpCode, HttpStatus, Post, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { z } from 'zod';
import { MESSAGE_KINDS } from '../../messages/message-kinds.js';
import { KEEP_REASONS } from '../../retention/retention-rule.js';
import { MAX_LISTED, RetentionService, type PurgeReport } from '../../retention/retention.service.js';
import type { AdminRequest } from '../auth/admin-request.js';
import { RequiresRole } from '../auth/requires-role.js';
import { AdminController, ApiInvalidParameters } from '../http/admin-controller.js';
import { jsonResponse } from '../http/openapi-parts.js';

const perKind = z.object(Object.fromEntries(MESSAGE_KINDS.map((k) => [k, z.number()])) as Record<(typeof MESSAGE_KINDS)[number], z.ZodNumber>);
const reportSchema = z
  .object({
    runId: z.string().describe('the audit entries of a purge name it as target retention-run:{runId}'),
    dryRun: z.boolean(),
    requestedBy: z.string(),
    at: z.iso.datetime(),
    retentionDays: perKind.describe('days after its last state change a settled message is kept, per kind; 0 = forever'),
    purged: z.object({ total: z.number(), byKind: perKind }).describe('purged, or in a dry run: would be purged now'),
    kept: z
      .object(Object.fromEntries(KEEP_REASONS.map((r) => [r, z.number()])) as Record<(typeof KEEP_REASONS)[number], z.ZodNumber>)
      .describe('messages looked at and kept, by reason'),
    rows: z.object({ timelineEvents: z.number(), documents: z.number(), webhookEvents: z.number(), webhookDeliveries: z.number(), webhookAttempts: z.number(), outboundAttempts: z.number() }),
    blobs: z.object({ referenced: z.number(), removed: z.number() }),
    messages: z
      .array(z.object({ id: z.string(), kind: z.string(), direction: z.string(), state: z.string(), as4MessageId: z.string().nullable(), createdAt: z.string(), updatedAt: z.string() }))
      .describe(`the first ${MAX_LISTED} messages purged (or purgeable); the audit trail keeps every purged one`),
    batches: z.number(),
    complete: z.boolean().describe('false when the run stopped at RETENTION_MAX_BATCHES_PER_RUN with candidates left, or began where an earlier purge of this process stopped (the next run goes on)'),
  })
  .meta({ id: 'RetentionPurge' });

const zeroKinds = Object.fromEntries(MESSAGE_KINDS.map((k) => [k, 0])) as PurgeReport['retentionDays'];
const example: PurgeReport = {
  runId: '8d1e4c2a-6b3f-4e5d-9a7c-1f2e3d4c5b6a',
  dryRun: true,
  requestedBy: '3f9c0a1b2c3d',
  at: '2026-12-07T10:00:00.000Z',
  retentionDays: { ...zeroKinds, cart: 365, order: 365, 'order-response': 365, 'message-status': 90 },
  purged: { total: 3, byKind: { ...zeroKinds, cart: 1, order: 1, 'message-status': 1 } },
  kept: { 'kept-forever': 0, 'in-flight': 1, 'within-retention': 0, 'pending-deliveries': 0, 'catalogue-in-use': 0, 'report-of-record': 0, 'reporting-window': 0, 'related-kept': 1 },
  rows: { timelineEvents: 0, documents: 0, webhookEvents: 0, webhookDeliveries: 0, webhookAttempts: 0, outboundAttempts: 0 },
  blobs: { referenced: 0, removed: 0 },
  messages: [{ id: '6c1f2a0e-8a3b-4f0c-9d3e-2b7a1c5d4e6f', kind: 'order', direction: 'internal', state: 'delivered', as4MessageId: null, createdAt: '2025-11-02T09:00:00.000Z', updatedAt: '2025-11-02T09:00:03.000Z' }],
  batches: 1,
  complete: true,
};

const purgeQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('false').meta({ description: 'true: report what would be purged now, change nothing' }),
});

@AdminController('retention', 'retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Get()
  @ApiOperation({ summary: 'The retention per message kind, and what a purge would remove now (a dry run: nothing changes)' })
  @ApiOkResponse(jsonResponse('What a purge would remove now', reportSchema, example))
  async preview(@Req() req: AdminRequest) {
    return this.retention.run({ dryRun: true, requestedBy: { keyId: req.adminKey!.id, role: req.adminKey!.role } });
  }

  @Post('purge')
  @HttpCode(HttpStatus.OK)
  @RequiresRole('operator')
  @ApiOperation({
    summary:
      'Purge now what is past its retention (as the schedule does): settled messages with their timeline, documents, deliveries, send attempts and blobs; never one in flight or still needed. dryRun=true only reports',
  })
  @ApiOkResponse(jsonResponse('What was purged (or, in a dry run, would be)', reportSchema, { ...example, dryRun: false }))
  @ApiInvalidParameters()
  async purge(@Query({ schema: purgeQuery }) q: z.output<typeof purgeQuery>, @Req() req: AdminRequest) {
    const dryRun = q.dryRun === 'true';
    const report = await this.retention.run({ dryRun, requestedBy: { keyId: req.adminKey!.id, role: req.adminKey!.role } });
    req.audit = { target: `retention-run:${report.runId}`, after: { dryRun, purged: report.purged, blobs: report.blobs, complete: report.complete } };
    return report;
  }
}
