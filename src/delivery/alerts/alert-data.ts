import type { MessageRecord } from '../../messages/message-record.js';
import { isFailedState } from '../../messages/message-states.js';
import type { Delivery, StoredWebhookEvent } from '../deliveries/delivery.model.js';
import { WEBHOOK_SCHEMA_VERSION, type AlertEventType, type WebhookEventData } from '../webhook/events.js';

/** An operator alert ready to raise: its type, what makes it one condition, and its data. */
export interface Alert<T extends AlertEventType = AlertEventType> {
  type: T;
  /** The condition key: the same condition raised again (the same key) is one alert. */
  key: string;
  data: WebhookEventData<T>;
}

export type AnyAlert = { [T in AlertEventType]: Alert<T> }[AlertEventType];

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * The alert for a message in a failed state: null for any other state. `transitionId` names the move
 * into that state (its timeline event), so the same failure is one alert and a failure after a replay
 * is another.
 */
export function messageFailedAlert(message: MessageRecord, transitionId: string, raisedAt: Date): Alert<'alert.message-failed'> | null {
  if (!isFailedState(message.state)) return null;
  const failure = message.failure ?? { code: message.state, message: `message ${message.id} is ${message.state}` };
  const condition = `message:${message.id}:${message.state}`;
  return {
    type: 'alert.message-failed',
    key: `${condition}:${transitionId}`,
    data: {
      schemaVersion: WEBHOOK_SCHEMA_VERSION,
      condition,
      severity: 'warning',
      summary: clip(`${message.direction} ${message.kind} ${message.id} is ${message.state}: ${failure.message || failure.code}`, 1024),
      raisedAt: raisedAt.toISOString(),
      message: {
        id: message.id,
        direction: message.direction,
        kind: message.kind,
        state: message.state,
        ...(message.documentTypeId ? { documentType: clip(message.documentTypeId, 512) } : {}),
        ...(message.senderId ? { senderId: clip(message.senderId, 256) } : {}),
        ...(message.receiverId ? { receiverId: clip(message.receiverId, 256) } : {}),
      },
      failure: {
        ...('stage' in failure && failure.stage ? { stage: failure.stage } : {}),
        code: clip(failure.code || 'failed', 64),
        message: clip(failure.message || failure.code || 'failed', 4096),
      },
    },
  };
}

/**
 * The alert for a webhook delivery that ended `failed`: its retries ran out (`exhausted`) or it was
 * refused for good. Null for an alert's own delivery: an operator endpoint that fails is not told
 * about itself (that would go round in circles); its deliveries are listed and replayable.
 */
export function deliveryGivenUpAlert(
  delivery: Pick<Delivery, 'id' | 'routeId' | 'eventType' | 'webhookId' | 'attempts' | 'generation'>,
  event: Pick<StoredWebhookEvent, 'type' | 'supplierId' | 'messageId'>,
  outcome: { reason: string; exhausted: boolean },
  raisedAt: Date,
): Alert<'alert.delivery-given-up'> | null {
  if (event.type.startsWith('alert.')) return null;
  const condition = `delivery:${delivery.id}:${delivery.generation}`;
  const how = outcome.exhausted ? `given up after ${delivery.attempts} attempts` : 'refused for good';
  return {
    type: 'alert.delivery-given-up',
    key: condition,
    data: {
      schemaVersion: WEBHOOK_SCHEMA_VERSION,
      condition,
      severity: 'warning',
      summary: clip(`${event.type} to route ${delivery.routeId} ${how}: ${outcome.reason}`, 1024),
      raisedAt: raisedAt.toISOString(),
      delivery: {
        id: delivery.id,
        routeId: delivery.routeId,
        eventType: delivery.eventType,
        webhookId: delivery.webhookId,
        attempts: delivery.attempts,
        generation: delivery.generation,
      },
      ...(event.supplierId ? { participantId: event.supplierId } : {}),
      ...(event.messageId ? { messageId: event.messageId } : {}),
      reason: clip(outcome.reason || 'failed', 4096),
      exhausted: outcome.exhausted,
    },
  };
}
