import { Module } from '@nestjs/common';
import { AuditRepository } from '../admin/audit/audit-repository.js';
import { DeliveryModule } from '../delivery/delivery.module.js';
import { OutboundModule } from '../outbound/outbound.module.js';
import { BlobCollector } from '../reliability/blob-collector.js';
import { ReportingPeriodRepository } from '../reporting/reporting-period-repository.js';
import { WorkflowServicesModule } from '../workflows/workflow-services.module.js';
import { RetentionMetrics } from './retention-metrics.js';
import { retentionConfig } from './retention.config.js';
import { RetentionScheduler } from './retention.scheduler.js';
import { RetentionService } from './retention.service.js';

/** Retention of messages: the purge and its dry run (both roles: the admin API and the schedule). */
@Module({
  imports: [DeliveryModule, OutboundModule, WorkflowServicesModule],
  // The blob collector's release, without the reliability module's schedules (this module is in the API role too).
  providers: [retentionConfig.provider, RetentionMetrics, ReportingPeriodRepository, AuditRepository, BlobCollector, RetentionService],
  exports: [RetentionService, retentionConfig.KEY],
})
export class RetentionModule {}

/** The worker role's scheduled purge. */
@Module({
  imports: [RetentionModule],
  providers: [RetentionScheduler],
  exports: [RetentionScheduler],
})
export class RetentionWorkerModule {}
