import { Webhook } from 'standardwebhooks';
import { assertWebhookSecret } from './secret.js';

/** The three Standard Webhooks headers of one delivery attempt. */
export interface WebhookSignatureHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

export class WebhookSigningError extends Error {
  override name = 'WebhookSigningError';
}

/** Event ids we accept: what databases and UUIDs produce, and never a `.` (the signed-content separator). */
const EVENT_ID = /^[A-Za-z0-9_-]{1,128}$/;
const MAX_ACTIVE_SECRETS = 4;

/**
 * `webhook-id` for an event: the same for every attempt and replay of that event, so it is the
 * consumer's idempotency key.
 */
export function webhookIdForEvent(eventId: string): string {
  if (!EVENT_ID.test(eventId)) {
    throw new WebhookSigningError('event id must be 1-128 characters of A-Z a-z 0-9 _ -');
  }
  return `msg_${eventId}`;
}

/**
 * Signs a delivery attempt with every active secret of the endpoint (two during rotation), using
 * the standardwebhooks library. Sign at attempt time: the receiver rejects timestamps older than
 * five minutes.
 */
export class WebhookSigner {
  /** Parsed keys by secret: the library decodes base64 in its constructor. */
  private readonly keys = new Map<string, Webhook>();

  sign(input: { eventId: string; body: string; secrets: readonly string[]; at: Date }): WebhookSignatureHeaders {
    const unique = [...new Set(input.secrets)];
    if (unique.length === 0) throw new WebhookSigningError('endpoint has no active signing secret');
    if (unique.length > MAX_ACTIVE_SECRETS) {
      throw new WebhookSigningError(`at most ${MAX_ACTIVE_SECRETS} active secrets per endpoint`);
    }
    const msgId = webhookIdForEvent(input.eventId);
    const at = new Date(Math.floor(input.at.getTime() / 1000) * 1000);
    const signatures = unique.map((secret) => this.keyFor(secret).sign(msgId, at, input.body));
    return {
      'webhook-id': msgId,
      'webhook-timestamp': String(at.getTime() / 1000),
      'webhook-signature': signatures.join(' '),
    };
  }

  private keyFor(secret: string): Webhook {
    let key = this.keys.get(secret);
    if (!key) {
      key = new Webhook(assertWebhookSecret(secret));
      // Bounded: a worker signs for a limited set of endpoints; start over rather than grow without end.
      if (this.keys.size >= 1024) this.keys.clear();
      this.keys.set(secret, key);
    }
    return key;
  }
}
