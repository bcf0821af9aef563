import { Injectable } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { MetricsService } from '../metrics/metrics.service.js';

/** Message Level Status on the process's registry: statuses sent and received, and the service levels. */
@Injectable()
export class MlsMetrics {
  readonly sent: Counter<'code' | 'outcome'>;
  readonly received: Counter<'code' | 'outcome'>;
  readonly overdue: Gauge<'side'>;

  constructor(metrics: MetricsService) {
    this.sent = new Counter({
      name: 'peppol_ap_mls_sent_total',
      help: 'Message Level Status decided for received documents, by response code and outcome (submitted, unaddressable, invalid)',
      labelNames: ['code', 'outcome'] as const,
      registers: [metrics.registry],
    });
    this.received = new Counter({
      name: 'peppol_ap_mls_received_total',
      help: 'Message Level Status received for documents we sent, by response code and outcome (applied, duplicate, unknown-reference, invalid, unreadable)',
      labelNames: ['code', 'outcome'] as const,
      registers: [metrics.registry],
    });
    this.overdue = new Gauge({
      name: 'peppol_ap_mls_overdue',
      help: 'Documents past their MLS service level: side="awaiting" sent (ALWAYS_SEND) without a status past MLS_RECEIVE_LIMIT_MINUTES, side="owed" received whose status we have not sent past MLS_SEND_LIMIT_MINUTES',
      labelNames: ['side'] as const,
      registers: [metrics.registry],
    });
  }
}
