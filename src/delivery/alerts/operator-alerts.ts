import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { MessageRepository } from '../../messages/message-repository.js';
import type { Delivery, StoredWebhookEvent } from '../deliveries/delivery.model.js';
import { DeliveryService, eventIdFor } from '../delivery.service.js';
import type { AlertEventType } from '../webhook/events.js';
import { deliveryGivenUpAlert, messageFailedAlert, type Alert, type AnyAlert } from './alert-data.js';
import { AlertMetrics } from './alert-metrics.js';
import { AlertRepository } from './alert-repository.js';

export interface RaiseOutcome {
  /** False when this condition was raised before (the same key): not counted or logged again. */
  first: boolean;
  /** Deliveries to operator routes (new or existing ones of the same alert). */
  deliveries: number;
}

/** Alerts removed per statement when the history is pruned. */
const FORGET_BATCH = 5_000;

/**
 * Raises operator alerts: each is recorded once per condition key (counted in
 * peppol_ap_alerts_total, logged) and emitted to the enabled operator routes that take its type
 * through the webhook delivery pipeline (stored body, Standard Webhooks signature, retries, breaker,
 * replay). Raising the same alert again only makes sure its deliveries exist.
 */
@Injectable()
export class OperatorAlerts {
  private readonly logger = new Logger('Alerts');

  constructor(
    private readonly delivery: DeliveryService,
    private readonly alerts: AlertRepository,
    private readonly metrics: AlertMetrics,
    private readonly messages: MessageRepository,
    private readonly clock: Clock,
  ) {}

  async raise<T extends AlertEventType>(alert: Alert<T>): Promise<RaiseOutcome> {
    const id = eventIdFor(alert.type, alert.key);
    const raisedAt = new Date(alert.data.raisedAt);
    const first = await this.alerts.record({
      id,
      type: alert.type,
      condition: alert.data.condition,
      severity: alert.data.severity,
      summary: alert.data.summary,
      data: alert.data,
      raisedAt,
    });
    if (first) {
      this.metrics.raised.inc({ type: alert.type });
      const line = `ALERT ${alert.type}: ${alert.data.summary}`;
      if (alert.data.severity === 'critical') this.logger.error(line);
      else this.logger.warn(line);
    }
    const emitted = await this.delivery.emitAlert({ type: alert.type, data: alert.data, key: alert.key, occurredAt: raisedAt });
    return { first, deliveries: emitted.deliveries.length };
  }

  /** Forgets the alerts raised before `cutoff` (the history is bounded), in batches; how many. */
  async forgetRaisedBefore(cutoff: Date): Promise<number> {
    let removed = 0;
    for (let batch = FORGET_BATCH; batch === FORGET_BATCH; removed += batch) batch = await this.alerts.removeRaisedBefore(cutoff, FORGET_BATCH);
    return removed;
  }

  /**
   * A message may have reached a failed state (failed, delivery-failed, send-failed): alert when it
   * is in one. Safe to call again for the same failure. Never throws: the failure it reports is
   * committed already, and the caller's work must not fail for its alert (logged instead).
   */
  async messageFailed(messageId: string): Promise<void> {
    await this.quietly(`alert.message-failed for message ${messageId}`, async () => {
      const message = await this.messages.find(messageId);
      if (!message) return;
      const moved = (await this.messages.timeline(messageId)).filter((e) => e.toState === message.state).at(-1);
      const alert = messageFailedAlert(message, moved?.id ?? message.updatedAt.toISOString(), this.clock.now());
      if (alert) await this.raise(alert);
    });
  }

  /** A webhook delivery ended failed (retries out, or refused for good). Never throws (logged instead). */
  async deliveryGivenUp(delivery: Delivery, event: StoredWebhookEvent, outcome: { reason: string; exhausted: boolean }): Promise<void> {
    await this.quietly(`alert.delivery-given-up for delivery ${delivery.id}`, async () => {
      const alert = deliveryGivenUpAlert(delivery, event, outcome, this.clock.now());
      if (alert) await this.raise(alert);
    });
  }

  /** Raises periodic-check alerts; errors go to the caller (the check's job). */
  async raiseAll(alerts: readonly AnyAlert[]): Promise<RaiseOutcome[]> {
    const out: RaiseOutcome[] = [];
    for (const alert of alerts) out.push(await this.raise(alert as Alert));
    return out;
  }

  private async quietly(what: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.logger.error(`cannot raise ${what}: ${(error as Error)?.message ?? String(error)}`);
    }
  }
}
