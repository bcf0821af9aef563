import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDENTIFIER_SCHEMES, TRANSACTIONS } from '../../src/peppol/index.js';
import { readDevPki } from '../../src/pki/dev-pki-files.js';
import type { DevPki } from '../../src/pki/dev-pki.js';
import type { StoredEvent } from '../../src/sample-oms/event-store.js';
import { startOms, tempDir, type RunningOms } from '../sample-oms/harness.js';
import { sbdAround, sendFromPartner } from '../support/as4-client.js';
import { createPostgresTestDatabase, type TestDatabase } from '../support/databases.js';
import { devPkiEnv, TEST_PKI_DIR } from '../support/dev-pki.js';
import { startProcess, type RunningProcess } from '../support/processes.js';
import { deliveryServices, eventually, REDIS_URL, uniquePrefix } from './support.js';

const EXAMPLE = path.resolve(process.cwd(), '../shared/conformance/examples/Order_Example.xml');
/** The official example order: this buyer orders from this seller, whom our access point serves. */
const BUYER = '0192:987654325';
const SELLER = '0192:123456785';
const ORDER_DOC = { scheme: IDENTIFIER_SCHEMES.documentType, value: TRANSACTIONS.order.documentTypeId };
const ORDER_ONLY = { scheme: IDENTIFIER_SCHEMES.process, value: TRANSACTIONS.order.processIds[0]! };

/**
 * An order made by another buyer's access point, sent to ours over AS4 (signed, encrypted, real
 * HTTP), reaches the served supplier's OMS as a signed `order.received` webhook that the sample OMS
 * verifies, and the received message ends `delivered`.
 */
describe.skipIf(!existsSync(EXAMPLE))('an order from another access point reaches the supplier OMS', () => {
  let t: TestDatabase;
  let folder: Awaited<ReturnType<typeof tempDir>>;
  let oms: RunningOms;
  let ap: RunningProcess;
  let pki: DevPki;
  let s: ReturnType<typeof deliveryServices>;

  beforeAll(async () => {
    t = await createPostgresTestDatabase();
    folder = await tempDir('received-over-as4-');
    const prefix = uniquePrefix('received-as4');
    s = deliveryServices(t.db, folder.dir, prefix);
    oms = await startOms({ dataDir: path.join(folder.dir, 'oms') });
    await s.participants.upsert(SELLER, { name: 'The seller' });
    await s.routes.create({ kind: 'webhook', participantId: SELLER, url: `${oms.url}/webhooks`, secret: oms.secret });
    pki = (await readDevPki(TEST_PKI_DIR))!;
    ap = await startProcess('start-all.js', {
      ...(await devPkiEnv()),
      DATABASE_URL: t.url,
      DATA_DIR: folder.dir,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      PORT: '0',
      WEBHOOK_ALLOW_HTTP: 'true',
      VALIDATION_TRANSACTIONS: 'T01',
    });
  }, 120_000);

  afterAll(async () => {
    await ap?.stop();
    await s?.close();
    await oms?.server.stop();
    await t?.drop();
    await folder?.remove();
  });

  it('delivers order.received, verified by the OMS, with the order as JSON and the UBL', async () => {
    const xml = readFileSync(EXAMPLE, 'latin1').replace('encoding="ISO-8859-1"', 'encoding="UTF-8"');
    const sbd = sbdAround(Buffer.from(xml, 'utf8'), { sender: BUYER, receiver: SELLER, documentType: ORDER_DOC, process: ORDER_ONLY });
    const sent = await sendFromPartner(`http://127.0.0.1:${ap.port}/as4`, pki, sbd, { sender: BUYER, receiver: SELLER, documentType: ORDER_DOC, process: ORDER_ONLY });
    expect(sent.status).toBe(200);

    const event = await eventually(
      async () => ((await (await fetch(`${oms.url}/events?type=order.received`)).json()) as StoredEvent[])[0],
      40_000,
      'order.received at the OMS',
    );
    const data = event.data as { messageId: string; order: { id: string; seller: unknown; lines: unknown[] }; ublXml?: string; content: { href: string } };
    expect(data.order.id).toBe('34');
    expect(data.order.seller).toMatchObject({ endpointId: { scheme: '0192', value: '123456785' } });
    expect(data.ublXml).toContain('<cbc:ID>34</cbc:ID>');
    expect(data.content.href).toBe(`/api/v1/documents/${data.messageId}/content`);
    const message = await eventually(
      async () => {
        const m = await s.messages.get(data.messageId);
        return m.state === 'delivered' ? m : undefined;
      },
      10_000,
      'the received order to be delivered',
    );
    expect(message).toMatchObject({ direction: 'inbound', kind: 'order', senderId: BUYER, receiverId: SELLER });
    // The sample OMS lists it among its orders, from whichever buyer it came.
    const orders = (await (await fetch(`${oms.url}/orders`)).json()) as Array<{ type: string; messageId: string; order: { id: string } }>;
    expect(orders).toEqual([expect.objectContaining({ type: 'order.received', messageId: data.messageId, order: expect.objectContaining({ id: '34' }) })]);
    expect(await (await fetch(`${oms.url}/`)).text()).toContain('received over Peppol');
    // The OMS heard nothing else about it: one order, no order.created (that is for orders we make).
    expect(((await (await fetch(`${oms.url}/events?type=order.created`)).json()) as StoredEvent[])).toEqual([]);
  });
});
