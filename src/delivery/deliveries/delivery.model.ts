import type { DeliveryAttemptRecord } from '../webhook/attempt-record.js';
import type { WebhookEventType } from '../webhook/events.js';

export type DeliveryState = 'pending' | 'sending' | 'delivered' | 'failed';

/** One event on its way to one webhook route. */
export interface Delivery {
  id: string;
  eventId: string;
  routeId: string;
  eventType: WebhookEventType;
  /** The Standard Webhooks `webhook-id`: the same for every attempt and replay. */
  webhookId: string;
  state: DeliveryState;
  /** 1 for the first run; each replay starts a new generation. */
  generation: number;
  /** Attempts made in the current generation. */
  attempts: number;
  /** The one queue job allowed to work on this delivery now. */
  jobSeq: number;
  nextAttemptAt: Date | null;
  leaseUntil: Date | null;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
  deliveredAt: Date | null;
  failedAt: Date | null;
}

/** A stored event: the exact body every attempt sends. */
export interface StoredWebhookEvent {
  id: string;
  type: WebhookEventType;
  /** Whose routes it went to; null for an operator alert. */
  supplierId: string | null;
  documentTypeId: string | null;
  messageId: string | null;
  bodySha256: string;
  bodySize: number;
  occurredAt: Date;
}

export interface StoredAttempt extends DeliveryAttemptRecord {
  generation: number;
  number: number;
}
