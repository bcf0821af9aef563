import { Module } from '@nestjs/common';
import { DeliveryModule } from '../delivery/delivery.module.js';
import { DeliveryService } from '../delivery/delivery.service.js';
import { OutboundModule } from '../outbound/outbound.module.js';
import { DbDuplicateRegistry } from '../receive-ports/db-duplicate-registry.js';
import { BlobCollector } from './blob-collector.js';
import { Housekeeping } from './housekeeping.js';
import { RECONCILE_STEPS, Reconciler, type ReconcileStep } from './reconciler.js';
import { reliabilityConfig, type ReliabilityConfig } from './reliability.config.js';
import { ReliabilityScheduler } from './reliability.scheduler.js';
import { TempFiles } from './temp-files.js';

/** Worker role: re-queues pending work whose job went missing, and housekeeping, on job schedulers of the maintenance queue. */
@Module({
  imports: [DeliveryModule, OutboundModule],
  providers: [
    reliabilityConfig.provider,
    DbDuplicateRegistry,
    TempFiles,
    BlobCollector,
    Housekeeping,
    {
      // Webhook deliveries keep their own records (and job sequence numbers); their service re-queues them.
      provide: RECONCILE_STEPS,
      inject: [DeliveryService, reliabilityConfig.KEY],
      useFactory: (deliveries: DeliveryService, cfg: ReliabilityConfig): ReconcileStep[] => [
        { name: 'webhook deliveries', run: () => deliveries.reconcile(cfg.graceMs) },
      ],
    },
    Reconciler,
    ReliabilityScheduler,
  ],
  exports: [Reconciler, Housekeeping, ReliabilityScheduler],
})
export class ReliabilityModule {}
