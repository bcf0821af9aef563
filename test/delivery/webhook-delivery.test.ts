import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Clock } from '../../src/common/clock.js';
import { CircuitBreaker } from '../../src/delivery/webhook/circuit-breaker.js';
import { WebhookDeliveryAttempter, type WebhookTarget } from '../../src/delivery/webhook/delivery-attempter.js';
import { buildWebhookEvent } from '../../src/delivery/webhook/events.js';
import { webhookExamples } from '../../src/delivery/webhook/examples.js';
import { WebhookHttpSender, WebhookRequestError } from '../../src/delivery/webhook/http-sender.js';
import { nextStep, type NextStep } from '../../src/delivery/webhook/next-step.js';
import { generateWebhookSecret } from '../../src/delivery/webhook/secret.js';
import { WebhookSigner } from '../../src/delivery/webhook/signer.js';
import { control, startOms, tempDir, type RunningOms } from '../sample-oms/harness.js';

const httpOptions = {
  connectTimeoutMs: 1_000,
  responseTimeoutMs: 600,
  responseExcerptBytes: 64,
  responseMaxBytes: 4_096,
  maxPayloadBytes: 1024 * 1024,
  userAgent: 'peppol-ap-webhooks-test',
};

const clock = new Clock();
const breakerOptions = { failureThreshold: 100, openMs: 1_000, maxOpenMs: 1_000, probeTimeoutMs: 1_000 };
const signer = new WebhookSigner();
let sender: WebhookHttpSender;

beforeAll(() => {
  sender = new WebhookHttpSender({ http: httpOptions }, clock);
});
afterAll(async () => {
  await sender.close();
});

function orderBody(orderId: string): string {
  const data = structuredClone(webhookExamples['order.created']);
  data.order.id = orderId;
  return JSON.stringify(buildWebhookEvent('order.created', data, new Date()));
}

async function storedIds(oms: { url: string }): Promise<string[]> {
  const events = (await (await fetch(`${oms.url}/events`)).json()) as Array<{ webhookId: string }>;
  return events.map((event) => event.webhookId);
}

/**
 * Runs the delivery loop the queue worker runs, without waiting out the delays: attempt, classify,
 * plan the next step; repeat until delivered or failed. Returns every step taken.
 */
async function deliver(
  attempter: WebhookDeliveryAttempter,
  input: { eventId: string; body: string; target: WebhookTarget },
  beforeAttempt: (n: number) => Promise<void> = async () => undefined,
): Promise<Array<NextStep & { status: number | string; webhookId: string }>> {
  const steps: Array<NextStep & { status: number | string; webhookId: string }> = [];
  for (let attemptsMade = 1; attemptsMade <= 20; attemptsMade++) {
    await beforeAttempt(attemptsMade);
    const result = await attempter.attempt(input);
    if (!result.sent) throw new Error('circuit open');
    const status = result.attempt.kind === 'response' ? result.attempt.status : result.attempt.error;
    const step = nextStep(result.verdict, attemptsMade, { random: () => 0.5 });
    steps.push({ ...step, status, webhookId: result.webhookId });
    if (step.step !== 'retry') return steps;
  }
  throw new Error('no end');
}

describe('webhook delivery to the sample OMS over HTTP', () => {
  let folder: Awaited<ReturnType<typeof tempDir>>;
  let oms: RunningOms;
  let attempter: WebhookDeliveryAttempter;
  let target: WebhookTarget;

  beforeEach(async () => {
    folder = await tempDir('webhook-delivery-');
    oms = await startOms({ dataDir: folder.dir });
    const breaker = new CircuitBreaker(breakerOptions);
    attempter = new WebhookDeliveryAttempter(signer, sender, breaker, clock);
    target = { endpointId: 'ep1', url: `${oms.url}/webhooks`, secrets: [oms.secret] };
  });
  afterEach(async () => {
    await oms.server.stop();
    await folder.remove();
  });

  it('delivers a signed order the OMS verifies, recording status, latency and excerpt', async () => {
    const result = await attempter.attempt({ eventId: 'o1', body: orderBody('PO-1'), target });
    expect(result.sent).toBe(true);
    if (!result.sent) return;
    expect(result.verdict).toEqual({ verdict: 'delivered' });
    expect(result.attempt).toMatchObject({ kind: 'response', status: 200, responseTruncated: false });
    if (result.attempt.kind !== 'response') return;
    expect(JSON.parse(result.attempt.responseExcerpt)).toEqual({ received: true, duplicate: false, webhookId: 'msg_o1' });
    expect(result.attempt.latencyMs).toBeGreaterThan(0);
    expect(result.attempt.latencyMs).toBeLessThan(5_000);
    expect(await storedIds(oms)).toEqual(['msg_o1']);
  });

  it('is verified during secret rotation whichever secret the OMS holds', async () => {
    const oldSecret = oms.secret;
    const newSecret = generateWebhookSecret();
    const rotating = { ...target, secrets: [oldSecret, newSecret] };
    const first = await attempter.attempt({ eventId: 'r1', body: orderBody('R1'), target: rotating });
    expect(first.sent && first.verdict.verdict).toBe('delivered');

    await oms.server.stop();
    oms = await startOms({ dataDir: folder.dir, secret: newSecret });
    const moved = { ...rotating, url: `${oms.url}/webhooks` };
    const second = await attempter.attempt({ eventId: 'r2', body: orderBody('R2'), target: moved });
    expect(second.sent && second.verdict.verdict).toBe('delivered');

    const stale = await attempter.attempt({ eventId: 'r3', body: orderBody('R3'), target: { ...moved, secrets: [oldSecret] } });
    expect(stale.sent && stale.attempt.kind === 'response' && stale.attempt.status).toBe(401);
    expect(stale.sent && stale.verdict.verdict).toBe('failed');
    expect((await storedIds(oms)).sort()).toEqual(['msg_r1', 'msg_r2']);
  });

  it('retries three 500s and then delivers once, with the same webhook-id', async () => {
    await control(oms.url, { mode: 'fail-500', count: 3 });
    const steps = await deliver(attempter, { eventId: 'five', body: orderBody('F'), target });
    expect(steps.map((s) => [s.step, s.status])).toEqual([
      ['retry', 500],
      ['retry', 500],
      ['retry', 500],
      ['delivered', 200],
    ]);
    expect(steps.map((s) => (s.step === 'retry' ? s.delayMs : null))).toEqual([5_000, 30_000, 120_000, null]);
    expect(new Set(steps.map((s) => s.webhookId))).toEqual(new Set(['msg_five']));
    expect(await storedIds(oms)).toEqual(['msg_five']);
  });

  it('fails at once on 400, without retrying', async () => {
    await control(oms.url, { mode: 'fail-400' });
    const steps = await deliver(attempter, { eventId: 'four', body: orderBody('X'), target });
    expect(steps).toEqual([
      expect.objectContaining({ step: 'failed', status: 400, disableEndpoint: false, exhausted: false }),
    ]);
    expect(await (await fetch(`${oms.url}/_control`)).json()).toMatchObject({ injected: 1 });
  });

  it('disables the endpoint on 410', async () => {
    await control(oms.url, { mode: 'fail-410' });
    const steps = await deliver(attempter, { eventId: 'gone', body: orderBody('G'), target });
    expect(steps).toEqual([expect.objectContaining({ step: 'failed', status: 410, disableEndpoint: true })]);
  });

  it('honours Retry-After on 429', async () => {
    await control(oms.url, { mode: 'fail-429', count: 1, retryAfterSeconds: 90 });
    const result = await attempter.attempt({ eventId: 'busy', body: orderBody('B'), target });
    if (!result.sent) throw new Error('not sent');
    expect(result.attempt).toMatchObject({ status: 429, retryAfter: '90' });
    expect(result.verdict).toMatchObject({ verdict: 'retry', retryAfterSeconds: 90 });
    expect(nextStep(result.verdict, 1, { random: () => 0.5 })).toMatchObject({ step: 'retry', delayMs: 90_000 });
  });

  it('retries while the OMS is down (connection refused) and delivers exactly once when it is back', async () => {
    const port = new URL(oms.url).port;
    await oms.server.stop();
    const steps = await deliver(attempter, { eventId: 'down1', body: orderBody('D'), target }, async (n) => {
      if (n === 3) oms = await startOms({ dataDir: folder.dir, secret: oms.secret, port: Number(port) });
    });
    expect(steps.map((s) => s.status)).toEqual(['connection-refused', 'connection-refused', 200]);
    // a later redelivery (an operator's replay, seconds later) is acknowledged but not stored again
    const later = new WebhookDeliveryAttempter(signer, sender, new CircuitBreaker(breakerOptions), {
      now: () => new Date(Date.now() + 2_000),
    });
    const replay = await later.attempt({ eventId: 'down1', body: orderBody('D'), target });
    expect(replay.sent && replay.verdict.verdict).toBe('delivered');
    expect(replay.sent && replay.attempt.kind === 'response' && replay.attempt.responseExcerpt).toContain('"duplicate":true');
    expect(await storedIds(oms)).toEqual(['msg_down1']);
  });

  it('retries while the OMS refuses connections for a while (down mode)', async () => {
    await control(oms.url, { mode: 'down', forMs: 400 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const steps = await deliver(attempter, { eventId: 'down2', body: orderBody('D2'), target }, async (n) => {
      if (n > 1) await new Promise((resolve) => setTimeout(resolve, 250));
    });
    expect(steps[0]!.status).toBe('connection-refused');
    expect(steps.at(-1)).toMatchObject({ step: 'delivered', status: 200 });
    expect(await storedIds(oms)).toEqual(['msg_down2']);
  });

  it('retries after a response timeout; the OMS that stored it anyway acknowledges the retry as a duplicate', async () => {
    await control(oms.url, { mode: 'slow', delayMs: 1_000, count: 1 });
    const steps = await deliver(attempter, { eventId: 'slow', body: orderBody('S'), target }, async (n) => {
      if (n === 2) await new Promise((resolve) => setTimeout(resolve, 1_200));
    });
    expect(steps.map((s) => s.status)).toEqual(['response-timeout', 200]);
    expect(await storedIds(oms)).toEqual(['msg_slow']);
  });

  it('retries when the connection is reset', async () => {
    await control(oms.url, { mode: 'reset', count: 1 });
    const steps = await deliver(attempter, { eventId: 'reset', body: orderBody('RS'), target });
    expect(steps.map((s) => s.status)).toEqual(['connection-reset', 200]);
  });

  it('stops sending while the circuit is open', async () => {
    const breaker = new CircuitBreaker({ failureThreshold: 2, openMs: 60_000, maxOpenMs: 60_000, probeTimeoutMs: 60_000 });
    const guarded = new WebhookDeliveryAttempter(signer, sender, breaker, clock);
    await control(oms.url, { mode: 'fail-503' });
    for (const id of ['b1', 'b2']) {
      const result = await guarded.attempt({ eventId: id, body: orderBody(id), target });
      expect(result.sent).toBe(true);
    }
    const refused = await guarded.attempt({ eventId: 'b3', body: orderBody('b3'), target });
    expect(refused).toMatchObject({ sent: false, webhookId: 'msg_b3' });
    expect(await (await fetch(`${oms.url}/_control`)).json()).toMatchObject({ injected: 2 });
  });
});

describe('WebhookHttpSender against odd servers', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      if (req.url === '/big') {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('é'.repeat(50_000));
      } else if (req.url === '/redirect') {
        res.writeHead(302, { location: '/elsewhere' });
        res.end();
      } else if (req.url === '/echo') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ headers: req.headers }));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('keeps only an excerpt of a large response and stops reading at the bound', async () => {
    const attempt = await sender.send({ url: `${base}/big`, headers: {}, body: '{}' });
    expect(attempt).toMatchObject({ kind: 'response', status: 500, responseTruncated: true });
    if (attempt.kind !== 'response') return;
    expect(Buffer.byteLength(attempt.responseExcerpt.replace(/\uFFFD$/, ''))).toBeLessThanOrEqual(64);
    expect(attempt.responseExcerpt.startsWith('éééé')).toBe(true);
  });

  it('does not follow redirects', async () => {
    const attempt = await sender.send({ url: `${base}/redirect`, headers: {}, body: '{}' });
    expect(attempt).toMatchObject({ kind: 'response', status: 302 });
  });

  it('sends the signature headers, JSON content type and user agent', async () => {
    const headers = signer.sign({ eventId: 'h1', body: '{}', secrets: [generateWebhookSecret()], at: new Date() });
    const attempt = await sender.send({ url: `${base}/echo`, headers: { ...headers }, body: '{}' });
    if (attempt.kind !== 'response') throw new Error('no response');
    // the excerpt is cut at 64 bytes, so check through a wider sender
    const wide = new WebhookHttpSender({ http: { ...httpOptions, responseExcerptBytes: 4_096 } }, clock);
    const full = await wide.send({ url: `${base}/echo`, headers: { ...headers }, body: '{}' });
    await wide.close();
    if (full.kind !== 'response') throw new Error('no response');
    const echoed = JSON.parse(full.responseExcerpt).headers as Record<string, string>;
    expect(echoed).toMatchObject({
      'webhook-id': 'msg_h1',
      'webhook-timestamp': headers['webhook-timestamp'],
      'webhook-signature': headers['webhook-signature'],
      'content-type': 'application/json',
      'user-agent': 'peppol-ap-webhooks-test',
    });
  });

  it('refuses a payload over the limit and a URL that is not http(s)', async () => {
    await expect(sender.send({ url: `${base}/echo`, headers: {}, body: 'x'.repeat(1024 * 1024 + 1) })).rejects.toThrow(
      WebhookRequestError,
    );
    await expect(sender.send({ url: 'file:///etc/passwd', headers: {}, body: '{}' })).rejects.toThrow(/not http\(s\)/);
  });
});
