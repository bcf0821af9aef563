import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Clock } from '../../src/common/clock.js';
import { deliveryConfig } from '../../src/delivery/delivery.config.js';
import { RouteRepository } from '../../src/delivery/routes/route-repository.js';
import { RouteService } from '../../src/delivery/routes/route.service.js';
import { webhookConfig } from '../../src/delivery/webhook/webhook.config.js';
import { parseDocumentType, parseParticipant } from '../../src/discovery/identifiers.js';
import { serviceMetadataUrl } from '../../src/discovery/smp-client.js';
import { MessageRepository, type MessageRecord } from '../../src/messages/message-repository.js';
import { OutboundService } from '../../src/outbound/outbound.service.js';
import { ParticipantRepository } from '../../src/participants/participant-repository.js';
import { qualifiedDocumentTypeId, qualifiedProcessId, TRANSACTIONS } from '../../src/peppol/index.js';
import { DEV_PKI_FILES, readDevPki } from '../../src/pki/dev-pki-files.js';
import type { DevPki } from '../../src/pki/dev-pki.js';
import { BullJobQueue } from '../../src/queue/bull-job-queue.js';
import { RedisConnections } from '../../src/redis/redis-connections.js';
import { redisConfig } from '../../src/redis/redis.config.js';
import { FilesystemBlobStore } from '../../src/storage/filesystem-blob-store.js';
import type { ValidationReport } from '../../src/validation/validation-report.js';
import { ORDER_DOC, ORDERING, orderXml, sbdFor } from '../as4/support/scenario.js';
import { sendFromPartner } from '../support/as4-client.js';
import { FakeSmpServer } from '../discovery/support/fake-smp-server.js';
import { signEnveloped, smp1Metadata } from '../discovery/support/smp-documents.js';
import { createPostgresTestDatabase, type TestDatabase } from '../support/databases.js';
import { devPkiEnv, TEST_PKI_DIR } from '../support/dev-pki.js';
import { startProcess, type RunningProcess } from '../support/processes.js';
import { until, WebhookSink } from './support.js';
import { Installation } from '../../src/database/installation.js';

const BUYER = '0192:123456785';
const SUPPLIER = '0192:987654325';
const MLS = TRANSACTIONS.messageLevelStatus;
const catalogueExample = path.resolve(process.cwd(), '../shared/conformance/examples/Catalogue_Example.xml');

/**
 * Two access points on loopback, each an API and a worker process (built code) with its own
 * database, queues and files: A (seat PDK000002) sends to B (PDK000001); B answers every AS4 message
 * with a receipt, then with a Message Level Status found through the SMP of A's SPIS participant.
 */
describe('Message Level Status between two access points', () => {
  const smp = new FakeSmpServer();
  const sink = new WebhookSink();
  let pki: DevPki;
  const dbs: TestDatabase[] = [];
  const dirs: string[] = [];
  const processes: RunningProcess[] = [];
  let a: { db: TestDatabase; messages: MessageRepository; outbound: OutboundService; api: RunningProcess; close: () => Promise<void> };
  let b: { db: TestDatabase; messages: MessageRepository; api: RunningProcess };

  beforeAll(async () => {
    const pkiEnv = await devPkiEnv();
    pki = (await readDevPki(TEST_PKI_DIR))!;
    const env = { ...pkiEnv, PKI_REVOCATION_POLICY: 'off', AS4_SEND_ALLOW_HTTP: 'true', WEBHOOK_ALLOW_HTTP: 'true', SMP_FIXED_URL: '', MLS_COUNTRY_C1: 'NO', VALIDATION_TRANSACTIONS: 'T01,T19', VALIDATION_POOL_SIZE: '1', VALIDATION_CACHE_DIR: path.join(tmpdir(), 'peppol-ap-test-sef-cache') };
    await smp.start();
    await sink.start();
    env.SMP_FIXED_URL = smp.url;
    const start = async (name: string, extra: Record<string, string>) => {
      const db = await createPostgresTestDatabase();
      dbs.push(db);
      const dir = mkdtempSync(path.join(tmpdir(), `ap-mls-${name}-`));
      dirs.push(dir);
      const common = { ...env, ...extra, DATABASE_URL: db.url, DATA_DIR: dir, QUEUE_PREFIX: `mls-${name}-${randomBytes(4).toString('hex')}`, VALIDATION_RULES_DIR: path.join(dir, 'rules') };
      const api = await startProcess('main.js', { ...common, PORT: '0' }, { timeoutMs: 120_000 });
      const worker = await startProcess('worker.js', common, { timeoutMs: 120_000 });
      processes.push(api, worker);
      return { db, dir, api, common };
    };
    // B: the dev AP (PDK000001), serving the supplier. A: the dev partner AP (PDK000002), asking for every status.
    const started = await Promise.all([
      start('b', { SERVED_PARTICIPANTS: SUPPLIER }),
      start('a', { AP_CERT: path.join(TEST_PKI_DIR, DEV_PKI_FILES.partnerAp.cert), AP_KEY: path.join(TEST_PKI_DIR, DEV_PKI_FILES.partnerAp.key), MLS_REQUEST_TYPE: 'ALWAYS_SEND', SERVED_PARTICIPANTS: BUYER }),
    ]);
    const [sb, sa] = started as [(typeof started)[0], (typeof started)[0]];
    // A's SPIS participant, as its SMP publishes it: MLS to A's /as4.
    const metadata = smp1Metadata({ participant: '0242:000002', documentType: MLS.documentTypeId, process: MLS.processIds[0], endpoints: [{ address: `http://127.0.0.1:${sa.api.port}/as4`, certificatePem: pki.partnerAp.certPem }] });
    smp.serve(serviceMetadataUrl('', parseParticipant('0242:000002'), parseDocumentType(qualifiedDocumentTypeId(MLS.documentTypeId))), signEnveloped(metadata, pki.smp.keyPem, pki.smp.certPem));

    const clock = new Clock();
    const blobsA = new FilesystemBlobStore(sa.dir);
    await blobsA.init();
    const redisA = new RedisConnections(redisConfig.load({ QUEUE_PREFIX: sa.common.QUEUE_PREFIX }));
    const queueA = new BullJobQueue(redisA, new Installation(sa.db.db));
    const messagesA = new MessageRepository(sa.db.db, clock);
    const participantsA = new ParticipantRepository(sa.db.db);
    await until('A serves its participants', async () => (await participantsA.get(BUYER)) && (await participantsA.get('0242:000002')));
    const routes = new RouteService(sa.db.db, new RouteRepository(sa.db.db), participantsA, clock, webhookConfig.load({ WEBHOOK_ALLOW_HTTP: 'true' }), deliveryConfig.load({}));
    await routes.create({ kind: 'webhook', supplierId: BUYER, url: sink.url, eventTypes: ['document.status'] });
    a = {
      db: sa.db,
      messages: messagesA,
      outbound: new OutboundService(messagesA, blobsA, queueA, { messageIdDomain: 'a.test' }),
      api: sa.api,
      close: async () => {
        await queueA.onApplicationShutdown();
        await redisA.onApplicationShutdown();
      },
    };
    b = { db: sb.db, messages: new MessageRepository(sb.db.db, clock), api: sb.api };
  }, 300_000);

  afterAll(async () => {
    await a?.close();
    for (const p of processes) await p.stop().catch(() => undefined);
    await smp.stop();
    await sink.stop();
    for (const db of dbs) await db.drop().catch(() => undefined);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const sendFromA = (document: Buffer, transaction: typeof TRANSACTIONS.order | typeof TRANSACTIONS.catalogue, senderId: string) =>
    a.outbound.submit({
      document,
      kind: transaction.kind,
      senderId,
      receiverId: SUPPLIER,
      documentTypeId: qualifiedDocumentTypeId(transaction.documentTypeId),
      processId: qualifiedProcessId(transaction.processIds[0]),
      countryC1: 'NO',
      endpoint: { url: `http://127.0.0.1:${b.api.port}/as4`, certificatePem: pki.ourAp.certPem },
    });
  const atB = (sent: MessageRecord) =>
    until(`B's record of ${sent.id}`, async () => {
      const [row] = await b.db.db.query<{ id: string }>(`SELECT id FROM messages WHERE direction = 'inbound' AND as4_message_id = $1`, [sent.as4MessageId]);
      return row ? b.messages.get(row.id) : undefined;
    });

  it('an invalid order from A gets a receipt, then an MLS RE naming the fired rules; A ties it to the order and its back end hears document.status', async () => {
    const order = await sendFromA(orderXml(2), TRANSACTIONS.order, BUYER);
    const sent = await until('the order sent with a receipt', async () => {
      const m = await a.messages.get(order.id);
      return m.state === 'sent' || m.state === 'send-failed' ? m : undefined;
    }, 60_000);
    expect(sent.state).toBe('sent');
    expect(sent.attributes).toMatchObject({ mlsRequested: { to: '0242:000002', type: 'ALWAYS_SEND' } });

    const received = await atB(sent);
    const rejected = await until('B rejects it', async () => ((await b.messages.get(received.id)).state === 'rejected' ? b.messages.get(received.id) : undefined));
    const idsOf = (flag: string) => [...new Set((rejected.validation as ValidationReport).fired.filter((f) => f.flag === flag).map((f) => f.id))].sort();
    const fatalIds = idsOf('fatal');
    const warningIds = idsOf('warning');
    expect(fatalIds.length).toBeGreaterThan(1);
    const decided = await until('B decides the MLS', async () => (await b.messages.get(received.id)).attributes.mlsResponse);
    expect(decided).toMatchObject({ code: 'RE', outcome: 'owed', to: '0242:000002', requestedType: 'ALWAYS_SEND' });
    const mlsAtB = await until('B sends the MLS', async () => {
      const m = await b.messages.find(decided.statusMessageId!);
      return m?.state === 'sent' || m?.state === 'send-failed' ? m : undefined;
    }, 60_000);
    expect(mlsAtB).toMatchObject({ state: 'sent', kind: 'message-status', senderId: '0242:000001', receiverId: '0242:000002', receivingAp: 'PDK000002', relatedMessageId: received.id });

    const tied = await until('A ties the MLS to the order', async () => (await a.messages.get(order.id)).attributes.mlsStatus, 60_000);
    expect(tied.code).toBe('RE');
    const reported = (reasons: string[]) => [...new Set(tied.issues.filter((i) => reasons.includes(i.reason)).flatMap((i) => (i.ruleId ? [i.ruleId] : [])))].sort();
    // Errors as SV (syntax) or BV (business rules), warnings as BW beside them.
    expect(reported(['SV', 'BV'])).toEqual(fatalIds);
    expect(reported(['BW'])).toEqual(warningIds);
    expect(tied.issues.filter((i) => i.ruleId === 'XSD').every((i) => i.reason === 'SV')).toBe(true);
    const [event] = await until('document.status at the back end', async () => {
      const found = sink.of('document.status').filter((e) => e.data.messageId === order.id);
      return found.length ? found : undefined;
    });
    expect(event!.data).toMatchObject({ status: 'rejected', code: 'RE', instanceIdentifier: sent.sbdhInstanceId });
    expect([...(event!.data.ruleIds as string[])].sort()).toEqual([...new Set([...fatalIds, ...warningIds])].sort());
    // B's MLS is not answered with an MLS, and the order's timeline shows it.
    expect((await a.messages.timeline(order.id)).some((e) => e.actor === 'mls' && /^MLS RE received from PDK000001/.test(e.reason ?? ''))).toBe(true);
    const mlsAtA = (await a.messages.get(tied.statusMessageId)).attributes;
    expect(mlsAtA).not.toHaveProperty('mlsResponse');
  });

  it("an MLS_TO of the sender's provider that no SMP knows gives way to the provider's default SPID", async () => {
    // As A's access point (its certificate) would send it, asking for statuses at an SPID it never registered.
    const sbd = sbdFor({ sender: BUYER, receiver: SUPPLIER, countryC1: 'NO', mls: { to: '0242:000002-UNREGISTERED', type: 'ALWAYS_SEND' } }, orderXml(1));
    const sent = await sendFromPartner(`http://127.0.0.1:${b.api.port}/as4`, pki, sbd, { sender: BUYER, receiver: SUPPLIER, documentType: ORDER_DOC, process: ORDERING });
    expect(sent.status).toBe(200);
    const [row] = await until("B's record", async () => {
      const rows = await b.db.db.query<{ id: string }>(`SELECT id FROM messages WHERE direction = 'inbound' AND as4_message_id = $1`, [sent.built.messageId]);
      return rows.length ? rows : undefined;
    });
    const decided = await until('B decides the MLS', async () => (await b.messages.get(row!.id)).attributes.mlsResponse, 60_000);
    expect(decided).toMatchObject({ code: 'RE', outcome: 'owed', to: '0242:000002' });
    expect(decided.note).toMatch(/MLS_TO 0242:000002-UNREGISTERED ignored: it cannot be reached/);
    const mls = await until('B sends the MLS to the default SPID', async () => {
      const m = await b.messages.find(decided.statusMessageId!);
      return m?.state === 'sent' || m?.state === 'send-failed' ? m : undefined;
    }, 60_000);
    expect(mls).toMatchObject({ state: 'sent', receiverId: '0242:000002', receivingAp: 'PDK000002' });
  });

  it.skipIf(!existsSync(catalogueExample))('with ALWAYS_SEND, a valid catalogue B hands to its catalogue flow is answered with MLS AP', async () => {
    const catalogue = Buffer.from(readFileSync(catalogueExample, 'latin1').replace('encoding="ISO-8859-1"', 'encoding="UTF-8"'), 'utf8');
    const sent = await sendFromA(catalogue, TRANSACTIONS.catalogue, '0192:923456783');
    await until('the catalogue sent', async () => ((await a.messages.get(sent.id)).state === 'sent' ? true : undefined), 60_000);
    const tied = await until('A ties the MLS AP', async () => (await a.messages.get(sent.id)).attributes.mlsStatus, 90_000);
    expect(tied).toMatchObject({ code: 'AP', issues: [] });
  });
});
