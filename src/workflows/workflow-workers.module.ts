import { Module } from '@nestjs/common';
import { AlertsWorkerModule } from '../alerts/alerts.module.js';
import { validationConfig } from '../validation/validation.config.js';
import { ReliabilityModule } from '../reliability/reliability.module.js';
import { ValidationModule } from '../validation/validation.module.js';
import { MlsWorkerModule } from '../mls/mls.module.js';
import { ReportingWorkerModule } from '../reporting/reporting.module.js';
import { RetentionWorkerModule } from '../retention/retention.module.js';
import { CatalogueLoader } from './catalogue/catalogue-loader.js';
import { CatalogueResponder } from './catalogue/catalogue-responder.js';
import { CatalogueJobHandler } from './catalogue/catalogue.job-handler.js';
import { InboundRouter } from './validation/inbound-router.js';
import { ValidationJobHandler } from './validation/validation.job-handler.js';
import { ApprovalSweep } from './maintenance/approval-sweep.js';
import { MaintenanceJobHandler } from './maintenance/maintenance.job-handler.js';
import { SweepScheduler } from './maintenance/sweep-scheduler.js';
import { OrderNumberSeries } from './punchout/order-number-series.js';
import { OrderProducer } from './punchout/order-producer.js';
import { PunchoutJobHandler } from './punchout/punchout.job-handler.js';
import { WorkflowServicesModule } from './workflow-services.module.js';

/** The queue processors of received messages: inbound, punch-out, catalogue, maintenance. */
@Module({
  imports: [WorkflowServicesModule, ValidationModule, ReliabilityModule, MlsWorkerModule, ReportingWorkerModule, RetentionWorkerModule, AlertsWorkerModule],
  providers: [
    validationConfig.provider,
    InboundRouter,
    ValidationJobHandler,
    OrderNumberSeries,
    OrderProducer,
    PunchoutJobHandler,
    CatalogueLoader,
    CatalogueResponder,
    CatalogueJobHandler,
    ApprovalSweep,
    MaintenanceJobHandler,
    SweepScheduler,
  ],
})
export class WorkflowWorkersModule {}
