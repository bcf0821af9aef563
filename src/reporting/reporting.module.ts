import { Module } from '@nestjs/common';
import { outboundConfig } from '../outbound/outbound.config.js';
import { ValidationModule } from '../validation/validation.module.js';
import { ReportingPeriodRepository } from './reporting-period-repository.js';
import { ReportingScheduler } from './reporting.scheduler.js';
import { ReportingService } from './reporting.service.js';

/** Peppol Reporting's reports: built, checked and sent per period (both roles: the admin API and the schedule). */
@Module({
  imports: [ValidationModule],
  providers: [outboundConfig.provider, ReportingPeriodRepository, ReportingService],
  exports: [ReportingService],
})
export class ReportingModule {}

/** The worker role's monthly send. */
@Module({
  imports: [ReportingModule],
  providers: [ReportingScheduler],
  exports: [ReportingScheduler],
})
export class ReportingWorkerModule {}
