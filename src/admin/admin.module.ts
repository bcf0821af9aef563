import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { DeliveryModule } from '../delivery/delivery.module.js';
import { ParticipantsModule } from '../participants/participants.module.js';
import { WorkflowServicesModule } from '../workflows/workflow-services.module.js';
import { AlertsController } from './alerts/alerts.controller.js';
import { ApprovalsController } from './approvals/approvals.controller.js';
import { CartPreviews } from './approvals/cart-previews.js';
import { validationConfig } from '../validation/validation.config.js';
import { adminConfig } from './admin.config.js';
import { AuditController } from './audit/audit.controller.js';
import { CataloguesController } from './catalogues/catalogues.controller.js';
import { AuditInterceptor } from './audit/audit.interceptor.js';
import { AuditRepository } from './audit/audit-repository.js';
import { ApiKeyGuard } from './auth/api-key.guard.js';
import { ApiKeyRepository } from './auth/api-key-repository.js';
import { ConfiguredKeysSeeder } from './auth/configured-keys.seeder.js';
import { CertificateOverview } from './certificates/certificate-overview.js';
import { CertificatesController } from './certificates/certificates.controller.js';
import { ProblemFilter } from './http/problem.filter.js';
import { DeliveriesController } from './delivery/deliveries.controller.js';
import { RoutesController } from './delivery/routes.controller.js';
import { RouteTestFire } from './delivery/route-test-fire.js';
import { KeysController } from './keys/keys.controller.js';
import { MessageSearch } from './messages/message-search.js';
import { MessagesController } from './messages/messages.controller.js';
import { Reprocessor } from './messages/reprocess.js';
import { ParticipantsController } from './participants/participants.controller.js';
import { QueuesController } from './queues/queues.controller.js';
import { MlsController } from './mls/mls.controller.js';
import { MlsModule } from '../mls/mls.module.js';
import { ReportingModule } from '../reporting/reporting.module.js';
import { ReportingController } from './reporting/reporting.controller.js';
import { RetentionModule } from '../retention/retention.module.js';
import { RetentionController } from './retention/retention.controller.js';
import { RulesController } from './rules/rules.controller.js';

/**
 * The operators' REST API under /admin: API-key authentication with roles for every route of the
 * process except the public ones (health, metrics, AS4), problem+json errors, and an audit trail.
 * Swagger UI and Bull Board are mounted by `mountAdminHttp`.
 */
@Module({
  imports: [ParticipantsModule, DeliveryModule, WorkflowServicesModule, MlsModule, ReportingModule, RetentionModule],
  controllers: [
    MessagesController,
    ApprovalsController,
    ParticipantsController,
    CataloguesController,
    RoutesController,
    DeliveriesController,
    AlertsController,
    QueuesController,
    CertificatesController,
    RulesController,
    KeysController,
    AuditController,
    MlsController,
    ReportingController,
    RetentionController,
  ],
  providers: [
    adminConfig.provider,
    validationConfig.provider,
    ApiKeyRepository,
    AuditRepository,
    MessageSearch,
    CartPreviews,
    Reprocessor,
    RouteTestFire,
    CertificateOverview,
    ConfiguredKeysSeeder,
    { provide: APP_GUARD, useClass: ApiKeyGuard },
    { provide: APP_FILTER, useClass: ProblemFilter },
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
  ],
  exports: [ApiKeyRepository, AuditRepository, adminConfig.KEY],
})
export class AdminModule {}
