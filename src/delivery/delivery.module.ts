import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import type { ConfigOf } from '../config/define-config.js';
import { ParticipantsModule } from '../participants/participants.module.js';
import { DeliveryRequests } from '../workflows/ports.js';
import { AlertMetrics } from './alerts/alert-metrics.js';
import { AlertRepository } from './alerts/alert-repository.js';
import { OperatorAlerts } from './alerts/operator-alerts.js';
import { InProcessDeliveryRequests } from './delivery-requests.js';
import { deliveryConfig } from './delivery.config.js';
import { DeliveryService } from './delivery.service.js';
import { DeliveryJobHandler } from './deliveries/delivery.job-handler.js';
import { DeliveryRepository } from './deliveries/delivery-repository.js';
import { RouteRepository } from './routes/route-repository.js';
import { RouteService } from './routes/route.service.js';
import { SendOutcomeReports } from './ports.js';
import { SentDocumentEvents } from './sent-document-events.js';
import { SupplierEvents } from './supplier-events.js';
import { CircuitBreaker } from './webhook/circuit-breaker.js';
import { WebhookDeliveryAttempter } from './webhook/delivery-attempter.js';
import { WebhookHttpSender } from './webhook/http-sender.js';
import { WebhookSigner } from './webhook/signer.js';
import { webhookConfig } from './webhook/webhook.config.js';

/**
 * Delivery to suppliers: routes, webhook events and deliveries, replay, and the processing flows'
 * DeliveryRequests port; operator alerts (`OperatorAlerts`) to the routes of kind `operator`. Both roles import it: the API manages routes (and reports a person's
 * decisions); the worker's host finds the delivery job handler, which makes the webhook attempts.
 * Bind `OutboundAs4Sender` (ports.ts) in the AS4 sending module to enable AS4 routes; that module
 * imports this one for `SendOutcomeReports` (document.sent / document.send-failed).
 */
@Module({
  imports: [ParticipantsModule],
  providers: [
    webhookConfig.provider,
    deliveryConfig.provider,
    RouteRepository,
    RouteService,
    DeliveryRepository,
    DeliveryService,
    SupplierEvents,
    AlertRepository,
    AlertMetrics,
    OperatorAlerts,
    WebhookSigner,
    WebhookHttpSender,
    {
      // One breaker per process: every job to an endpoint sees the same circuit.
      provide: CircuitBreaker,
      inject: [webhookConfig.KEY],
      useFactory: (cfg: ConfigOf<typeof webhookConfig>) => new CircuitBreaker(cfg.breaker),
    },
    {
      provide: WebhookDeliveryAttempter,
      inject: [WebhookSigner, WebhookHttpSender, CircuitBreaker, Clock],
      useFactory: (signer: WebhookSigner, sender: WebhookHttpSender, breaker: CircuitBreaker, clock: Clock) =>
        new WebhookDeliveryAttempter(signer, sender, breaker, clock),
    },
    DeliveryJobHandler,
    { provide: DeliveryRequests, useClass: InProcessDeliveryRequests },
    { provide: SendOutcomeReports, useClass: SentDocumentEvents },
  ],
  exports: [
    RouteService,
    DeliveryService,
    SupplierEvents,
    DeliveryRepository,
    DeliveryRequests,
    SendOutcomeReports,
    WebhookDeliveryAttempter,
    webhookConfig.provider,
    OperatorAlerts,
    AlertRepository,
  ],
})
export class DeliveryModule implements OnApplicationShutdown {
  constructor(@Inject(WebhookHttpSender) private readonly sender: WebhookHttpSender) {}

  async onApplicationShutdown(): Promise<void> {
    await this.sender.close();
  }
}
