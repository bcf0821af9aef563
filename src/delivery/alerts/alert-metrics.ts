import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsService } from '../../metrics/metrics.service.js';

/** Operator alerts raised, on the process's registry (the periodic checks' gauges are the alert monitor's). */
@Injectable()
export class AlertMetrics {
  readonly raised: Counter<'type'>;

  constructor(metrics: MetricsService) {
    this.raised = new Counter({
      name: 'peppol_ap_alerts_total',
      help: 'Operator alerts raised, by type (alert.message-failed, alert.delivery-given-up, alert.certificate-expiring, alert.report-not-sent, alert.queue-backing-up); each condition counted once',
      labelNames: ['type'] as const,
      registers: [metrics.registry],
    });
  }
}
