import { randomBytes } from 'node:crypto';

/** Standard Webhooks secrets: `whsec_` + base64 of 24 to 64 random bytes. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';
const MIN_KEY_BYTES = 24;
const MAX_KEY_BYTES = 64;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export class WebhookSecretError extends Error {
  override name = 'WebhookSecretError';
}

/** A fresh secret for a new endpoint (32 random bytes). */
export function generateWebhookSecret(): string {
  return WEBHOOK_SECRET_PREFIX + randomBytes(32).toString('base64');
}

/**
 * Checks the form of a secret and returns it unchanged. The message never repeats the secret,
 * because it can end up in logs and API errors.
 */
export function assertWebhookSecret(secret: string): string {
  if (!secret.startsWith(WEBHOOK_SECRET_PREFIX)) {
    throw new WebhookSecretError(`webhook secret must start with "${WEBHOOK_SECRET_PREFIX}"`);
  }
  const encoded = secret.slice(WEBHOOK_SECRET_PREFIX.length);
  if (encoded.length > 128 || encoded.length % 4 !== 0 || !BASE64.test(encoded)) {
    throw new WebhookSecretError(`webhook secret must be "${WEBHOOK_SECRET_PREFIX}" followed by base64`);
  }
  const bytes = Buffer.from(encoded, 'base64').length;
  if (bytes < MIN_KEY_BYTES || bytes > MAX_KEY_BYTES) {
    throw new WebhookSecretError(
      `webhook secret must encode ${MIN_KEY_BYTES} to ${MAX_KEY_BYTES} bytes (it encodes ${bytes})`,
    );
  }
  return secret;
}
