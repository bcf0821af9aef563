import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { WebhookSecretError, assertWebhookSecret, generateWebhookSecret } from './secret.js';
import { WebhookSigner, WebhookSigningError, webhookIdForEvent } from './signer.js';

/** Independent HMAC (node:crypto / OpenSSL) over `<id>.<timestamp>.<body>`, per the spec. */
function expectedSignature(secret: string, id: string, timestamp: string, body: string): string {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  return 'v1,' + createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
}

describe('WebhookSigner', () => {
  const signer = new WebhookSigner();
  const body = JSON.stringify({ type: 'cart.received', timestamp: '2026-11-23T10:15:00.000Z', data: { ø: 'ü' } });
  const at = new Date('2026-11-23T10:15:07.900Z');

  it('produces Standard Webhooks headers that match an independent HMAC', () => {
    const secret = generateWebhookSecret();
    const headers = signer.sign({ eventId: 'e1b2', body, secrets: [secret], at });
    expect(headers['webhook-id']).toBe('msg_e1b2');
    expect(headers['webhook-timestamp']).toBe(String(Math.floor(at.getTime() / 1000)));
    expect(headers['webhook-signature']).toBe(
      expectedSignature(secret, 'msg_e1b2', headers['webhook-timestamp'], body),
    );
  });

  it('signs with every active secret during rotation', () => {
    const [oldSecret, newSecret] = [generateWebhookSecret(), generateWebhookSecret()];
    const headers = signer.sign({ eventId: 'e1', body, secrets: [oldSecret, newSecret, oldSecret], at });
    const parts = headers['webhook-signature'].split(' ');
    expect(parts).toEqual([
      expectedSignature(oldSecret, 'msg_e1', headers['webhook-timestamp'], body),
      expectedSignature(newSecret, 'msg_e1', headers['webhook-timestamp'], body),
    ]);
  });

  it('keeps the webhook-id and changes the timestamp between attempts', () => {
    const secret = generateWebhookSecret();
    const first = signer.sign({ eventId: 'e9', body, secrets: [secret], at });
    const retry = signer.sign({ eventId: 'e9', body, secrets: [secret], at: new Date(at.getTime() + 5_000) });
    expect(retry['webhook-id']).toBe(first['webhook-id']);
    expect(retry['webhook-timestamp']).not.toBe(first['webhook-timestamp']);
    expect(retry['webhook-signature']).not.toBe(first['webhook-signature']);
  });

  it('verifies with the library for a current timestamp', () => {
    const secret = generateWebhookSecret();
    const headers = signer.sign({ eventId: 'e3', body, secrets: [secret], at: new Date() });
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
  });

  it('refuses event ids that could break the signed content', () => {
    expect(() => webhookIdForEvent('a.b')).toThrow(WebhookSigningError);
    expect(() => webhookIdForEvent('')).toThrow(WebhookSigningError);
    expect(() => webhookIdForEvent('x'.repeat(129))).toThrow(WebhookSigningError);
    expect(webhookIdForEvent('0b6f6a4e-5d0c-4a36-9c1e-2f8a3c1d9e77')).toBe('msg_0b6f6a4e-5d0c-4a36-9c1e-2f8a3c1d9e77');
  });

  it('refuses to sign without a secret', () => {
    expect(() => signer.sign({ eventId: 'e1', body, secrets: [], at })).toThrow(/no active signing secret/);
  });
});

describe('webhook secrets', () => {
  it('generates whsec_ secrets of 32 bytes', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(assertWebhookSecret(secret)).toBe(secret);
  });

  it.each([
    ['missing prefix', Buffer.alloc(32, 1).toString('base64'), /start with "whsec_"/],
    ['not base64', 'whsec_not*base64!', /followed by base64/],
    ['too short', 'whsec_' + Buffer.alloc(16, 1).toString('base64'), /24 to 64 bytes \(it encodes 16\)/],
    ['too long', 'whsec_' + Buffer.alloc(72, 1).toString('base64'), /24 to 64 bytes/],
  ])('refuses a secret: %s', (_fault, secret, message) => {
    expect(() => assertWebhookSecret(secret)).toThrow(WebhookSecretError);
    expect(() => assertWebhookSecret(secret)).toThrow(message);
  });
});
