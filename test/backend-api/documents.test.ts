import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BackendApi, BUYER, get, orderXml, REFUSED, REMOTE, SELLER, startBackendApi, submit } from './support.js';

interface Accepted {
  id: string;
  status: string;
  statusUrl: string;
  repeated: boolean;
  handedOverAs?: string;
}
interface Problem {
  type: string;
  status: number;
  detail: string;
  errors?: Array<{ in: string; field: string; message: string }>;
  rules?: Array<{ id: string; flag: string; message: string; location: string }>;
}

describe('back-end API: documents (API and worker in process, PostgreSQL, Redis, SMP and receiving AP on loopback)', () => {
  let api: BackendApi;
  let buyerKey: string;
  let sellerKey: string;
  const count = async () => Number((await api.database.query<{ n: string }>(`SELECT count(*)::text AS n FROM messages`))[0]!.n);

  beforeAll(async () => {
    api = await startBackendApi();
    buyerKey = await api.backendKey([BUYER]);
    sellerKey = await api.backendKey([SELLER]);
  }, 180_000);
  afterAll(async () => {
    await api?.stop();
  });

  it('submits an order that goes out over AS4 after SMP discovery, gets its receipt, and tells its state, timeline and content', async () => {
    const xml = orderXml({ seller: REMOTE, id: 'PO-REMOTE-1' });
    const res = await submit(api, buyerKey, xml);
    expect(res.status).toBe(202);
    const accepted = (await res.json()) as Accepted;
    expect(res.headers.get('location')).toBe(`/api/v1/documents/${accepted.id}`);
    expect(accepted).toMatchObject({ statusUrl: `/api/v1/documents/${accepted.id}`, repeated: false });

    const sent = await api.waitFor(accepted.id, (m) => ['sent', 'send-failed'].includes(m.state), 'sent');
    expect(sent).toMatchObject({ state: 'sent', direction: 'outbound', senderId: BUYER, receiverId: REMOTE, receivingAp: 'PDK000002' });
    expect(api.receiver.received).toContain(sent.as4MessageId);
    expect(api.smp.requests.some((r) => r.includes('/services/'))).toBe(true);

    const status = (await (await get(api, buyerKey, accepted.statusUrl)).json()) as {
      status: string;
      transaction: string;
      receiptMessageId: string;
      timeline: Array<{ event: string; receiptMessageId?: string }>;
    };
    expect(status).toMatchObject({ status: 'sent', transaction: 'T01' });
    expect(status.receiptMessageId).toMatch(/@/);
    expect(status.timeline.map((e) => e.event)).toEqual(['queued', 'sending', 'sent']);
    expect(status.timeline[2]!.receiptMessageId).toBe(status.receiptMessageId);

    const content = await get(api, buyerKey, `${accepted.statusUrl}/content`);
    expect(content.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(Buffer.from(await content.arrayBuffer()).equals(Buffer.from(xml, 'utf8'))).toBe(true);

    const page = (await (await get(api, buyerKey, '/api/v1/documents?direction=outbound')).json()) as { data: Array<{ id: string }>; nextCursor: string | null };
    expect(page.data.map((d) => d.id)).toContain(accepted.id);
  });

  it('ends a send the receiving access point refuses in send-failed with the ebMS code, in the API too', async () => {
    const res = await submit(api, buyerKey, orderXml({ seller: REFUSED, id: 'PO-REFUSED-1' }));
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as Accepted;
    const failed = await api.waitFor(id, (m) => ['sent', 'send-failed'].includes(m.state), 'settled');
    expect(failed).toMatchObject({ state: 'send-failed', failure: { stage: 'sending', code: 'EBMS:0004' } });
    const status = (await (await get(api, buyerKey, `/api/v1/documents/${id}`)).json()) as { status: string; failure: { code: string }; timeline: Array<{ event: string; ebmsCode?: string }> };
    expect(status).toMatchObject({ status: 'send-failed', failure: { code: 'EBMS:0004' } });
    expect(status.timeline.at(-1)).toMatchObject({ event: 'send-failed', ebmsCode: 'EBMS:0004' });
  });

  it('gives the same message for the same Idempotency-Key and body, and 409 for the same key with another body', async () => {
    const xml = orderXml({ seller: REMOTE, id: 'PO-IDEM-1' });
    const first = await submit(api, buyerKey, xml, { idempotencyKey: 'order-PO-IDEM-1' });
    expect(first.status).toBe(202);
    const { id } = (await first.json()) as Accepted;
    const before = await count();
    const again = await submit(api, buyerKey, xml, { idempotencyKey: 'order-PO-IDEM-1' });
    expect(again.status).toBe(200);
    expect(again.headers.get('location')).toBe(`/api/v1/documents/${id}`);
    expect(await again.json()).toMatchObject({ id, repeated: true });
    const other = await submit(api, buyerKey, orderXml({ seller: REMOTE, id: 'PO-IDEM-2' }), { idempotencyKey: 'order-PO-IDEM-1' });
    expect(other.status).toBe(409);
    expect(((await other.json()) as Problem).detail).toContain(id);
    const query = await submit(api, buyerKey, xml, { idempotencyKey: 'order-PO-IDEM-1', query: 'country=SE' });
    expect(query.status).toBe(409);
    expect(await count()).toBe(before);
    // Keys are per API key: another back end may use the same Idempotency-Key for its own document.
    const otherKey = await api.backendKey([BUYER]);
    const own = await submit(api, otherKey, xml, { idempotencyKey: 'order-PO-IDEM-1' });
    expect(own.status).toBe(202);
    const ownId = ((await own.json()) as Accepted).id;
    expect(ownId).not.toBe(id);
    for (const sent of [id, ownId]) await api.waitFor(sent, (m) => m.state === 'sent', 'sent');
  });

  it('keeps each key to its participants: 403 for another participant\'s documents and for sending as another', async () => {
    const res = await submit(api, buyerKey, orderXml({ seller: REMOTE, id: 'PO-SCOPE-1' }));
    const { id } = (await res.json()) as Accepted;
    for (const path of [`/api/v1/documents/${id}`, `/api/v1/documents/${id}/content`]) {
      const foreign = await get(api, sellerKey, path);
      expect(foreign.status, path).toBe(403);
      expect(((await foreign.json()) as Problem).type).toBe('urn:peppol-ap:problem:forbidden');
    }
    const sellers = (await (await get(api, sellerKey, '/api/v1/documents?direction=outbound')).json()) as { data: Array<{ id: string }> };
    expect(sellers.data.map((d) => d.id)).not.toContain(id);
    const before = await count();
    const asBuyer = await submit(api, sellerKey, orderXml({ seller: REMOTE, id: 'PO-SCOPE-2' }));
    expect(asBuyer.status).toBe(403);
    expect(((await asBuyer.json()) as Problem).detail).toContain(`not for the sender ${BUYER}`);
    const overridden = await submit(api, sellerKey, orderXml({ seller: REMOTE, id: 'PO-SCOPE-3' }), { query: `sender=${BUYER}` });
    expect(overridden.status).toBe(403);
    expect(await count()).toBe(before);
    expect((await get(api, sellerKey, `/api/v1/documents/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    // Admin keys have no access here, and no key none at all.
    const admin = await get(api, api.adminKey, '/api/v1/documents?direction=outbound');
    expect(admin.status).toBe(403);
    expect(((await admin.json()) as Problem).detail).toContain('needs role backend');
    expect((await get(api, undefined, '/api/v1/documents?direction=outbound')).status).toBe(401);
    expect(await (await get(api, buyerKey, '/api/v1/me')).json()).toMatchObject({ participants: [BUYER] });
    await api.waitFor(id, (m) => m.state === 'sent', 'sent');
  });

  it('refuses bad input with a specific problem, storing and sending nothing', async () => {
    const before = await count();
    const sentBefore = api.receiver.received.length;
    const valid = orderXml({ seller: REMOTE, id: 'PO-BAD-1' });
    const cases: Array<[string, Promise<Response>, number, RegExp]> = [
      ['a JSON body', submit(api, buyerKey, '{"order":1}', { contentType: 'application/json' }), 415, /application\/xml/],
      ['a text body', submit(api, buyerKey, valid, { contentType: 'text/plain' }), 415, /application\/xml/],
      ['malformed XML', submit(api, buyerKey, '<Order><unclosed></Order>'), 400, /not a well-formed XML/],
      ['an empty body', submit(api, buyerKey, ''), 400, /empty/],
      ['an oversized body', submit(api, buyerKey, valid.replace('</Order>', `<!--${'x'.repeat(11 * 1024 * 1024)}--></Order>`)), 413, /larger than/],
      ['an unknown customization', submit(api, buyerKey, valid.replace('urn:fdc:peppol.eu:poacc:trns:order:3', 'urn:example:order')), 422, /not a Peppol BIS document/],
      ['a process the transaction has not', submit(api, buyerKey, valid, { query: 'process=urn:fdc:peppol.eu:poacc:bis:catalogue_only:3' }), 400, /not used in process/],
      ['an unknown participant syntax', submit(api, buyerKey, valid, { query: 'receiver=nobody' }), 400, /participant id/],
      ['a bad Idempotency-Key', submit(api, buyerKey, valid, { idempotencyKey: 'with space' }), 400, /Idempotency-Key/],
    ];
    for (const [name, response, status, detail] of cases) {
      const res = await response;
      expect(res.status, name).toBe(status);
      expect(res.headers.get('content-type'), name).toMatch(/^application\/problem\+json/);
      expect(((await res.json()) as Problem).detail, name).toMatch(detail);
    }
    expect(await count()).toBe(before);
    expect(api.receiver.received.length).toBe(sentBefore);
  });

  it('refuses a document that breaks fatal rules with 422 listing each rule with id, flag, message and a readable location', async () => {
    const before = await count();
    const broken = orderXml({ seller: REMOTE, id: 'PO-INVALID-1' })
      .replace(/<cbc:DocumentCurrencyCode>[A-Z]{3}<\/cbc:DocumentCurrencyCode>/, '<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>')
      .replace(/<cbc:ID>2<\/cbc:ID>/, '<cbc:ID>1</cbc:ID>');
    const res = await submit(api, buyerKey, broken);
    expect(res.status).toBe(422);
    const problem = (await res.json()) as Problem & { transaction: string };
    expect(problem.type).toBe('urn:peppol-ap:problem:invalid-document');
    expect(problem.transaction).toBe('T01');
    expect(problem.rules!.length).toBeGreaterThan(0);
    for (const rule of problem.rules!) expect(Object.keys(rule).sort()).toEqual(['flag', 'id', 'location', 'message']);
    const fatal = problem.rules!.filter((r) => r.flag === 'fatal');
    expect(fatal.length).toBeGreaterThan(0);
    expect(fatal.some((r) => /^\/Order(\/|$)/.test(r.location) && !r.location.includes('namespace-uri'))).toBe(true);
    expect(await count()).toBe(before);
  });

  it('hands a document for a receiver served here to its side as a received message: one record each way', async () => {
    const res = await submit(api, buyerKey, orderXml({ seller: SELLER, id: 'PO-LOCAL-1' }));
    expect(res.status).toBe(202);
    const accepted = (await res.json()) as Accepted;
    expect(accepted.handedOverAs).toBeDefined();
    const outbound = await api.messages.get(accepted.id);
    expect(outbound).toMatchObject({ direction: 'outbound', state: 'delivered', receiverId: SELLER });
    const inbound = await api.waitFor(accepted.handedOverAs!, (m) => m.state !== 'received', 'validated');
    expect(inbound).toMatchObject({ direction: 'inbound', kind: 'order', senderId: BUYER, receiverId: SELLER, relatedMessageId: accepted.id });
    expect(inbound.state).not.toBe('rejected');
    const received = (await (await get(api, sellerKey, '/api/v1/documents?direction=inbound')).json()) as { data: Array<{ id: string }> };
    expect(received.data.map((d) => d.id)).toContain(inbound.id);
    const content = await get(api, sellerKey, `/api/v1/documents/${inbound.id}/content`);
    expect(await content.text()).toContain('PO-LOCAL-1');
    expect((await get(api, buyerKey, `/api/v1/documents/${inbound.id}`)).status).toBe(403);
  });
});
