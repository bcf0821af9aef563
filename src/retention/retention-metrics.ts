import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsService } from '../metrics/metrics.service.js';

/** Retention on the process's registry: messages purged by kind, blobs removed after them. */
@Injectable()
export class RetentionMetrics {
  readonly purged: Counter<'kind'>;
  readonly blobsRemoved: Counter;

  constructor(metrics: MetricsService) {
    this.purged = new Counter({
      name: 'peppol_ap_retention_purged_total',
      help: 'Messages purged past their retention (with their timeline, documents, deliveries and send attempts), by message kind',
      labelNames: ['kind'] as const,
      registers: [metrics.registry],
    });
    this.blobsRemoved = new Counter({
      name: 'peppol_ap_retention_blobs_removed_total',
      help: 'Blobs removed from the blob store because the messages purged by retention were the last to refer to them',
      registers: [metrics.registry],
    });
  }
}
