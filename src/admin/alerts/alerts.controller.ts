import { Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { z } from 'zod';
import { AlertRepository } from '../../delivery/alerts/alert-repository.js';
import { ALERT_EVENT_TYPES } from '../../delivery/webhook/events.js';
import { webhookExamples } from '../../delivery/webhook/examples.js';
import { AdminController, ApiInvalidParameters } from '../http/admin-controller.js';
import { jsonResponse } from '../http/openapi-parts.js';

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1_000).default(100).meta({ description: 'At most this many, newest first' }),
});

const alertSchema = z
  .object({
    id: z.string().describe('The alert event id (its webhook-id is msg_<id>)'),
    type: z.enum(ALERT_EVENT_TYPES),
    condition: z.string(),
    severity: z.enum(['warning', 'critical']),
    summary: z.string(),
    raisedAt: z.iso.datetime(),
    data: z.record(z.string(), z.unknown()).describe('The alert event data, as sent to the operator routes'),
  })
  .meta({ id: 'OperatorAlert' });

const example = webhookExamples['alert.queue-backing-up'];
const alertExample = {
  id: '3c1f0a9b8e7d6c5b4a39281706f5e4d3',
  type: 'alert.queue-backing-up',
  condition: example.condition,
  severity: example.severity,
  summary: example.summary,
  raisedAt: example.raisedAt,
  data: example,
};

@AdminController('alerts', 'alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertRepository) {}

  @Get()
  @ApiOperation({
    summary: 'Operator alerts raised, newest first (each condition once; also those no operator route was there to take)',
    description: 'The same alerts go to the routes of kind `operator` as signed `alert.*` webhooks; see the webhooks section for their data.',
  })
  @ApiOkResponse(jsonResponse('Alerts', z.object({ data: z.array(alertSchema) }), { data: [alertExample] }))
  @ApiInvalidParameters()
  async list(@Query({ schema: listQuery }) q: z.output<typeof listQuery>) {
    return { data: (await this.alerts.latest(q.limit)).map((a) => ({ ...a, raisedAt: a.raisedAt.toISOString() })) };
  }
}
