import { Module } from '@nestjs/common';
import { validationConfig } from '../validation/validation.config.js';
import { ValidationModule } from '../validation/validation.module.js';
import { CatalogueLoader } from './catalogue/catalogue-loader.js';
import { CatalogueResponder } from './catalogue/catalogue-responder.js';
import { CatalogueProcessor } from './catalogue/catalogue.processor.js';
import { InboundRouter } from './inbound/inbound-router.js';
import { InboundProcessor } from './inbound/inbound.processor.js';
import { ApprovalSweep } from './maintenance/approval-sweep.js';
import { MaintenanceProcessor } from './maintenance/maintenance.processor.js';
import { SweepScheduler } from './maintenance/sweep-scheduler.js';
import { OrderNumberSeries } from './punchout/order-number-series.js';
import { OrderProducer } from './punchout/order-producer.js';
import { PunchoutProcessor } from './punchout/punchout.processor.js';
import { WorkflowServicesModule } from './workflow-services.module.js';

/** The queue processors of received messages: inbound, punch-out, catalogue, maintenance. */
@Module({
  imports: [WorkflowServicesModule, ValidationModule],
  providers: [
    validationConfig.provider,
    InboundRouter,
    InboundProcessor,
    OrderNumberSeries,
    OrderProducer,
    PunchoutProcessor,
    CatalogueLoader,
    CatalogueResponder,
    CatalogueProcessor,
    ApprovalSweep,
    MaintenanceProcessor,
    SweepScheduler,
  ],
})
export class WorkflowWorkersModule {}
