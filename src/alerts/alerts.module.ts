import { Module } from '@nestjs/common';
import { DeliveryModule } from '../delivery/delivery.module.js';
import { ReportingModule } from '../reporting/reporting.module.js';
import { AlertMonitor } from './alert-monitor.js';
import { alertsConfig } from './alerts.config.js';
import { AlertsScheduler } from './alerts.scheduler.js';

/**
 * The worker role's periodic alert checks (certificate expiry, the Peppol Reporting deadline, queue
 * backlog) and their gauges. The alerts themselves are raised by the delivery module's
 * `OperatorAlerts`, which also raises the event-driven ones (a message failed, a delivery given up).
 */
@Module({
  imports: [DeliveryModule, ReportingModule],
  providers: [alertsConfig.provider, AlertMonitor, AlertsScheduler],
  exports: [AlertsScheduler, AlertMonitor],
})
export class AlertsWorkerModule {}
