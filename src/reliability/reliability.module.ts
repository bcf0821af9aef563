import { Module } from '@nestjs/common';
import { DbDuplicateRegistry } from '../inbound/db-duplicate-registry.js';
import { inboundConfig } from '../inbound/inbound.config.js';
import { Housekeeping } from './housekeeping.js';
import { PendingMessages } from './pending-messages.js';
import { RECONCILE_STEPS, Reconciler, type ReconcileStep } from './reconciler.js';
import { reliabilityConfig } from './reliability.config.js';
import { ReliabilityScheduler } from './reliability.scheduler.js';
import { TempFiles } from './temp-files.js';

/** Worker role: re-queues pending work whose job went missing, and housekeeping. */
@Module({
  providers: [
    reliabilityConfig.provider,
    inboundConfig.provider,
    DbDuplicateRegistry,
    PendingMessages,
    TempFiles,
    Housekeeping,
    { provide: RECONCILE_STEPS, useValue: [] satisfies ReconcileStep[] },
    Reconciler,
    ReliabilityScheduler,
  ],
  exports: [Reconciler, Housekeeping],
})
export class ReliabilityModule {}
