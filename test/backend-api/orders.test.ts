import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageRepository } from '../../src/messages/message-repository.js';
import { JobQueue } from '../../src/queue/job-queue.js';
import { BlobStore } from '../../src/storage/blob-store.js';
import { receiveDocument } from '../support/received-document.js';
import { answer, type BackendApi, BUYER, get, orderXml, REMOTE, SELLER, startBackendApi, submit } from './support.js';

interface Problem {
  type: string;
  detail: string;
  errors?: Array<{ in: string; field: string; message: string }>;
}

describe('back-end API: answering orders with an Order Response (API and worker in process, PostgreSQL, Redis)', () => {
  let api: BackendApi;
  let buyerKey: string;
  let sellerKey: string;

  beforeAll(async () => {
    api = await startBackendApi();
    buyerKey = await api.backendKey([BUYER]);
    sellerKey = await api.backendKey([SELLER]);
  }, 180_000);
  afterAll(async () => {
    await api?.stop();
  });

  /** An order from the buyer's back end to the seller served here: the inbound order once validated. */
  async function receivedOrder(id: string, process: 'ordering' | 'order_only' = 'ordering'): Promise<string> {
    const res = await submit(api, buyerKey, orderXml({ seller: SELLER, id, process }));
    expect(res.status).toBe(202);
    const inbound = ((await res.json()) as { handedOverAs: string }).handedOverAs;
    const validated = await api.waitFor(inbound, (m) => m.state !== 'received', 'validated');
    expect(validated.state).not.toBe('rejected');
    return inbound;
  }

  it('answers an order changed on one line: a valid T76 (CA) goes to the buyer, the order shows the answer, a second answer is refused', async () => {
    const orderId = await receivedOrder('PO-ANSWER-1');
    const res = await answer(api, sellerKey, orderId, { code: 'changed', note: 'Only 1 of item 2 left', lines: [{ lineId: '2', code: 'changed', quantity: '1' }] });
    expect(res.status).toBe(202);
    const answered = (await res.json()) as { id: string; responseCode: string; lines: Array<{ lineId: string; status: string; quantity?: string }>; statusUrl: string };
    expect(answered.responseCode).toBe('CA');
    expect(answered.lines).toEqual([
      { lineId: '1', status: '5' },
      { lineId: '2', status: '3', quantity: '1' },
      { lineId: '3', status: '5' },
    ]);
    expect(res.headers.get('location')).toBe(answered.statusUrl);
    // The buyer is served here too: the T76 is handed over and passes the buyer side's validation.
    const response = await api.messages.get(answered.id);
    expect(response).toMatchObject({ direction: 'outbound', kind: 'order-response', senderId: SELLER, receiverId: BUYER, relatedMessageId: orderId, state: 'delivered' });
    const handedOver = response.attributes.handedOver!.inboundMessageId;
    const received = await api.waitFor(handedOver, (m) => m.state !== 'received', 'validated');
    expect(received).toMatchObject({ kind: 'order-response', receiverId: BUYER });
    expect(received.state).not.toBe('rejected');
    const t76 = await (await get(api, buyerKey, `/api/v1/documents/${handedOver}/content`)).text();
    expect(t76).toContain('<cbc:OrderResponseCode>CA</cbc:OrderResponseCode>');
    expect(t76).toContain('<cbc:ID>PO-ANSWER-1</cbc:ID>');

    const order = (await (await get(api, sellerKey, `/api/v1/documents/${orderId}`)).json()) as { orderAnswer: { code: string; responseCode: string; responseMessageId: string }; timeline: Array<{ event: string; reason: string }> };
    expect(order.orderAnswer).toMatchObject({ code: 'changed', responseCode: 'CA', responseMessageId: answered.id });
    expect(order.timeline.some((e) => e.event === 'note' && e.reason.includes(`order response ${answered.id}`))).toBe(true);

    const twice = await answer(api, sellerKey, orderId, { code: 'accepted' });
    expect(twice.status).toBe(409);
    expect(((await twice.json()) as Problem).detail).toMatch(/already answered changed/);
  });

  it('accepts and rejects orders as a whole (AP, RE without lines)', async () => {
    for (const [code, responseCode] of [
      ['accepted', 'AP'],
      ['rejected', 'RE'],
    ] as const) {
      const orderId = await receivedOrder(`PO-WHOLE-${code}`);
      const res = await answer(api, sellerKey, orderId, { code, ...(code === 'rejected' ? { note: 'Discontinued' } : {}) });
      expect(res.status).toBe(202);
      expect(await res.json()).toMatchObject({ responseCode, lines: [] });
    }
  });

  it('refuses answers to orders that cannot be answered, and answers that do not fit, with specific problems and nothing sent', async () => {
    const orderOnly = await receivedOrder('PO-ORDER-ONLY', 'order_only');
    const refused = await answer(api, sellerKey, orderOnly, { code: 'accepted' });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as Problem).detail).toMatch(/order_only:3, which expects no order response/);

    const orderId = await receivedOrder('PO-BAD-ANSWER');
    const before = (await api.database.query<{ n: string }>(`SELECT count(*)::text AS n FROM messages`))[0]!.n;
    const unknownLine = await answer(api, sellerKey, orderId, { code: 'changed', lines: [{ lineId: '99', code: 'rejected' }] });
    expect(unknownLine.status).toBe(422);
    expect(((await unknownLine.json()) as Problem).errors).toEqual([expect.objectContaining({ in: 'body', field: 'lines.0.lineId' })]);
    const badCode = await answer(api, sellerKey, orderId, { code: 'maybe' });
    expect(badCode.status).toBe(422);
    const malformed = await fetch(`${api.base}/api/v1/orders/${orderId}/response`, { method: 'POST', headers: { 'X-API-Key': sellerKey, 'Content-Type': 'application/json' }, body: '{"code":' });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await answer(api, sellerKey, '00000000-0000-4000-8000-000000000000', { code: 'accepted' })).status).toBe(404);
    const foreign = await answer(api, buyerKey, orderId, { code: 'accepted' });
    expect(foreign.status).toBe(403);
    // An outbound document is no received order.
    const sentOrder = ((await (await submit(api, buyerKey, orderXml({ seller: REMOTE, id: 'PO-OUT-1' }))).json()) as { id: string }).id;
    expect((await answer(api, buyerKey, sentOrder, { code: 'accepted' })).status).toBe(404);
    expect((await api.database.query<{ n: string }>(`SELECT count(*)::text AS n FROM messages`))[0]!.n).toBe(String(Number(before) + 1));
    await api.waitFor(sentOrder, (m) => ['sent', 'send-failed'].includes(m.state), 'settled');
  });

  it('lets an order be answered again once its answer failed to send', async () => {
    // An order from a buyer behind another access point; its access point does not take order responses.
    const orderId = await receiveDocument(
      { blobs: api.app.get(BlobStore), messages: api.app.get(MessageRepository), queue: api.app.get(JobQueue) },
      { document: Buffer.from(orderXml({ buyer: REMOTE, seller: SELLER, id: 'PO-REMOTE-BUYER' })), transaction: 'T01', sender: REMOTE, receiver: SELLER },
    );
    await api.waitFor(orderId, (m) => m.state !== 'received', 'validated');
    const first = await answer(api, sellerKey, orderId, { code: 'accepted' });
    expect(first.status).toBe(202);
    const { id } = (await first.json()) as { id: string };
    const failed = await api.waitFor(id, (m) => ['sent', 'send-failed'].includes(m.state), 'settled');
    expect(failed).toMatchObject({ state: 'send-failed', receiverId: REMOTE, failure: { code: 'EBMS:0004' } });
    const again = await answer(api, sellerKey, orderId, { code: 'rejected', note: 'Cancelled after all' });
    expect(again.status).toBe(202);
    expect(((await again.json()) as { id: string }).id).not.toBe(id);
  });
});
