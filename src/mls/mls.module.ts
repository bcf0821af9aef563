import { Global, Module } from '@nestjs/common';
import { DeliveryModule } from '../delivery/delivery.module.js';
import { ReceivedDocumentFates } from '../delivery/ports.js';
import { outboundConfig } from '../outbound/outbound.config.js';
import { ValidationModule } from '../validation/validation.module.js';
import { MlsDeliveryFates } from './mls-delivery-fates.js';
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

/**
 * The worker side: answering senders (C3) and applying the statuses we receive (C2). Global, so the
 * delivery flow's optional ReceivedDocumentFates port is bound wherever it is injected (the delivery
 * job tells the sender once a received document reached its back end, or could not).
 */
@Global()
@Module({
  imports: [MlsModule, ValidationModule, DeliveryModule],
  providers: [outboundConfig.provider, MlsResponder, MlsIntake, { provide: ReceivedDocumentFates, useClass: MlsDeliveryFates }],
  exports: [MlsResponder, MlsIntake, ReceivedDocumentFates],
})
export class MlsWorkerModule {}
