import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Clock } from '../../src/common/clock.js';
import { demoBuyerConfigFile, freshCartXml } from '../../src/demo/scenario.js';
import { parseDocumentType, parseParticipant } from '../../src/discovery/identifiers.js';
import { serviceMetadataUrl } from '../../src/discovery/smp-client.js';
import { MessageRepository, type MessageRecord } from '../../src/messages/message-repository.js';
import { PROCESSES, TRANSACTIONS } from '../../src/peppol/index.js';
import { DEV_PKI_FILES, readDevPki } from '../../src/pki/dev-pki-files.js';
import type { DevPki, DevPkiEntry } from '../../src/pki/dev-pki.js';
import { FakeSmpServer } from '../discovery/support/fake-smp-server.js';
import { signEnveloped, smp1Metadata } from '../discovery/support/smp-documents.js';
import { secondDevPki, startAccessPointProcesses, type AccessPointProcess } from '../support/access-point-process.js';
import { devPkiEnv, TEST_PKI_DIR } from '../support/dev-pki.js';
import { until, WebhookSink } from '../support/webhook-sink.js';

const BUYER = '0192:123456785';
const SUPPLIER = '0192:987654325';

/**
 * The ordering loop between two access points on loopback, each an API and a worker process (built
 * code) with its own PostgreSQL schema, queues, files and dev PKI (each trusting the other's CAs);
 * discovery through signed SMP answers. The supplier's back end sends a punch-out cart through its
 * access point's API; the buyer's access point approves it and sends the order; the supplier's back
 * end gets order.received, answers "changed" on one line, and the buyer's back end gets
 * order-response.received with the order's timeline showing the answer.
 */
describe('the ordering loop between a buyer access point and a supplier access point', () => {
  const smp = new FakeSmpServer();
  const buyerBackEnd = new WebhookSink();
  const supplierBackEnd = new WebhookSink();
  const dirs: string[] = [];
  let pkiA: DevPki;
  let pkiB: { dir: string; pki: DevPki };
  let buyerAp: AccessPointProcess;
  let supplierAp: AccessPointProcess;
  let buyerMessages: MessageRepository;
  let supplierMessages: MessageRepository;
  let supplierKey: string;

  beforeAll(async () => {
    const pkiEnv = await devPkiEnv();
    pkiA = (await readDevPki(TEST_PKI_DIR))!;
    pkiB = await secondDevPki();
    await Promise.all([smp.start(), buyerBackEnd.start(), supplierBackEnd.start()]);
    const dir = mkdtempSync(path.join(tmpdir(), 'ap-loop-'));
    dirs.push(dir);
    const buyerConfig = path.join(dir, 'buyers.json');
    writeFileSync(buyerConfig, JSON.stringify(demoBuyerConfigFile(SUPPLIER, 'ordering')));
    const common = {
      PEPPOL_STAGE: 'dev',
      PKI_REVOCATION_POLICY: 'off',
      AS4_SEND_ALLOW_HTTP: 'true',
      WEBHOOK_ALLOW_HTTP: 'true',
      SMP_FIXED_URL: smp.url,
      MLS_COUNTRY_C1: 'NO',
      VALIDATION_TRANSACTIONS: 'T77,T01,T76,T19',
      VALIDATION_POOL_SIZE: '1',
      VALIDATION_CACHE_DIR: path.join(tmpdir(), 'peppol-ap-test-sef-cache'),
    };
    const fileOf = (pkiDir: string, entry: keyof DevPki) => path.join(pkiDir, DEV_PKI_FILES[entry].cert);
    [buyerAp, supplierAp] = await Promise.all([
      // The buyer's AP: the first dev PKI's AP certificate (PDK000001); trusts the second PKI's root and AP CA.
      startAccessPointProcesses('loop-buyer', {
        ...common,
        ...pkiEnv,
        SERVED_PARTICIPANTS: BUYER,
        WORKFLOW_BUYER_CONFIG_FILE: buyerConfig,
        AP_TRUSTED_CAS: [fileOf(pkiB.dir, 'rootCa'), fileOf(pkiB.dir, 'apCa')].join(','),
      }),
      // The supplier's AP: the second dev PKI (its PDK000002 certificate, so that the two seats differ);
      // trusts the first PKI's root and AP CA, and its SMP CA (the SMP below signs with the first PKI).
      startAccessPointProcesses('loop-supplier', {
        ...common,
        PKI_DEV_DIR: pkiB.dir,
        AP_CERT: path.join(pkiB.dir, DEV_PKI_FILES.partnerAp.cert),
        AP_KEY: path.join(pkiB.dir, DEV_PKI_FILES.partnerAp.key),
        SERVED_PARTICIPANTS: SUPPLIER,
        AP_TRUSTED_CAS: [fileOf(TEST_PKI_DIR, 'rootCa'), fileOf(TEST_PKI_DIR, 'apCa')].join(','),
        PKI_SMP_TRUSTED_CAS: fileOf(TEST_PKI_DIR, 'smpCa'),
      }),
    ]);
    // What the SMPs publish: the buyer takes carts and order responses at the buyer's AP, the supplier orders at the supplier's.
    const publish = (participant: string, documentTypeId: string, process: string, url: string, ap: DevPkiEntry) =>
      smp.serve(
        serviceMetadataUrl('', parseParticipant(participant), parseDocumentType(documentTypeId)),
        signEnveloped(smp1Metadata({ participant, documentType: documentTypeId, process, endpoints: [{ address: `${url}/as4`, certificatePem: ap.certPem }] }), pkiA.smp.keyPem, pkiA.smp.certPem),
      );
    publish(BUYER, TRANSACTIONS.punchOut.documentTypeId, PROCESSES.punchOut, buyerAp.base, pkiA.ourAp);
    publish(BUYER, TRANSACTIONS.orderResponse.documentTypeId, PROCESSES.ordering, buyerAp.base, pkiA.ourAp);
    publish(SUPPLIER, TRANSACTIONS.order.documentTypeId, PROCESSES.ordering, supplierAp.base, pkiB.pki.partnerAp);

    const json = async (res: Response, status: number) => {
      if (res.status !== status) throw new Error(`${res.url}: HTTP ${res.status} ${await res.text()}`);
      return res.json() as Promise<Record<string, unknown>>;
    };
    // The buyer's AP sends the supplier's orders onward over AS4 (an AS4 route of the supplier); the buyer's back end takes its events by webhook.
    await json(await buyerAp.admin('PUT', `/admin/participants/${SUPPLIER}`, { name: 'ABC Supplier Ltd.' }), 200);
    await json(await buyerAp.admin('POST', '/admin/routes', { kind: 'as4', participantId: SUPPLIER, name: 'orders over Peppol' }), 201);
    await json(await buyerAp.admin('POST', '/admin/routes', { kind: 'webhook', participantId: BUYER, url: buyerBackEnd.url, name: 'procurement' }), 201);
    await json(await supplierAp.admin('POST', '/admin/routes', { kind: 'webhook', participantId: SUPPLIER, url: supplierBackEnd.url, name: 'OMS' }), 201);
    supplierKey = await supplierAp.backendKey([SUPPLIER]);
    const clock = new Clock();
    buyerMessages = new MessageRepository(buyerAp.db.db, clock);
    supplierMessages = new MessageRepository(supplierAp.db.db, clock);
  }, 300_000);

  afterAll(async () => {
    await Promise.all([buyerAp?.stop(), supplierAp?.stop()]);
    await Promise.all([smp.stop(), buyerBackEnd.stop(), supplierBackEnd.stop()]);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const api = (ap: AccessPointProcess, key: string, pathname: string, init: { method?: string; body?: string; contentType?: string } = {}) =>
    fetch(`${ap.base}${pathname}`, {
      method: init.method ?? 'GET',
      headers: { Authorization: `Bearer ${key}`, ...(init.contentType ? { 'Content-Type': init.contentType } : {}) },
      ...(init.body === undefined ? {} : { body: init.body }),
    });
  const settled = (repo: MessageRepository, id: string, what: string, timeoutMs = 90_000) =>
    until(what, async () => {
      const m = await repo.get(id);
      return m.state === 'sent' || m.state === 'send-failed' ? m : undefined;
    }, timeoutMs);
  const eventAbout = (sink: WebhookSink, type: string, messageId: string) =>
    until(`${type} about ${messageId}`, async () => sink.of(type).find((e) => e.data.messageId === messageId), 60_000);

  it('cart → approved order over AS4 → order.received → "changed" answer through the API → T76 over AS4 → order-response.received and the order timeline', async () => {
    // 1. The supplier's back end sends a punch-out cart to the buyer through its access point's API.
    const cartId = `CART-LOOP-${Date.now().toString(36).toUpperCase()}`;
    const submitted = await api(supplierAp, supplierKey, '/api/v1/documents', { method: 'POST', body: freshCartXml(cartId, new Date(), 3, SUPPLIER), contentType: 'application/xml' });
    expect(submitted.status, await submitted.clone().text()).toBe(202);
    const cartSent = await settled(supplierMessages, ((await submitted.json()) as { id: string }).id, 'the cart sent');
    expect(cartSent).toMatchObject({ state: 'sent', senderId: SUPPLIER, receiverId: BUYER, receivingAp: 'PDK000001' });
    expect((await eventAbout(supplierBackEnd, 'document.sent', cartSent.id)).data).toMatchObject({ receivingAp: 'PDK000001' });

    // 2. The buyer's AP receives it, approves it by its policy, makes the order and sends it over AS4 after SMP discovery.
    const cart = await until('the cart at the buyer AP', () => buyerMessages.findInbound('PDK000002', cartSent.as4MessageId!));
    const withOrder = await until('the order made from the cart', async () => {
      const m = await buyerMessages.get(cart.id);
      return m.kind === 'cart' && m.attributes.orderMessageId ? m : undefined;
    }, 90_000);
    expect((await buyerMessages.timeline(cart.id)).map((e) => e.toState)).toEqual(expect.arrayContaining(['validated', 'approved', 'order-created']));
    const orderId = withOrder.kind === 'cart' ? withOrder.attributes.orderMessageId! : '';
    const order = await settled(buyerMessages, orderId, 'the order sent');
    expect(order).toMatchObject({ state: 'sent', kind: 'order', senderId: BUYER, receiverId: SUPPLIER, receivingAp: 'PDK000002' });
    const orderNumber = order.kind === 'order' ? order.attributes.orderNumber! : '';
    expect(orderNumber).toMatch(/^PO-DEMO-\d{6}$/);
    expect((await eventAbout(buyerBackEnd, 'document.sent', order.id)).data).toMatchObject({ receivingAp: 'PDK000002' });

    // 3. The supplier's AP delivers order.received to the supplier's back end.
    const received = await until('order.received at the supplier', async () =>
      supplierBackEnd.of('order.received').find((e) => (e.data.order as { id: string }).id === orderNumber), 60_000);
    const receivedId = received.data.messageId as string;
    expect(received.data).toMatchObject({ transaction: 'T01', order: { id: orderNumber, quotationReference: cartId } });
    expect(received.data.ublXml).toContain(`<cbc:ID>${orderNumber}</cbc:ID>`);
    expect((await supplierMessages.get(receivedId)).state).toBe('delivered');

    // 4. The supplier answers "changed" on line 2 through the back-end API.
    const answered = await api(supplierAp, supplierKey, `/api/v1/orders/${receivedId}/response`, {
      method: 'POST',
      contentType: 'application/json',
      body: JSON.stringify({ code: 'changed', note: 'Only 1 of item 2 left', lines: [{ lineId: '2', code: 'changed', quantity: '1' }] }),
    });
    expect(answered.status, await answered.clone().text()).toBe(202);
    const answer = (await answered.json()) as { id: string; responseCode: string };
    expect(answer.responseCode).toBe('CA');

    // 5. The T76 goes over AS4 to the buyer's AP.
    const responseSent = await settled(supplierMessages, answer.id, 'the order response sent');
    expect(responseSent).toMatchObject({ state: 'sent', kind: 'order-response', senderId: SUPPLIER, receiverId: BUYER, receivingAp: 'PDK000001', relatedMessageId: receivedId });
    const status = (await (await api(supplierAp, supplierKey, `/api/v1/documents/${answer.id}`)).json()) as { state: string; receiptMessageId: string | null };
    expect(status.state).toBe('sent');
    expect(status.receiptMessageId).toBeTruthy();
    expect((await eventAbout(supplierBackEnd, 'document.sent', answer.id)).data).toMatchObject({ receiptMessageId: status.receiptMessageId });

    // 6. The buyer's back end hears the answer, tied to its order, and the order's timeline shows it.
    const heard = await until('order-response.received at the buyer', async () =>
      buyerBackEnd.of('order-response.received').find((e) => (e.data.orderResponse as { orderNumber: string }).orderNumber === orderNumber), 60_000);
    expect(heard.data).toMatchObject({
      transaction: 'T76',
      orderResponse: { orderNumber, code: 'changed', responseCode: 'CA', note: 'Only 1 of item 2 left' },
      order: { messageId: order.id, orderNumber },
    });
    expect(heard.data.lines).toEqual([
      expect.objectContaining({ lineId: '1', code: 'accepted', statusCode: '5' }),
      expect.objectContaining({ lineId: '2', code: 'changed', statusCode: '3', quantity: { value: '1', unitCode: 'MTR' } }),
      expect.objectContaining({ lineId: '3', code: 'accepted', statusCode: '5' }),
    ]);
    const tied = await until('the order tied to its response', async () => {
      const m: MessageRecord = await buyerMessages.get(order.id);
      return m.kind === 'order' && m.attributes.orderResponse ? m.attributes.orderResponse : undefined;
    });
    expect(tied).toMatchObject({ messageId: heard.data.messageId, code: 'changed', responseCode: 'CA', lines: [{ lineId: '1', code: 'accepted' }, { lineId: '2', code: 'changed' }, { lineId: '3', code: 'accepted' }] });
    const entry = (await buyerMessages.timeline(order.id)).find((e) => e.actor === 'order-response');
    const responseId = (heard.data.orderResponse as { id: string }).id;
    expect(entry?.reason).toBe(
      `order response ${responseId} (CA): changed; line 1 accepted (quantity 2.25 KGM), line 2 changed (quantity 1 MTR), line 3 accepted (quantity 4 LTR); note: Only 1 of item 2 left`,
    );
  }, 300_000);
});
