import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import type { ConfigOf } from '../../config/define-config.js';
import { Database } from '../../database/database.js';
import { MessageRepository, StateConflictError } from '../../messages/message-repository.js';
import type { JobHandler } from '../../queue/job-handler.decorator.js';
import { HandlesQueue } from '../../queue/job-handler.decorator.js';
import { ForeignJobError, type JobContext } from '../../queue/job-queue.js';
import { QUEUES, type JobPayloads } from '../../queue/queues.js';
import { BlobStore } from '../../storage/blob-store.js';
import { deliveryConfig } from '../delivery.config.js';
import { DeliveryService } from '../delivery.service.js';
import { messageFailedData } from '../events/event-data.js';
import { isReceivedEventType, RECEIVED_EVENT_TYPES } from '../events/received-events.js';
import { ReceivedDocumentFates } from '../ports.js';
import { isSignedRoute, type SignedRoute } from '../routes/route.model.js';
import { OperatorAlerts } from '../alerts/operator-alerts.js';
import { RouteService } from '../routes/route.service.js';
import { toAttemptRecord } from '../webhook/attempt-record.js';
import { WebhookDeliveryAttempter } from '../webhook/delivery-attempter.js';
import { WebhookRequestError } from '../webhook/http-sender.js';
import { nextStep } from '../webhook/next-step.js';
import { maxDeliveryAttempts } from '../webhook/retry-schedule.js';
import { WebhookSigningError } from '../webhook/signer.js';
import { webhookConfig } from '../webhook/webhook.config.js';
import { readDeliveryAttemptJob } from './delivery-jobs.js';
import type { Delivery, StoredWebhookEvent } from './delivery.model.js';
import { DeliveryRepository } from './delivery-repository.js';
import { MetricsService } from '../../metrics/metrics.service.js';

/** peppol_ap_webhook_breaker_state values. */
const BREAKER_GAUGE = { closed: 0, 'half-open': 1, open: 2 } as const;

const ACTOR = 'delivery';

/** Events whose message moves with its deliveries: the order we made, and every received document. */
const MESSAGE_EVENTS: ReadonlySet<string> = new Set(['order.created', ...RECEIVED_EVENT_TYPES]);

/**
 * Runs one attempt of one delivery per job: claim it, sign and POST the stored body, record the
 * attempt, then settle — delivered, failed (permanent rejection or retries exhausted, raising a
 * `message.failed` alert), or pending again with a delayed job under the next sequence number.
 */
@Injectable()
@HandlesQueue(QUEUES.delivery, { concurrency: 32 })
export class DeliveryJobHandler implements JobHandler<'delivery'> {
  private readonly logger = new Logger('Delivery');

  constructor(
    private readonly db: Database,
    private readonly deliveries: DeliveryRepository,
    private readonly routes: RouteService,
    private readonly service: DeliveryService,
    private readonly messages: MessageRepository,
    private readonly blobs: BlobStore,
    private readonly attempter: WebhookDeliveryAttempter,
    private readonly clock: Clock,
    @Inject(webhookConfig.KEY) private readonly webhook: ConfigOf<typeof webhookConfig>,
    @Inject(deliveryConfig.KEY) private readonly config: ConfigOf<typeof deliveryConfig>,
    private readonly metrics: MetricsService,
    private readonly alerts: OperatorAlerts,
    @Optional() private readonly fates?: ReceivedDocumentFates,
  ) {}

  async handle(payload: JobPayloads['delivery'], context: JobContext): Promise<void> {
    const job = readDeliveryAttemptJob(payload);
    if (!job) {
      // Not ours to guess at; the reconciler re-enqueues any delivery that is overdue.
      this.logger.warn(`job ${context.jobId}: not a delivery attempt, dropped`);
      return;
    }
    const { deliveryId, jobSeq } = job;
    const current = await this.deliveries.get(deliveryId);
    if (!current) throw new ForeignJobError(`delivery job for delivery ${deliveryId}, which is not in this installation's database`);
    if (jobSeq === current.jobSeq && (current.state === 'delivered' || current.state === 'failed')) {
      // Finished, maybe by this very job before it died: what follows from it is safe to repeat.
      const event = await this.deliveries.event(current.eventId);
      if (event && current.state === 'failed') {
        const exhausted = current.attempts >= maxDeliveryAttempts(this.webhook.retry);
        await this.alerts.deliveryGivenUp(current, event, { reason: current.lastError ?? 'failed', exhausted });
      }
      if (event) await this.settleMessage(event);
      return;
    }
    // Another job owns the delivery now: this job has nothing to do.
    if (jobSeq !== current.jobSeq) return;
    const route = await this.routes.get(current.routeId).catch(() => null);
    const now = this.clock.now();
    const timeoutMs = (route && isSignedRoute(route) ? route.timeoutMs : null) ?? this.webhook.http.responseTimeoutMs;
    const leaseMs = this.webhook.http.connectTimeoutMs + 2 * timeoutMs + this.config.leaseMarginMs;
    const claimed = await this.deliveries.claim(current.id, jobSeq, now, new Date(now.getTime() + leaseMs));
    if (!claimed) {
      // Held by a worker that may have died: look again when its claim runs out.
      const held = await this.deliveries.get(current.id);
      if (held?.state === 'sending' && held.jobSeq === jobSeq && held.leaseUntil) await this.service.enqueue(held, held.leaseUntil);
      return;
    }
    const { delivery, event } = claimed;
    if (!route || !isSignedRoute(route)) return this.fail(delivery, jobSeq, event, 'the route is gone or no longer a webhook route');
    if (!route.enabled) {
      return this.fail(delivery, jobSeq, event, `route ${route.id} is disabled${route.disabledReason ? `: ${route.disabledReason}` : ''}`);
    }
    await this.attempt(delivery, jobSeq, event, route);
  }

  private async attempt(delivery: Delivery, jobSeq: number, event: StoredWebhookEvent, route: SignedRoute): Promise<void> {
    const secrets = await this.routes.activeSecrets(route.id);
    if (secrets.length === 0) return this.fail(delivery, jobSeq, event, `route ${route.id} has no active signing secret`);
    const body = (await this.blobs.read(event.bodySha256)).toString('utf8');
    let result;
    try {
      result = await this.attempter.attempt({
        eventId: event.id,
        body,
        target: { endpointId: route.id, url: route.url, secrets, ...(route.timeoutMs !== null ? { responseTimeoutMs: route.timeoutMs } : {}) },
      });
    } catch (error) {
      // Our side cannot send this at all (payload over the limit, unusable URL or secret).
      if (error instanceof WebhookRequestError || error instanceof WebhookSigningError) return this.fail(delivery, jobSeq, event, error.message);
      throw error;
    }
    const now = this.clock.now();
    this.metrics.webhookBreakerState.set({ route: route.id }, BREAKER_GAUGE[this.attempter.breakerState(route.id)]);
    if (!result.sent) {
      this.metrics.webhookAttempts.inc({ outcome: 'circuit-open' });
      const settled = await this.deliveries.settle(
        delivery.id,
        jobSeq,
        { state: 'pending', attempts: delivery.attempts, nextAttemptAt: new Date(now.getTime() + result.retryInMs), error: 'circuit open: endpoint paused after repeated failures' },
        now,
      );
      if (settled) await this.service.enqueue(settled);
      return;
    }
    const number = delivery.attempts + 1;
    const record = toAttemptRecord(result.attempt, result.verdict);
    const step = nextStep(result.verdict, number, { policy: this.webhook.retry });
    this.metrics.webhookAttempts.inc({ outcome: step.step });
    this.metrics.webhookAttemptDuration.observe(record.latencyMs / 1000);
    const settled = await this.db.transaction(async (tx) => {
      await this.deliveries.recordAttempt(delivery.id, { ...record, generation: delivery.generation, number }, tx);
      if (step.step === 'delivered') return this.deliveries.settle(delivery.id, jobSeq, { state: 'delivered', attempts: number }, now, tx);
      if (step.step === 'failed') return this.deliveries.settle(delivery.id, jobSeq, { state: 'failed', attempts: number, error: step.reason }, now, tx);
      return this.deliveries.settle(
        delivery.id,
        jobSeq,
        { state: 'pending', attempts: number, nextAttemptAt: new Date(now.getTime() + step.delayMs), error: step.reason },
        now,
        tx,
      );
    });
    if (!settled) {
      this.logger.warn(`delivery ${delivery.id}: claim lost during attempt ${number}; another job carries on`);
      return;
    }
    if (step.step === 'retry') return this.service.enqueue(settled);
    if (step.step === 'failed') {
      if (step.disableEndpoint) await this.routes.disable(route.id, `the endpoint answered 410 Gone on ${now.toISOString()}`);
      await this.afterFailure(settled, event, step.reason, step.exhausted);
    }
    await this.settleMessage(event);
  }

  /** Fails without an attempt: our side cannot send this (no route, no secret, payload refused). */
  private async fail(delivery: Delivery, jobSeq: number, event: StoredWebhookEvent, reason: string): Promise<void> {
    const settled = await this.deliveries.settle(delivery.id, jobSeq, { state: 'failed', attempts: delivery.attempts, error: reason }, this.clock.now());
    if (!settled) return;
    await this.afterFailure(settled, event, reason, false);
    await this.settleMessage(event);
  }

  /**
   * Logs the failure and alerts the operators (alert.delivery-given-up; never for an alert's own
   * delivery); when retries ran out, tells the supplier's OMS too (never for an alert itself).
   */
  private async afterFailure(delivery: Delivery, event: StoredWebhookEvent, reason: string, exhausted: boolean): Promise<void> {
    this.logger.warn(`delivery ${delivery.id} of ${event.type} (${delivery.webhookId}) failed: ${reason}`);
    await this.alerts.deliveryGivenUp(delivery, event, { reason, exhausted });
    if (!exhausted || event.type === 'message.failed' || !event.supplierId || event.type.startsWith('alert.')) return;
    const message = event.messageId ? await this.messages.find(event.messageId) : null;
    const subject = message ?? { id: delivery.id, direction: 'outbound' as const, documentTypeId: event.documentTypeId };
    await this.service.emit({
      type: 'message.failed',
      data: messageFailedData(subject, { stage: 'delivery', error: { code: 'delivery-failed', message: reason }, failedAt: this.clock.now() }),
      supplierId: event.supplierId,
      documentTypeId: event.documentTypeId,
      messageId: event.messageId,
      key: `delivery:${delivery.id}:${delivery.generation}`,
    });
  }

  /**
   * An order's message, and a received document's, follows its deliveries: delivered once all are,
   * delivery-failed once none is pending and one failed. The message row lock orders concurrent
   * settlers; the last one decides.
   */
  private async settleMessage(event: StoredWebhookEvent): Promise<void> {
    if (!MESSAGE_EVENTS.has(event.type) || !event.messageId) return;
    const messageId = event.messageId;
    const settled = await this.db.transaction(async (tx) => {
      const locked = await this.messages.lock(messageId, tx);
      if (locked?.state !== 'delivering') return locked ? { state: locked.state, reason: locked.failure?.message ?? null } : null;
      const states = await this.deliveries.statesForMessage(messageId, event.type, tx);
      if (states.some((s) => s === 'pending' || s === 'sending')) return null;
      const failed = states.filter((s) => s === 'failed').length;
      try {
        if (failed === 0) {
          await this.messages.transition(messageId, 'delivered', { actor: ACTOR, reason: `webhook delivered (${event.id})`, from: ['delivering'], tx });
          return { state: 'delivered' as const, reason: null };
        }
        const reason = `${failed} of ${states.length} webhook deliveries failed`;
        await this.messages.transition(messageId, 'delivery-failed', {
          actor: ACTOR,
          reason,
          from: ['delivering'],
          patch: { failure: { stage: 'delivery', code: 'delivery-failed', message: reason } },
          tx,
        });
        return { state: 'delivery-failed' as const, reason };
      } catch (error) {
        if (!(error instanceof StateConflictError)) throw error;
        return null;
      }
    });
    // The operators hear of a message that could not be delivered (once per failure).
    if (settled?.state === 'delivery-failed') await this.alerts.messageFailed(messageId);
    // A received document's sender hears what became of it (Message Level Status), once it is known.
    if (!settled || !isReceivedEventType(event.type) || !this.fates) return;
    if (settled.state === 'delivered') await this.fates.fateKnown(messageId, { kind: 'handed-over', confirmed: true });
    else if (settled.state === 'delivery-failed') await this.fates.fateKnown(messageId, { kind: 'undeliverable', reason: settled.reason ?? 'delivery to the back end failed' });
  }
}
