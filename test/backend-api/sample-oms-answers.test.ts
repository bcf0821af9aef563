import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookExamples } from '../../src/delivery/webhook/examples.js';
import { buildWebhookEvent } from '../../src/delivery/webhook/events.js';
import { WebhookSigner } from '../../src/delivery/webhook/signer.js';
import { type RunningOms, startOms, tempDir } from '../sample-oms/harness.js';
import { type BackendApi, BUYER, orderXml, SELLER, startBackendApi, submit } from './support.js';

/**
 * The sample OMS's buttons, end to end: a received order's event reaches the OMS (signed webhook),
 * a button posts the answer to the OMS, the OMS calls the access point's back-end API with its
 * backend key, and the access point sends the Order Response.
 */
describe('sample OMS answering orders through the back-end API (real access point on PostgreSQL and Redis)', () => {
  let api: BackendApi;
  let oms: RunningOms;
  let dir: { dir: string; remove(): Promise<void> };
  let buyerKey: string;

  beforeAll(async () => {
    api = await startBackendApi();
    buyerKey = await api.backendKey([BUYER]);
    const sellerKey = await api.backendKey([SELLER]);
    dir = await tempDir('ap-oms-answers-');
    oms = await startOms({ dataDir: dir.dir, accessPoint: { url: api.base, apiKey: sellerKey } });
  }, 180_000);
  afterAll(async () => {
    await oms?.server.stop();
    await dir?.remove();
    await api?.stop();
  });

  async function orderAtOms(orderNumber: string): Promise<{ messageId: string; webhookId: string }> {
    const res = await submit(api, buyerKey, orderXml({ seller: SELLER, id: orderNumber }));
    const messageId = ((await res.json()) as { handedOverAs: string }).handedOverAs;
    await api.waitFor(messageId, (m) => m.state !== 'received', 'validated');
    const data = structuredClone(webhookExamples['order.created']);
    data.messageId = messageId;
    data.order.id = orderNumber;
    const body = JSON.stringify(buildWebhookEvent('order.created', data, new Date()));
    const headers = new WebhookSigner().sign({ eventId: orderNumber, body, secrets: [oms.secret], at: new Date() });
    const delivered = await fetch(`${oms.url}/webhooks`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    expect(delivered.status).toBe(200);
    return { messageId, webhookId: headers['webhook-id'] };
  }

  const press = (webhookId: string, fields: Record<string, string>) =>
    fetch(`${oms.url}/orders/${encodeURIComponent(webhookId)}/answer`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString(), redirect: 'manual' });

  it('changes the quantity of a line with the page\'s button: the access point sends a CA order response, the page shows it', async () => {
    const { messageId, webhookId } = await orderAtOms('PO-OMS-1');
    const page = await (await fetch(`${oms.url}/`)).text();
    expect(page).toContain(`orders/${encodeURIComponent(webhookId)}/answer`);
    const res = await press(webhookId, { action: 'change', lineId: '2', quantity: '1' });
    expect(res.status).toBe(303);
    const order = await api.messages.get(messageId);
    const answer = (order.attributes as { answer?: { code: string; responseCode: string; responseMessageId: string } }).answer;
    expect(answer).toMatchObject({ code: 'changed', responseCode: 'CA' });
    const response = await api.messages.get(answer!.responseMessageId);
    expect(response).toMatchObject({ kind: 'order-response', senderId: SELLER, receiverId: BUYER, relatedMessageId: messageId });
    expect(await (await fetch(`${oms.url}/`)).text()).toContain(`changed: sent CA as order response ${answer!.responseMessageId}`);
    const listed = (await (await fetch(`${oms.url}/orders`)).json()) as Array<{ messageId: string; answer: { status: number } | null }>;
    expect(listed.find((o) => o.messageId === messageId)?.answer).toMatchObject({ status: 202 });

    // Answering again is the access point's 409, shown as refused.
    expect((await press(webhookId, { action: 'accept' })).status).toBe(303);
    expect(await (await fetch(`${oms.url}/`)).text()).toMatch(/accepted: refused \(409\): order .* was already answered changed/);
  });

  it('rejects with a reason, and refuses a form it cannot turn into an answer', async () => {
    const { messageId, webhookId } = await orderAtOms('PO-OMS-2');
    expect((await press(webhookId, { action: 'change', lineId: '1', quantity: 'lots' })).status).toBe(400);
    expect((await press(webhookId, { action: 'reject', note: 'Discontinued' })).status).toBe(303);
    expect((await api.messages.get(messageId)).attributes).toMatchObject({ answer: { code: 'rejected', responseCode: 'RE' } });
    expect((await press('msg_unknown', { action: 'accept' })).status).toBe(404);
  });
});
