import { Global, Module } from '@nestjs/common';
import { reportingConfig } from './reporting.config.js';
import { ReportingMetrics } from './reporting-metrics.js';
import { TransmissionRecorder } from './transmission-recorder.js';
import { TransmissionRepository } from './transmission-repository.js';

/**
 * The transmission record of Peppol Reporting, for the two places that write it (the AS4 receive
 * pipeline's store and the outbound send) and the reports that read it. Global: both roles load it.
 */
@Global()
@Module({
  providers: [reportingConfig.provider, TransmissionRepository, TransmissionRecorder, ReportingMetrics],
  exports: [reportingConfig.KEY, TransmissionRepository, TransmissionRecorder, ReportingMetrics],
})
export class TransmissionsModule {}
