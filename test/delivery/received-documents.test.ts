import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ParticipantRepository } from '../../src/participants/participant-repository.js';
import { RouteRepository } from '../../src/delivery/routes/route-repository.js';
import { RouteService } from '../../src/delivery/routes/route.service.js';
import { deliveryConfig } from '../../src/delivery/delivery.config.js';
import { webhookConfig } from '../../src/delivery/webhook/webhook.config.js';
import { DeliveryRepository } from '../../src/delivery/deliveries/delivery-repository.js';
import { parseWebhookEvent } from '../../src/delivery/webhook/events.js';
import { Clock } from '../../src/common/clock.js';
import { createHarness, examplesDir, hasExamples, type Harness } from '../workflows/support/harness.js';
import { until, WebhookSink } from '../mls/support.js';
import { createOrderMessage } from './support.js';

const example = (name: string) => readFileSync(path.join(examplesDir, name), 'latin1').replace('encoding="ISO-8859-1"', 'encoding="UTF-8"');

/** The parties of the official examples: the order's buyer and seller, the despatch advice's and the catalogue response's. */
const ORDER_BUYER = '0192:987654325';
const SUPPLIER = '0192:123456785';
const DESPATCHER = '0088:7300010000001';
const CONSIGNEE = '0088:5798000000124';
const CATALOGUE_RECEIVER = '0088:5798000012349';
const CATALOGUE_PROVIDER = '0088:7330001000000';
const NO_ROUTES = '0088:7330001000001';
/** The seller of an order this access point produced (for the buyer SUPPLIER serves as, too). */
const OUR_SELLER = '0192:810418052';
/** A consignee whose back end refuses every event (HTTP 400). */
const REFUSING = '0088:7330001000002';

const despatchAdvice = example('DespatchAdvice_Example.xml');
/** Inline up to the size of the example despatch advice: a longer one travels as a link only. */
const INLINE_MAX = Buffer.byteLength(despatchAdvice, 'utf8');

/**
 * Received business documents go to their receiver's back end (a real worker process, PostgreSQL,
 * Redis, a webhook receiver on loopback): typed events by transaction, the UBL inline or as a link
 * by size, nothing for an invalid document.
 */
describe.skipIf(!hasExamples)('received documents reach the back end of their participant', () => {
  let h: Harness;
  let sink: WebhookSink;
  let routes: RouteService;
  let deliveries: DeliveryRepository;
  let refusing: Server;

  beforeAll(async () => {
    refusing = createServer((_req, res) => res.writeHead(400, { 'content-type': 'text/plain' }).end('not for us'));
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    h = await createHarness({
      VALIDATION_TRANSACTIONS: 'T01,T16,T58,T76',
      DELIVERY_INLINE_MAX_BYTES: String(INLINE_MAX),
      DELIVERY_PUBLIC_URL: 'https://ap.example.com/',
      WEBHOOK_ALLOW_HTTP: 'true',
    });
    sink = new WebhookSink();
    await sink.start();
    const participants = new ParticipantRepository(h.db);
    routes = new RouteService(h.db, new RouteRepository(h.db), participants, new Clock(), webhookConfig.load({ WEBHOOK_ALLOW_HTTP: 'true' }), deliveryConfig.load({}));
    deliveries = new DeliveryRepository(h.db);
    for (const id of [ORDER_BUYER, SUPPLIER, DESPATCHER, CONSIGNEE, CATALOGUE_RECEIVER, CATALOGUE_PROVIDER, NO_ROUTES, REFUSING, OUR_SELLER]) await participants.upsert(id);
    await routes.create({ kind: 'webhook', participantId: REFUSING, url: `http://127.0.0.1:${(refusing.address() as AddressInfo).port}/hooks` });
    // The supplier's route by its old name, the others by the new one: both name the participant.
    await routes.create({ kind: 'webhook', supplierId: SUPPLIER, url: sink.url });
    await routes.create({ kind: 'webhook', participantId: CONSIGNEE, url: sink.url });
    await routes.create({ kind: 'webhook', participantId: CATALOGUE_PROVIDER, url: sink.url, eventTypes: ['catalogue-response.received'] });
    await h.startWorker({ WEBHOOK_ALLOW_HTTP: 'true' });
  }, 180_000);

  afterAll(async () => {
    await new Promise((resolve) => (refusing ? refusing.close(resolve) : resolve(undefined)));
    await sink?.stop();
    await h?.close();
  });

  const eventFor = (type: string, messageId: string) =>
    until(`${type} of ${messageId}`, async () => sink.of(type).find((e) => e.data.messageId === messageId));

  it('an order for a served supplier arrives as order.received: the order as JSON and its UBL (a link, being over the inline limit)', async () => {
    const xml = example('Order_Example.xml');
    const id = await h.receive({ document: Buffer.from(xml, 'utf8'), transaction: 'T01', sender: ORDER_BUYER, receiver: SUPPLIER });
    const event = await eventFor('order.received', id);
    const data = parseWebhookEvent(event).data as Record<string, any>;
    expect(data.transaction).toBe('T01');
    expect(data.order).toMatchObject({ id: '34', seller: { endpointId: { scheme: '0192', value: '123456785' } }, buyer: { endpointId: { scheme: '0192', value: '987654325' } } });
    expect(data.order.lines.length).toBeGreaterThan(0);
    expect(data.peppol).toMatchObject({ sender: { scheme: '0192', value: '987654325' }, receiver: { scheme: '0192', value: '123456785' } });
    // The order is larger than the inline limit here: it travels as a link to the back-end API.
    const stored = await h.documentText(id, 'business-document');
    expect(Buffer.byteLength(stored)).toBeGreaterThan(INLINE_MAX);
    expect(data.ublXml).toBeUndefined();
    expect(data.content).toMatchObject({ href: `https://ap.example.com/api/v1/documents/${id}/content`, mediaType: 'application/xml', size: Buffer.byteLength(stored) });
    const message = await h.waitForState(id, ['delivered']);
    expect((await h.messages.timeline(message.id)).filter((e) => e.fromState !== e.toState).map((e) => e.toState)).toEqual(['received', 'validated', 'delivering', 'delivered']);
  });

  it('any other BIS document arrives as document.received, inline up to the limit and as a link above it', async () => {
    const small = await h.receive({ document: Buffer.from(despatchAdvice, 'utf8'), transaction: 'T16', sender: DESPATCHER, receiver: CONSIGNEE });
    const padded = despatchAdvice.replace('<cbc:Note>sample</cbc:Note>', `<cbc:Note>sample ${'x'.repeat(2_000)}</cbc:Note>`);
    const large = await h.receive({ document: Buffer.from(padded, 'utf8'), transaction: 'T16', sender: DESPATCHER, receiver: CONSIGNEE });

    const inline = parseWebhookEvent(await eventFor('document.received', small)).data as Record<string, any>;
    expect(inline).toMatchObject({
      transaction: 'T16',
      rootElement: 'DespatchAdvice',
      sender: { endpointId: { scheme: '0088', value: '7300010000001' } },
      receiver: { endpointId: { scheme: '0088', value: '5798000000124' } },
      documentId: '565899',
      issueDate: '2018-09-20',
    });
    // Byte-exact the document as it came out of its SBD (the document, without the XML declaration).
    const smallStored = await h.documentText(small, 'business-document');
    expect(inline.ublXml).toBe(smallStored);
    expect(inline.documentType).toContain('DespatchAdvice-2::DespatchAdvice##');
    expect(inline.content.size).toBe(Buffer.byteLength(smallStored));

    const linked = parseWebhookEvent(await eventFor('document.received', large)).data as Record<string, any>;
    const largeStored = await h.documentText(large, 'business-document');
    expect(Buffer.byteLength(largeStored)).toBeGreaterThan(INLINE_MAX);
    expect(linked.ublXml).toBeUndefined();
    expect(linked.content).toMatchObject({ href: `https://ap.example.com/api/v1/documents/${large}/content`, size: Buffer.byteLength(largeStored) });
    await h.waitForState(small, ['delivered']);
    await h.waitForState(large, ['delivered']);
  });

  it('a catalogue response arrives as catalogue-response.received with its code and the catalogue it answers', async () => {
    const id = await h.receive({ document: Buffer.from(example('CatalogueResponse_Example.xml'), 'utf8'), transaction: 'T58', sender: CATALOGUE_RECEIVER, receiver: CATALOGUE_PROVIDER });
    const data = parseWebhookEvent(await eventFor('catalogue-response.received', id)).data as Record<string, any>;
    expect(data.catalogueResponse).toMatchObject({ id: 'imrid001', code: 'accepted', responseCode: 'AP', catalogueId: 'Cat-1', catalogueVersionId: '2.0', notes: ['text'] });
    expect(data.ublXml).toContain('<cbc:ID>imrid001</cbc:ID>');
    await h.waitForState(id, ['delivered']);
  });

  it('an invalid document is not delivered: rejected, no event, no delivery', async () => {
    const broken = despatchAdvice.replace(/<cbc:CustomizationID>[^<]*<\/cbc:CustomizationID>/, '<cbc:CustomizationID>urn:fdc:peppol.eu:poacc:trns:despatch_advice:3</cbc:CustomizationID><cbc:CustomizationID>again</cbc:CustomizationID>');
    const id = await h.receive({ document: Buffer.from(broken, 'utf8'), transaction: 'T16', sender: DESPATCHER, receiver: CONSIGNEE });
    const message = await h.waitForState(id, ['rejected']);
    expect(message.validation).toMatchObject({ valid: false });
    // A valid document sent after it is delivered; by then the invalid one would have been too.
    const after = await h.receive({ document: Buffer.from(despatchAdvice, 'utf8'), transaction: 'T16', sender: DESPATCHER, receiver: CONSIGNEE });
    await eventFor('document.received', after);
    expect(sink.events.some((e) => e.data.messageId === id)).toBe(false);
    expect(await deliveries.forMessage(id)).toEqual([]);
    expect((await h.messages.get(id)).state).toBe('rejected');
  });

  it('a document for a participant without a webhook route stays validated for its back end to fetch (an AS4 route does not take it)', async () => {
    await routes.create({ kind: 'as4', participantId: NO_ROUTES });
    const id = await h.receive({ document: Buffer.from(despatchAdvice, 'utf8'), transaction: 'T16', sender: DESPATCHER, receiver: NO_ROUTES });
    const note = await until('the note that no route takes it', async () =>
      (await h.messages.timeline(id)).find((e) => e.toState === 'validated' && e.fromState === 'validated' && /no enabled webhook route/.test(e.reason ?? '')),
    );
    expect(note.reason).toMatch(/its AS4 route .* carries documents made here, not received ones/);
    expect((await h.messages.get(id)).state).toBe('validated');
    expect(await deliveries.forMessage(id)).toEqual([]);
  });

  it("tells the sender's access point (Message Level Status) once the back end took the document, or could not", async () => {
    const taken = await h.receive({ document: Buffer.from(despatchAdvice, 'utf8'), transaction: 'T16', sender: DESPATCHER, receiver: CONSIGNEE });
    const refused = await h.receive({ document: Buffer.from(despatchAdvice, 'utf8'), transaction: 'T16', sender: DESPATCHER, receiver: REFUSING });
    const mlsOf = (id: string) => until(`the MLS decision on ${id}`, async () => (await h.messages.get(id)).attributes.mlsResponse ?? undefined);

    // Delivered: AP (the sender asked for failures only, so it is decided and not sent).
    expect((await h.waitForState(taken, ['delivered'])).state).toBe('delivered');
    expect(await mlsOf(taken)).toMatchObject({ code: 'AP', outcome: 'not-wanted' });

    // Refused by the back end for good: delivery-failed, and the sender is owed a rejection (FD).
    const failed = await h.waitForState(refused, ['delivery-failed']);
    expect(failed.failure).toMatchObject({ stage: 'delivery', code: 'delivery-failed' });
    const decision = await mlsOf(refused);
    expect(decision.code).toBe('RE');
    // The timeline entry follows the decision (two writes): wait for it.
    await until('the MLS entry on the timeline', async () => ((await h.messages.timeline(refused)).some((e) => e.actor === 'mls' || /MLS RE/.test(e.reason ?? '')) ? true : undefined));
  });

  /** The seller's answer to order `orderNumber`: CA with line 2 changed and line 3 rejected (line 1 unnamed: as ordered). */
  const t76 = (orderNumber: string, opts: { seller?: string } = {}) => `<?xml version="1.0" encoding="UTF-8"?>
<OrderResponse xmlns="urn:oasis:names:specification:ubl:schema:xsd:OrderResponse-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>urn:fdc:peppol.eu:poacc:trns:order_response:3</cbc:CustomizationID>
  <cbc:ProfileID>urn:fdc:peppol.eu:poacc:bis:ordering:3</cbc:ProfileID>
  <cbc:ID>OR-${orderNumber}</cbc:ID>
  <cbc:IssueDate>2026-12-07</cbc:IssueDate>
  <cbc:OrderResponseCode>CA</cbc:OrderResponseCode>
  <cbc:DocumentCurrencyCode>NOK</cbc:DocumentCurrencyCode>
  <cac:OrderReference><cbc:ID>${orderNumber}</cbc:ID></cac:OrderReference>
  <cac:SellerSupplierParty><cac:Party><cbc:EndpointID schemeID="0192">${(opts.seller ?? OUR_SELLER).split(':')[1]}</cbc:EndpointID><cac:PartyLegalEntity><cbc:RegistrationName>ABC Supplier Ltd.</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party></cac:SellerSupplierParty>
  <cac:BuyerCustomerParty><cac:Party><cbc:EndpointID schemeID="0192">123456785</cbc:EndpointID><cac:PartyLegalEntity><cbc:RegistrationName>DEF Customer Ltd.</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party></cac:BuyerCustomerParty>
  <cac:OrderLine>
    <cac:LineItem>
      <cbc:ID>2</cbc:ID>
      <cbc:LineStatusCode>3</cbc:LineStatusCode>
      <cbc:Quantity unitCode="EA">1.5</cbc:Quantity>
      <cac:Delivery><cac:PromisedDeliveryPeriod><cbc:StartDate>2026-12-20</cbc:StartDate><cbc:EndDate>2026-12-21</cbc:EndDate></cac:PromisedDeliveryPeriod></cac:Delivery>
      <cac:Item><cbc:Name>Item 2</cbc:Name></cac:Item>
    </cac:LineItem>
    <cac:OrderLineReference><cbc:LineID>2</cbc:LineID></cac:OrderLineReference>
  </cac:OrderLine>
  <cac:OrderLine>
    <cac:LineItem>
      <cbc:ID>3</cbc:ID>
      <cbc:LineStatusCode>7</cbc:LineStatusCode>
      <cac:Item><cbc:Name>Item 3</cbc:Name></cac:Item>
    </cac:LineItem>
    <cac:OrderLineReference><cbc:LineID>3</cbc:LineID></cac:OrderLineReference>
  </cac:OrderLine>
</OrderResponse>`;

  it("an order response to our order is tied to it: the order's timeline and related messages, and order-response.received to the buyer", async () => {
    const orderId = await createOrderMessage({ blobs: h.blobs, messages: h.messages }, { orderId: 'PO-000777', supplier: OUR_SELLER, buyer: SUPPLIER });
    await h.messages.setAttributes(orderId, { orderNumber: 'PO-000777' });
    const id = await h.receive({ document: Buffer.from(t76('PO-000777'), 'utf8'), transaction: 'T76', sender: OUR_SELLER, receiver: SUPPLIER });

    const data = parseWebhookEvent(await eventFor('order-response.received', id)).data as Record<string, any>;
    expect(data.orderResponse).toMatchObject({ id: 'OR-PO-000777', orderNumber: 'PO-000777', code: 'changed', responseCode: 'CA', seller: { endpointId: { scheme: '0192', value: '810418052' } } });
    expect(data.order).toEqual({ messageId: orderId, orderNumber: 'PO-000777' });
    // Every line of the order: the unnamed one as ordered, the changed one with its new quantity and date.
    expect(data.lines).toEqual([
      { lineId: '1', code: 'accepted', statusCode: '5' },
      { lineId: '2', code: 'changed', statusCode: '3', quantity: { value: '1.5', unitCode: 'EA' }, deliveryDate: '2026-12-21' },
      { lineId: '3', code: 'rejected', statusCode: '7' },
    ]);
    expect(data.ublXml).toContain('<cbc:ID>OR-PO-000777</cbc:ID>');
    await h.waitForState(id, ['delivered']);

    const entry = (await h.messages.timeline(orderId)).find((e) => e.actor === 'order-response');
    expect(entry?.reason).toBe('order response OR-PO-000777 (CA): changed; line 1 accepted, line 2 changed (quantity 1.5 EA, delivery 2026-12-21), line 3 rejected');
    expect(entry?.data).toMatchObject({ responseMessageId: id, code: 'changed' });
    expect((await h.messages.related(orderId)).map((m) => m.id)).toContain(id);
    expect((await h.messages.get(orderId)).attributes).toMatchObject({
      orderResponse: { messageId: id, code: 'changed', responseCode: 'CA', lines: [{ lineId: '1', code: 'accepted' }, { lineId: '2', code: 'changed' }, { lineId: '3', code: 'rejected' }] },
    });
  });

  it('an order response naming an order we did not send, or one with other parties, is delivered untied', async () => {
    const orderId = await createOrderMessage({ blobs: h.blobs, messages: h.messages }, { orderId: 'PO-000778', supplier: OUR_SELLER, buyer: SUPPLIER });
    await h.messages.setAttributes(orderId, { orderNumber: 'PO-000778' });
    const unknown = await h.receive({ document: Buffer.from(t76('PO-999999'), 'utf8'), transaction: 'T76', sender: OUR_SELLER, receiver: SUPPLIER });
    // Sent by the right seller, but the document names another one: not ours to tie.
    const otherParty = await h.receive({ document: Buffer.from(t76('PO-000778', { seller: '0192:999999999' }), 'utf8'), transaction: 'T76', sender: OUR_SELLER, receiver: SUPPLIER });
    for (const id of [unknown, otherParty]) {
      const data = parseWebhookEvent(await eventFor('order-response.received', id)).data as Record<string, any>;
      expect(data.order).toBeUndefined();
      expect(data.lines.map((l: { lineId: string }) => l.lineId)).toEqual(['2', '3']);
      expect((await h.messages.get(id)).relatedMessageId).toBeNull();
    }
    expect((await h.messages.timeline(otherParty)).some((e) => /are not that order's: not tied to it/.test(e.reason ?? ''))).toBe(true);
    expect((await h.messages.timeline(orderId)).some((e) => e.actor === 'order-response')).toBe(false);
  });
});
