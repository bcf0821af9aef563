import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageRecord } from '../../src/messages/message-repository.js';
import { type AdminApi, call, startAdminApi } from './support.js';

/** One rule that fired twice, as a validated message records it. */
const FIRED = [
  { id: 'PEPPOL-T01-R999', flag: 'warning', text: 'A warning', location: '/ubl:Order[1]/cac:OrderLine[2]/cbc:ID[1]' },
  { id: 'PEPPOL-T01-R999', flag: 'warning', text: 'A warning', location: '/ubl:Order[1]/cac:OrderLine[3]/cbc:ID[1]' },
];

const BUYER = '0088:7315458756324';
const SELLER = '0088:5798009883964';
const CART_TYPE = 'busdox-docid-qns::urn:oasis:names:specification:ubl:schema:xsd:Order-2::Order##urn:fdc:peppol.eu:poacc:trns:punch_out:3::2.1';

describe('admin API: messages', () => {
  let api: AdminApi;
  const created: MessageRecord[] = [];
  let raw: Buffer;
  const rawType = 'multipart/related; type="application/soap+xml"; boundary="MIMEBoundary_4711"';

  beforeAll(async () => {
    api = await startAdminApi();
    raw = Buffer.from('--MIMEBoundary_4711\r\nContent-Type: application/soap+xml\r\n\r\n<env:Envelope/>\r\n--MIMEBoundary_4711--\r\n');
    const sbd = Buffer.from('<?xml version="1.0"?><StandardBusinessDocument/>');
    const receipt = Buffer.from('<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><eb:Receipt/></env:Envelope>');
    const [rawBlob, sbdBlob, receiptBlob] = [await api.blobs.put(raw), await api.blobs.put(sbd), await api.blobs.put(receipt)];
    for (let i = 0; i < 5; i++) {
      const m = await api.messages.create(
        {
          direction: i === 4 ? 'outbound' : 'inbound',
          kind: i === 4 ? 'order' : 'cart',
          state: 'received',
          as4MessageId: `as4-${i}-50%_done@partner.example`,
          conversationId: `conv-${i}`,
          sendingAp: 'PDK000123',
          senderId: i === 3 ? '0088:1111111111111' : SELLER,
          receiverId: BUYER,
          documentTypeId: CART_TYPE,
          rawSha256: rawBlob.sha256,
          payloadSha256: sbdBlob.sha256,
        },
        {
          actor: 'test',
          documents: [
            { role: 'received-raw', sha256: rawBlob.sha256, mediaType: rawType, size: rawBlob.size },
            { role: 'sbd', sha256: sbdBlob.sha256, mediaType: 'application/xml', size: sbdBlob.size },
            { role: 'receipt', sha256: receiptBlob.sha256, mediaType: 'application/soap+xml', size: receiptBlob.size },
          ],
        },
      );
      created.push(m);
      await new Promise((r) => setTimeout(r, 5));
    }
    await api.messages.transition(created[0]!.id, 'validated', { actor: 'worker', patch: { validation: { valid: true, fired: FIRED } } });
    await api.messages.create({ direction: 'internal', kind: 'order', state: 'created', relatedMessageId: created[0]!.id }, { actor: 'worker' });
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('lists newest first and pages with an opaque cursor through every message exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: Response = await call(api, `/admin/messages?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { key: api.keys.viewer });
      expect(res.status).toBe(200);
      const page = (await res.json()) as { data: Array<{ id: string; createdAt: string }>; nextCursor: string | null };
      seen.push(...page.data.map((m) => m.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    expect(seen.slice(1)).toEqual([...created].reverse().map((m) => m.id));
  });

  it('filters by direction, state, sender, receiver, document type, kind, time range and text in ids', async () => {
    const ids = async (query: string) => {
      const res = await call(api, `/admin/messages?${query}`, { key: api.keys.viewer });
      expect(res.status, query).toBe(200);
      return ((await res.json()) as { data: Array<{ id: string }> }).data.map((m) => m.id);
    };
    expect(await ids('direction=outbound')).toEqual([created[4]!.id]);
    expect(await ids('state=validated')).toEqual([created[0]!.id]);
    expect(await ids('sender=0088:1111111111111')).toEqual([created[3]!.id]);
    expect(await ids(`receiver=${BUYER.toUpperCase()}&kind=cart`)).toHaveLength(4);
    expect(await ids(`documentType=${encodeURIComponent(CART_TYPE)}`)).toHaveLength(5);
    expect(await ids('q=conv-2')).toEqual([created[2]!.id]);
    expect(await ids(`q=${created[1]!.id.slice(0, 13)}`)).toContain(created[1]!.id);
    // % and _ are literal in searches, not wildcards.
    expect(await ids('q=50%25_done')).toHaveLength(5);
    expect(await ids('q=50%25_xone')).toEqual([]);
    expect(await ids('q=%25')).toHaveLength(5);
    const from = created[2]!.createdAt.toISOString();
    const to = created[4]!.createdAt.toISOString();
    expect(await ids(`from=${from}&to=${to}`)).toEqual([created[3]!.id, created[2]!.id]);
  });

  it('treats injection attempts as plain values', async () => {
    for (const attack of ["' OR 1=1 --", "x'); DROP TABLE messages; --", '0088:1\' OR \'1\'=\'1']) {
      const res = await call(api, `/admin/messages?q=${encodeURIComponent(attack)}`, { key: api.keys.viewer });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { data: unknown[] }).data).toEqual([]);
    }
    const bad = await call(api, `/admin/messages?sender=${encodeURIComponent("' OR 1=1 --")}`, { key: api.keys.viewer });
    expect(bad.status).toBe(400);
    expect((await api.database.query(`SELECT count(*)::int AS n FROM messages`))[0]).toEqual({ n: 6 });
  });

  it('answers invalid parameters with problem+json naming the field', async () => {
    const cases: Array<[string, string]> = [
      ['limit=100000', 'limit'],
      ['limit=0', 'limit'],
      ['state=exploded', 'state'],
      ['direction=sideways', 'direction'],
      ['from=yesterday', 'from'],
      ['cursor=bm90LWEtY3Vyc29y', 'cursor'],
      [`q=${'x'.repeat(300)}`, 'q'],
    ];
    for (const [query, field] of cases) {
      const res = await call(api, `/admin/messages?${query}`, { key: api.keys.viewer });
      expect(res.status, query).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem = (await res.json()) as { status: number; title: string; type: string; errors: Array<{ in: string; field: string }>; correlationId: string; instance: string };
      expect(problem).toMatchObject({ status: 400, type: 'urn:peppol-ap:problem:validation', instance: '/admin/messages' });
      expect(problem.errors[0]).toMatchObject({ in: 'query', field });
      expect(problem.correlationId).toBe(res.headers.get('x-correlation-id'));
    }
  });

  it('shows one message with its full timeline, documents, validation report, outcome and related messages', async () => {
    const id = created[0]!.id;
    const detail = (await (await call(api, `/admin/messages/${id}`, { key: api.keys.viewer })).json()) as {
      state: string;
      timeline: Array<{ toState: string; actor: string }>;
      documents: Array<{ role: string; href: string }>;
      hasValidationReport: boolean;
    };
    expect(detail.state).toBe('validated');
    expect(detail.timeline.map((e) => e.toState)).toEqual(['received', 'validated']);
    expect(detail.documents.map((d) => d.role).sort()).toEqual(['receipt', 'received-raw', 'sbd']);
    expect(detail.hasValidationReport).toBe(true);

    const report = await call(api, `/admin/messages/${id}/validation`, { key: api.keys.viewer });
    // The report as recorded, and its rules grouped with short locations (as the CLI prints them).
    expect(await report.json()).toEqual({
      messageId: id,
      report: { valid: true, fired: FIRED },
      groups: [{ id: 'PEPPOL-T01-R999', flag: 'warning', text: 'A warning', locations: ['/Order/OrderLine[2]/ID', '/Order/OrderLine[3]/ID'] }],
    });
    expect((await call(api, `/admin/messages/${created[1]!.id}/validation`, { key: api.keys.viewer })).status).toBe(404);

    const outcome = (await (await call(api, `/admin/messages/${id}/outcome`, { key: api.keys.viewer })).json()) as { receipt: { role: string }; failure: unknown };
    expect(outcome).toMatchObject({ receipt: { role: 'receipt' }, failure: null });

    const related = (await (await call(api, `/admin/messages/${id}/related`, { key: api.keys.viewer })).json()) as { data: Array<{ kind: string; relatedMessageId: string }> };
    expect(related.data).toEqual([expect.objectContaining({ kind: 'order', relatedMessageId: id })]);
  });

  it('downloads documents byte-exact with their content types', async () => {
    const id = created[0]!.id;
    const rawRes = await call(api, `/admin/messages/${id}/documents/received-raw`, { key: api.keys.viewer });
    expect(rawRes.status).toBe(200);
    expect(rawRes.headers.get('content-type')).toBe(rawType);
    expect(rawRes.headers.get('content-disposition')).toBe(`attachment; filename="${id}-received-raw.mime"`);
    expect(Buffer.from(await rawRes.arrayBuffer()).equals(raw)).toBe(true);

    const sbd = await call(api, `/admin/messages/${id}/documents/sbd`, { key: api.keys.viewer });
    expect(sbd.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(await sbd.text()).toContain('StandardBusinessDocument');
    const receipt = await call(api, `/admin/messages/${id}/documents/receipt`, { key: api.keys.viewer });
    expect(receipt.headers.get('content-type')).toMatch(/^application\/soap\+xml/);
  });

  it('refuses unknown messages, unknown roles and anything path-like', async () => {
    const id = created[0]!.id;
    expect((await call(api, `/admin/messages/${id}/documents/order`, { key: api.keys.viewer })).status).toBe(404);
    expect((await call(api, '/admin/messages/00000000-0000-4000-8000-000000000000', { key: api.keys.viewer })).status).toBe(404);
    for (const bad of [`/admin/messages/not-a-uuid`, `/admin/messages/${id}/documents/..%2F..%2Fetc%2Fpasswd`, `/admin/messages/${id}/documents/${'a'.repeat(64)}`]) {
      const res = await call(api, bad, { key: api.keys.viewer });
      expect(res.status, bad).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    }
  });
});
