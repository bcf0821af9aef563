import { Injectable } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import { MetricsService } from '../metrics/metrics.service.js';

/** Send attempts by outcome and how long the receiver took to answer, on the process's registry. */
@Injectable()
export class OutboundMetrics {
  readonly attempts: Counter<'outcome'>;
  readonly replySeconds: Histogram<'outcome'>;

  constructor(metrics: MetricsService) {
    this.attempts = new Counter({
      name: 'peppol_ap_as4_outbound_attempts_total',
      help: 'AS4 send attempts, by outcome (receipt, the ebMS error code, EBMS:0302, HTTP status, transport error, discovery failure)',
      labelNames: ['outcome'] as const,
      registers: [metrics.registry],
    });
    this.replySeconds = new Histogram({
      name: 'peppol_ap_as4_outbound_reply_seconds',
      help: 'Time from sending an AS4 message to its reply, by outcome',
      labelNames: ['outcome'] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
      registers: [metrics.registry],
    });
  }
}
