import { Module } from '@nestjs/common';
import { DeliveryModule } from '../delivery/delivery.module.js';
import { outboundConfig } from '../outbound/outbound.config.js';
import { ValidationModule } from '../validation/validation.module.js';
import { MlsIntake } from './mls-intake.js';
import { MlsMetrics } from './mls-metrics.js';
import { MlsResponder } from './mls-responder.js';
import { MlsServiceLevels } from './mls-service-levels.js';
import { OwnSpisParticipant } from './own-spis-participant.js';

/**
 * Message Level Status, what both roles need: our own SPIS participant served, the service-level
 * view (admin API, `peppol_ap_mls_overdue`) and the metrics. The MLS configuration comes with the
 * outbound module, which writes MLS_TO and MLS_TYPE into every SBDH it sends.
 */
@Module({
  providers: [MlsMetrics, MlsServiceLevels, OwnSpisParticipant],
  exports: [MlsMetrics, MlsServiceLevels, OwnSpisParticipant],
})
export class MlsModule {}

/** The worker side: answering senders (C3) and applying the statuses we receive (C2). */
@Module({
  imports: [MlsModule, ValidationModule, DeliveryModule],
  providers: [outboundConfig.provider, MlsResponder, MlsIntake],
  exports: [MlsResponder, MlsIntake],
})
export class MlsWorkerModule {}
