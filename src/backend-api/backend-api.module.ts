import { Module } from '@nestjs/common';
import { outboundConfig } from '../outbound/outbound.config.js';
import { ParticipantsModule } from '../participants/participants.module.js';
import { ValidationModule } from '../validation/validation.module.js';
import { backendApiConfig } from './backend-api.config.js';
import { DocumentSubmissions } from './document-submissions.js';
import { DocumentsController } from './documents.controller.js';
import { OrderResponses } from './order-responses.js';
import { BackendKeyController, OrdersController } from './orders.controller.js';
import { SubmissionRepository } from './submission-repository.js';

/**
 * The back-end API under /api/v1 (API role): back ends submit and track documents and answer
 * orders with keys of role `backend`, each acting for its participants only. Sending goes through
 * the outbound module; validation through the official rules before anything is accepted.
 */
@Module({
  imports: [ParticipantsModule, ValidationModule],
  controllers: [DocumentsController, OrdersController, BackendKeyController],
  providers: [backendApiConfig.provider, outboundConfig.provider, SubmissionRepository, DocumentSubmissions, OrderResponses],
})
export class BackendApiModule {}
