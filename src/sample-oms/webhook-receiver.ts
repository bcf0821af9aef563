import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import type { Clock } from '../common/clock.js';
import { WebhookEventError, isWebhookEventType, parseWebhookEvent } from '../delivery/webhook/events.js';
import { EventStoreFullError, type JsonLinesEventStore, type StoredEvent } from './event-store.js';

/** What the OMS answers to a webhook. */
export interface ReceiveResult {
  status: number;
  body: Record<string, unknown>;
}

const MAX_WEBHOOK_ID = 256;

/**
 * What an OMS does with a webhook, in order: verify the Standard Webhooks signature and the
 * timestamp window (±5 minutes, enforced by the library) on the raw body, check the payload,
 * then deduplicate by `webhook-id` and store durably before answering 2xx.
 *
 * - A `webhook-id` already stored is a redelivery (our answer was lost, or an operator replayed
 *   it): acknowledged with 200 and `duplicate: true`, not stored twice. Its timestamp may even equal
 *   the first one's (Unix seconds: a redelivery within the same second), so it is no sign of an
 *   attack; a copied request gains nothing, as the id is stored once.
 */
export class WebhookReceiver {
  private readonly verifier: Webhook;

  constructor(
    secret: string,
    private readonly store: JsonLinesEventStore,
    private readonly clock: Pick<Clock, 'now'>,
  ) {
    this.verifier = new Webhook(secret);
  }

  async receive(rawBody: Buffer, headers: Record<string, string | string[] | undefined>): Promise<ReceiveResult> {
    const signed = {
      'webhook-id': single(headers['webhook-id']),
      'webhook-timestamp': single(headers['webhook-timestamp']),
      'webhook-signature': single(headers['webhook-signature']),
    };
    const body = rawBody.toString('utf8');
    let payload: unknown;
    try {
      payload = this.verifier.verify(body, signed);
    } catch (error) {
      if (error instanceof WebhookVerificationError) return rejectVerification(error.message);
      if (error instanceof SyntaxError) return { status: 400, body: { error: 'invalid-json', message: 'body is not JSON' } };
      throw error;
    }
    const webhookId = signed['webhook-id'];
    if (webhookId.length > MAX_WEBHOOK_ID) {
      return { status: 400, body: { error: 'invalid-webhook-id', message: `webhook-id longer than ${MAX_WEBHOOK_ID}` } };
    }
    const webhookTimestamp = Number.parseInt(signed['webhook-timestamp'], 10);

    const event = checkPayload(payload);
    if ('status' in event) return event;

    if (this.store.timestampOf(webhookId) !== undefined) return this.acknowledgeDuplicate(webhookId);

    const record: StoredEvent = {
      webhookId,
      webhookTimestamp,
      receivedAt: this.clock.now().toISOString(),
      type: event.type,
      timestamp: event.timestamp,
      data: event.data,
    };
    try {
      await this.store.append(record);
    } catch (error) {
      if (error instanceof EventStoreFullError) return { status: 507, body: { error: 'store-full', message: error.message } };
      return { status: 500, body: { error: 'store-failed', message: 'could not store the event; retry later' } };
    }
    return { status: 200, body: { received: true, duplicate: false, webhookId } };
  }

  /** A redelivery is acknowledged only once the first copy is really on disk. */
  private async acknowledgeDuplicate(webhookId: string): Promise<ReceiveResult> {
    if (await this.store.isDurable(webhookId)) return { status: 200, body: { received: true, duplicate: true, webhookId } };
    return { status: 500, body: { error: 'store-failed', message: 'could not store the event; retry later' } };
  }
}

function single(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

function rejectVerification(message: string): ReceiveResult {
  if (message === 'Missing required headers') {
    return { status: 400, body: { error: 'missing-headers', message: 'webhook-id, webhook-timestamp and webhook-signature are required' } };
  }
  if (message.startsWith('Message timestamp too')) {
    return { status: 401, body: { error: 'stale-timestamp', message: 'webhook-timestamp is more than 5 minutes from our clock' } };
  }
  if (message === 'Invalid Signature Headers') {
    return { status: 401, body: { error: 'invalid-timestamp', message: 'webhook-timestamp is not a number' } };
  }
  return { status: 401, body: { error: 'invalid-signature', message: 'no signature matches our secret' } };
}

/** Known event types must match their schema; unknown types are accepted for forward compatibility. */
function checkPayload(payload: unknown): { type: string; timestamp: string; data: unknown } | ReceiveResult {
  const envelope = payload as { type?: unknown; timestamp?: unknown; data?: unknown } | null;
  if (
    !envelope ||
    typeof envelope !== 'object' ||
    typeof envelope.type !== 'string' ||
    typeof envelope.timestamp !== 'string' ||
    typeof envelope.data !== 'object' ||
    envelope.data === null
  ) {
    return { status: 400, body: { error: 'invalid-payload', message: 'expected { type, timestamp, data }' } };
  }
  if (!isWebhookEventType(envelope.type)) {
    return { type: envelope.type.slice(0, 128), timestamp: envelope.timestamp.slice(0, 64), data: envelope.data };
  }
  try {
    return parseWebhookEvent(envelope);
  } catch (error) {
    if (error instanceof WebhookEventError) return { status: 400, body: { error: 'invalid-payload', message: error.message } };
    throw error;
  }
}
