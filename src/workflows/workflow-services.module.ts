import { Module } from '@nestjs/common';
import { catalogueConfig } from '../catalogue/catalogue.config.js';
import { punchoutConfig } from '../punchout/punchout.config.js';
import { DeliveryModule } from '../delivery/delivery.module.js';
import { CatalogueStore } from './catalogue/catalogue-store.js';
import { CatalogueService } from './catalogue/catalogue.service.js';
import { ApprovalStore } from './punchout/approval-store.js';
import { ApprovalService } from './punchout/approval.service.js';
import { BuyerConfigFile } from './punchout/buyer-config-file.js';
import { BuyerConfigRepository } from './punchout/buyer-config-repository.js';
import { BuyerConfigSeeder } from './punchout/buyer-config-seeder.js';
import { CartContextLoader } from './punchout/cart-context.js';
import { WorkflowDocuments } from './shared/workflow-documents.js';
import { WorkflowFailures } from './shared/workflow-failures.js';
import { workflowsConfig } from './workflows.config.js';

/**
 * What both roles need of the punch-out and catalogue flows: cart approvals and catalogue search
 * (for the admin API), buyer configurations (seeded from the configured file at start). The port
 * through which the flows ask for deliveries is bound by the delivery module.
 */
@Module({
  // The delivery module answers the flows' DeliveryRequests port.
  imports: [DeliveryModule],
  providers: [
    workflowsConfig.provider,
    punchoutConfig.provider,
    catalogueConfig.provider,
    WorkflowDocuments,
    WorkflowFailures,
    BuyerConfigFile,
    BuyerConfigRepository,
    BuyerConfigSeeder,
    CartContextLoader,
    ApprovalStore,
    ApprovalService,
    CatalogueStore,
    CatalogueService,
  ],
  exports: [
    DeliveryModule,
    workflowsConfig.KEY,
    punchoutConfig.KEY,
    catalogueConfig.KEY,
    WorkflowDocuments,
    WorkflowFailures,
    BuyerConfigRepository,
    CartContextLoader,
    ApprovalStore,
    ApprovalService,
    CatalogueStore,
    CatalogueService,
  ],
})
export class WorkflowServicesModule {}
