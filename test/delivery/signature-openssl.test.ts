import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { generateWebhookSecret } from '../../src/delivery/webhook/secret.js';
import { WebhookSigner } from '../../src/delivery/webhook/signer.js';

function opensslAvailable(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!opensslAvailable())('webhook signatures cross-checked with the openssl CLI', () => {
  it('matches HMAC-SHA256 over "<webhook-id>.<webhook-timestamp>.<body>" for every rotated secret', () => {
    const secrets = [generateWebhookSecret(), generateWebhookSecret()];
    const body = JSON.stringify({ type: 'order.created', timestamp: '2026-11-23T10:00:00.000Z', data: { name: 'Åse & Co <b>' } });
    const headers = new WebhookSigner().sign({ eventId: 'x1', body, secrets, at: new Date() });
    const signedContent = `${headers['webhook-id']}.${headers['webhook-timestamp']}.${body}`;
    const expected = secrets.map((secret) => {
      const hexKey = Buffer.from(secret.slice('whsec_'.length), 'base64').toString('hex');
      const mac = execFileSync('openssl', ['dgst', '-sha256', '-mac', 'HMAC', '-macopt', `hexkey:${hexKey}`, '-binary'], {
        input: Buffer.from(signedContent, 'utf8'),
      });
      return `v1,${mac.toString('base64')}`;
    });
    expect(headers['webhook-signature']).toBe(expected.join(' '));
  });
});
