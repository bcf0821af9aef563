import { appendFile, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildWebhookEvent } from '../../src/delivery/webhook/events.js';
import { webhookExamples } from '../../src/delivery/webhook/examples.js';
import { generateWebhookSecret } from '../../src/delivery/webhook/secret.js';
import { WebhookSigner } from '../../src/delivery/webhook/signer.js';
import { control, startOms, tempDir, type RunningOms } from './harness.js';

const signer = new WebhookSigner();

function orderBody(orderId = 'PO-1001'): string {
  const data = structuredClone(webhookExamples['order.created']);
  data.order.id = orderId;
  return JSON.stringify(buildWebhookEvent('order.created', data, new Date()));
}

async function post(
  oms: { url: string },
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${oms.url}/webhooks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** The Standard Webhooks headers of one delivery, as plain HTTP headers (they may be altered or spread). */
function signed(secret: string, eventId: string, body: string, at = new Date()): Record<string, string> {
  return { ...signer.sign({ eventId, body, secrets: [secret], at }) };
}

describe('sample OMS', () => {
  let folder: Awaited<ReturnType<typeof tempDir>>;
  let oms: RunningOms;

  beforeEach(async () => {
    folder = await tempDir('sample-oms-');
    oms = await startOms({ dataDir: folder.dir });
  });
  afterEach(async () => {
    await oms.server.stop();
    await folder.remove();
  });

  it('accepts a signed order and shows it as JSON, on the page and as UBL', async () => {
    const body = orderBody('PO-<b>42</b>');
    const result = await post(oms, body, signed(oms.secret, 'evt1', body));
    expect(result).toEqual({ status: 200, json: { received: true, duplicate: false, webhookId: 'msg_evt1' } });

    const orders = (await (await fetch(`${oms.url}/orders`)).json()) as Array<Record<string, any>>;
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ webhookId: 'msg_evt1', order: { id: 'PO-<b>42</b>', totals: { payableAmount: '250.00' } } });
    expect(orders[0]!['order']).not.toHaveProperty('ublXml');

    const events = (await (await fetch(`${oms.url}/events?type=order.created`)).json()) as Array<Record<string, any>>;
    expect(events.map((e) => e['webhookId'])).toEqual(['msg_evt1']);

    const page = await fetch(`${oms.url}/`);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain('PO-&#60;b&#62;42&#60;/b&#62;');
    expect(html).not.toContain('<b>42');

    const ubl = await fetch(`${oms.url}/orders/msg_evt1/ubl.xml`);
    expect(ubl.headers.get('content-type')).toMatch(/application\/xml/);
    expect(await ubl.text()).toContain('<cbc:ID>PO-1001</cbc:ID>');
    expect((await fetch(`${oms.url}/orders/msg_nope/ubl.xml`)).status).toBe(404);
  });

  it('rejects a signature made with another secret, or over a different body (401)', async () => {
    const body = orderBody();
    const wrongSecret = await post(oms, body, signed(generateWebhookSecret(), 'evt2', body));
    expect(wrongSecret).toMatchObject({ status: 401, json: { error: 'invalid-signature' } });
    const tampered = await post(oms, body.replace('250.00', '0.01'), signed(oms.secret, 'evt2', body));
    expect(tampered).toMatchObject({ status: 401, json: { error: 'invalid-signature' } });
    const otherId = await post(oms, body, { ...signed(oms.secret, 'evt2', body), 'webhook-id': 'msg_evt3' });
    expect(otherId.status).toBe(401);
    expect((await (await fetch(`${oms.url}/events`)).json()) as unknown[]).toHaveLength(0);
  });

  it('rejects stale and future timestamps (±5 minutes)', async () => {
    const body = orderBody();
    const old = await post(oms, body, signed(oms.secret, 'evt4', body, new Date(Date.now() - 6 * 60_000)));
    expect(old).toMatchObject({ status: 401, json: { error: 'stale-timestamp' } });
    const future = await post(oms, body, signed(oms.secret, 'evt4', body, new Date(Date.now() + 6 * 60_000)));
    expect(future).toMatchObject({ status: 401, json: { error: 'stale-timestamp' } });
    const withinWindow = await post(oms, body, signed(oms.secret, 'evt4', body, new Date(Date.now() - 4 * 60_000)));
    expect(withinWindow.status).toBe(200);
  });

  it('acknowledges a redelivery once (200, duplicate), also one within the same second as the first', async () => {
    const body = orderBody();
    const headers = signed(oms.secret, 'evt5', body, new Date(Date.now() - 10_000));
    expect((await post(oms, body, headers)).status).toBe(200);
    expect(await post(oms, body, headers)).toEqual({ status: 200, json: { received: true, duplicate: true, webhookId: 'msg_evt5' } });
    const redelivery = await post(oms, body, signed(oms.secret, 'evt5', body));
    expect(redelivery).toEqual({ status: 200, json: { received: true, duplicate: true, webhookId: 'msg_evt5' } });
    expect((await (await fetch(`${oms.url}/events`)).json()) as unknown[]).toHaveLength(1);
  });

  it('keeps deduplicating by webhook-id after a restart', async () => {
    const body = orderBody();
    expect((await post(oms, body, signed(oms.secret, 'evt6', body, new Date(Date.now() - 5_000)))).status).toBe(200);
    await oms.server.stop();
    oms = await startOms({ dataDir: folder.dir, secret: oms.secret });
    const afterRestart = await post(oms, body, signed(oms.secret, 'evt6', body));
    expect(afterRestart.json).toMatchObject({ duplicate: true });
    const events = (await (await fetch(`${oms.url}/events`)).json()) as Array<Record<string, unknown>>;
    expect(events.map((e) => e['webhookId'])).toEqual(['msg_evt6']);
  });

  it('stores one JSON line per event in a file per UTC day, written before answering', async () => {
    await oms.server.stop();
    let now = new Date('2026-11-23T23:59:59.000Z');
    oms = await startOms({ dataDir: folder.dir, secret: oms.secret }, { now: () => now });
    const first = orderBody('A');
    await post(oms, first, signed(oms.secret, 'day1', first));
    now = new Date('2026-11-24T00:00:01.000Z');
    const second = orderBody('B');
    await post(oms, second, signed(oms.secret, 'day2', second));
    expect((await readdir(folder.dir)).sort()).toEqual(['events-2026-11-23.jsonl', 'events-2026-11-24.jsonl']);
    const lines = (await readFile(path.join(folder.dir, 'events-2026-11-24.jsonl'), 'utf8')).trim().split('\n');
    expect(lines.map((line) => JSON.parse(line).webhookId)).toEqual(['msg_day2']);
    expect(JSON.parse(lines[0]!)).toMatchObject({ type: 'order.created', receivedAt: '2026-11-24T00:00:01.000Z' });
  });

  it('stores concurrent deliveries once each', async () => {
    const bodies = Array.from({ length: 40 }, (_, i) => orderBody(`C${i}`));
    const results = await Promise.all(bodies.map((body, i) => post(oms, body, signed(oms.secret, `c${i}`, body))));
    expect(results.every((r) => r.status === 200 && r.json['duplicate'] === false)).toBe(true);
    // the same event delivered concurrently twice is stored once
    const twice = orderBody('T');
    const pair = await Promise.all([
      post(oms, twice, signed(oms.secret, 'twice', twice, new Date(Date.now() - 1_000))),
      post(oms, twice, signed(oms.secret, 'twice', twice)),
    ]);
    expect(pair.map((r) => r.status)).toEqual([200, 200]);
    expect(pair.map((r) => r.json['duplicate']).sort()).toEqual([false, true]);
    const files = await readdir(folder.dir);
    const stored = (await Promise.all(files.map((f) => readFile(path.join(folder.dir, f), 'utf8'))))
      .join('')
      .trim()
      .split('\n');
    expect(stored).toHaveLength(41);
  });

  it('survives a torn last line from a crash and keeps appending on a fresh line', async () => {
    const body = orderBody();
    await post(oms, body, signed(oms.secret, 'before', body));
    await oms.server.stop();
    const [file] = await readdir(folder.dir);
    await appendFile(path.join(folder.dir, file!), '{"webhookId":"msg_torn","webhookTi');
    oms = await startOms({ dataDir: folder.dir, secret: oms.secret });
    expect(oms).toMatchObject({ loaded: 1, skippedLines: 1 });
    const next = orderBody('after');
    expect((await post(oms, next, signed(oms.secret, 'after', next))).status).toBe(200);
    await oms.server.stop();
    oms = await startOms({ dataDir: folder.dir, secret: oms.secret });
    expect(oms).toMatchObject({ loaded: 2, skippedLines: 1 });
  });

  it('answers bad requests with specific errors', async () => {
    const body = orderBody();
    expect(await post(oms, body, {})).toMatchObject({ status: 400, json: { error: 'missing-headers' } });
    const invalidOrder = JSON.stringify({ type: 'order.created', timestamp: new Date().toISOString(), data: { schemaVersion: 1 } });
    expect(await post(oms, invalidOrder, signed(oms.secret, 'bad1', invalidOrder))).toMatchObject({
      status: 400,
      json: { error: 'invalid-payload', message: expect.stringContaining('data.messageId') },
    });
    const notJson = 'not json';
    expect(await post(oms, notJson, signed(oms.secret, 'bad2', notJson))).toMatchObject({ status: 400, json: { error: 'invalid-json' } });
    const future = JSON.stringify({ type: 'invoice.paid', timestamp: new Date().toISOString(), data: { id: 1 } });
    expect((await post(oms, future, signed(oms.secret, 'newtype', future))).status).toBe(200);
    const big = JSON.stringify({ type: 'x', timestamp: 't', data: { pad: 'x'.repeat(1024 * 1024) } });
    const tooLarge = await fetch(`${oms.url}/webhooks`, { method: 'POST', body: big, headers: signed(oms.secret, 'big', big) });
    expect(tooLarge.status).toBe(413);
    expect((await fetch(`${oms.url}/webhooks`)).status).toBe(405);
    expect((await fetch(`${oms.url}/nope`)).status).toBe(404);
  });

  it('injects faults only when test controls are enabled', async () => {
    const body = orderBody();
    expect((await control(oms.url, { mode: 'fail-500', count: 2 })).status).toBe(200);
    expect((await post(oms, body, signed(oms.secret, 'f1', body))).status).toBe(500);
    expect((await post(oms, body, signed(oms.secret, 'f1', body))).status).toBe(500);
    expect((await post(oms, body, signed(oms.secret, 'f1', body))).status).toBe(200);
    expect(await (await fetch(`${oms.url}/_control`)).json()).toEqual({ mode: 'ok', remaining: 0, injected: 2 });
    expect((await control(oms.url, { mode: 'explode' })).status).toBe(400);
    expect((await control(oms.url, { mode: 'down' })).status).toBe(400);

    await oms.server.stop();
    oms = await startOms({ dataDir: folder.dir, testControls: false });
    expect((await control(oms.url, { mode: 'fail-500' })).status).toBe(404);
  });
});
