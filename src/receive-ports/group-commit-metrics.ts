import { Injectable } from '@nestjs/common';
import { Histogram } from 'prom-client';
import { MetricsService } from '../metrics/metrics.service.js';

/** Sizes of the group commits of the receive path, on the process's registry. */
@Injectable()
export class GroupCommitMetrics {
  readonly batchSize: Histogram<'stage'>;

  constructor(metrics: MetricsService) {
    this.batchSize = new Histogram({
      name: 'peppol_ap_receive_group_commit_batch_size',
      help: 'Received AS4 messages handled together by one group commit, by stage (store: one blob fsync round and one database commit; enqueue: one queue round trip)',
      labelNames: ['stage'] as const,
      buckets: [1, 2, 4, 8, 16, 32, 64, 128],
      registers: [metrics.registry],
    });
  }
}
