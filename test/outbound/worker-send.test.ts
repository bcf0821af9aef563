import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Clock } from '../../src/common/clock.js';
import { deliveryConfig } from '../../src/delivery/delivery.config.js';
import { DeliveryService } from '../../src/delivery/delivery.service.js';
import { DeliveryRepository } from '../../src/delivery/deliveries/delivery-repository.js';
import { RouteRepository } from '../../src/delivery/routes/route-repository.js';
import { RouteService } from '../../src/delivery/routes/route.service.js';
import { webhookConfig } from '../../src/delivery/webhook/webhook.config.js';
import { OnwardAs4Sender } from '../../src/outbound/onward-as4-sender.js';
import { ParticipantRepository } from '../../src/participants/participant-repository.js';
import { MessageRepository } from '../../src/messages/message-repository.js';
import { OutboundService } from '../../src/outbound/outbound.service.js';
import { DEV_PKI_FILES, readDevPki } from '../../src/pki/dev-pki-files.js';
import type { DevPki } from '../../src/pki/dev-pki.js';
import { BullJobQueue } from '../../src/queue/bull-job-queue.js';
import { RedisConnections } from '../../src/redis/redis-connections.js';
import { redisConfig } from '../../src/redis/redis.config.js';
import { parseDocumentType, parseParticipant } from '../../src/discovery/identifiers.js';
import { serviceMetadataUrl } from '../../src/discovery/smp-client.js';
import { FilesystemBlobStore } from '../../src/storage/filesystem-blob-store.js';
import { orderXml } from '../as4/support/scenario.js';
import { FakeSmpServer } from '../discovery/support/fake-smp-server.js';
import { signEnveloped, smp1Metadata } from '../discovery/support/smp-documents.js';
import { createPostgresTestDatabase, type TestDatabase } from '../support/databases.js';
import { devPkiEnv, TEST_PKI_DIR } from '../support/dev-pki.js';
import { type RunningProcess, startProcess } from '../support/processes.js';
import { ORDER, ORDERING } from './support/sender-stack.js';
import { Installation } from '../../src/database/installation.js';

const BUYER = '0088:5798000000001';
const SUPPLIER = '0088:7315458756324';
const T58 = 'urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2::ApplicationResponse##urn:fdc:peppol.eu:poacc:trns:catalogue_response:3::2.1';
const CATALOGUE_ONLY = 'urn:fdc:peppol.eu:poacc:bis:catalogue_only:3';

/** The worker role's outbound queue handler, end to end: message row → job → AS4 → receipt → `sent`. */
describe('outbound queue in the worker process (built code, PostgreSQL, Redis)', () => {
  let db: TestDatabase;
  let api: RunningProcess;
  let worker: RunningProcess;
  let pki: DevPki;
  let senderData: string;
  let receiverData: string;
  let redis: RedisConnections;
  let queue: BullJobQueue;
  const smp = new FakeSmpServer();
  const workerPrefix = `t-outq-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    db = await createPostgresTestDatabase();
    senderData = mkdtempSync(path.join(tmpdir(), 'ap-outq-sender-'));
    receiverData = mkdtempSync(path.join(tmpdir(), 'ap-outq-receiver-'));
    const env = await devPkiEnv();
    pki = (await readDevPki(TEST_PKI_DIR))!;
    const common = { ...env, DATABASE_URL: db.url, PKI_REVOCATION_POLICY: 'off' };
    // Receiver: the API as the dev AP (PDK000001). Sender: a worker as the dev partner AP (PDK000002).
    api = await startProcess('main.js', { ...common, DATA_DIR: receiverData, PORT: '0', QUEUE_PREFIX: `${workerPrefix}-api`, SERVED_PARTICIPANTS: SUPPLIER });
    // The supplier's SMP (a private setup's fixed SMP) names the API as its T58 endpoint, signed by the dev SMP certificate.
    await smp.start();
    const metadata = smp1Metadata({ participant: SUPPLIER, documentType: T58, process: CATALOGUE_ONLY, endpoints: [{ address: `http://127.0.0.1:${api.port}/as4`, certificatePem: pki.ourAp.certPem }] });
    smp.serve(serviceMetadataUrl('', parseParticipant(SUPPLIER), parseDocumentType(T58)), signEnveloped(metadata, pki.smp.keyPem, pki.smp.certPem));
    worker = await startProcess('worker.js', {
      ...common,
      DATA_DIR: senderData,
      QUEUE_PREFIX: workerPrefix,
      AP_CERT: path.join(TEST_PKI_DIR, DEV_PKI_FILES.partnerAp.cert),
      AP_KEY: path.join(TEST_PKI_DIR, DEV_PKI_FILES.partnerAp.key),
      AS4_SEND_ALLOW_HTTP: 'true',
      SMP_FIXED_URL: smp.url,
    });
    redis = new RedisConnections(redisConfig.load({ QUEUE_PREFIX: workerPrefix }));
    queue = new BullJobQueue(redis, new Installation(db.db));
  });
  afterAll(async () => {
    await queue?.onApplicationShutdown();
    await redis?.onApplicationShutdown();
    await worker?.stop();
    await api?.stop();
    await smp.stop();
    await db?.drop();
    rmSync(senderData, { recursive: true, force: true });
    rmSync(receiverData, { recursive: true, force: true });
  });

  const waitForState = async (messages: MessageRepository, id: string, states: string[]) => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const message = await messages.get(id);
      if (states.includes(message.state)) return message;
      if (Date.now() > deadline) throw new Error(`message ${id} still ${message.state}:\n${worker.output().slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  it('sends a submitted order and records the receipt; a refused one ends in send-failed with the ebMS code', async () => {
    const blobs = new FilesystemBlobStore(senderData);
    await blobs.init();
    const messages = new MessageRepository(db.db, new Clock());
    const service = new OutboundService(messages, blobs, queue, { messageIdDomain: 'worker.test' });
    const submit = (receiverId: string) =>
      service.submit({
        document: orderXml(10),
        kind: 'order',
        senderId: BUYER,
        receiverId,
        documentTypeId: `${ORDER.scheme}::${ORDER.value}`,
        processId: `${ORDERING.scheme}::${ORDERING.value}`,
        countryC1: 'DK',
        endpoint: { url: `http://127.0.0.1:${api.port}/as4`, certificatePem: pki.ourAp.certPem },
      });

    const delivered = await submit(SUPPLIER);
    const sent = await waitForState(messages, delivered.id, ['sent', 'send-failed']);
    expect(sent).toMatchObject({ state: 'sent', sendingAp: 'PDK000002', receivingAp: 'PDK000001' });
    const [received] = await db.db.query<{ state: string }>(`SELECT state FROM messages WHERE direction = 'inbound' AND as4_message_id = $1`, [delivered.as4MessageId]);
    expect(received).toMatchObject({ state: 'received' });
    expect((await messages.documents(delivered.id)).map((d) => d.role).sort()).toEqual(['as4-envelope', 'business-document', 'receipt', 'sbd']);

    const refused = await submit('0088:7315458756331');
    const failed = await waitForState(messages, refused.id, ['sent', 'send-failed']);
    expect(failed).toMatchObject({ state: 'send-failed', failure: { code: 'EBMS:0004' } });
  });

  it('sends a catalogue response (T58) the catalogue flow hands to the delivery flow, over AS4 to the endpoint its SMP names', async () => {
    const blobs = new FilesystemBlobStore(senderData);
    await blobs.init();
    const messages = new MessageRepository(db.db, new Clock());
    const response = Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><ApplicationResponse xmlns="urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2" ' +
        'xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"><cbc:CustomizationID>urn:fdc:peppol.eu:poacc:trns:catalogue_response:3</cbc:CustomizationID>' +
        '<cbc:ProfileID>urn:fdc:peppol.eu:poacc:bis:catalogue_only:3</cbc:ProfileID><cbc:ID>R-1</cbc:ID></ApplicationResponse>',
    );
    const blob = await blobs.put(response);
    // As the catalogue flow writes it: outbound, created, the T58 under its role, no C1 country (its
    // sender's Norwegian organisation number implies NO).
    const t58 = await messages.create(
      {
        direction: 'outbound',
        kind: 'catalogue-response',
        state: 'created',
        senderId: '0192:810418052',
        receiverId: SUPPLIER,
        documentTypeId: `busdox-docid-qns::${T58}`,
        processId: `cenbii-procid-ubl::${CATALOGUE_ONLY}`,
        payloadSha256: blob.sha256,
        payloadSize: blob.size,
        attributes: { transaction: 'T58' },
      },
      { actor: 'test', documents: [{ role: 'catalogue-response', sha256: blob.sha256, mediaType: 'application/xml', size: blob.size }] },
    );
    // The catalogue job hands the response to the delivery flow in its own process, which schedules the AS4 send.
    const clock = new Clock();
    const webhook = webhookConfig.load({});
    const config = deliveryConfig.load({});
    const routes = new RouteService(db.db, new RouteRepository(db.db), new ParticipantRepository(db.db), clock, webhook, config);
    const outbound = new OutboundService(messages, blobs, queue, { messageIdDomain: 'worker.test' });
    const delivery = new DeliveryService(db.db, new DeliveryRepository(db.db), routes, messages, blobs, queue, clock, webhook, config, new OnwardAs4Sender(outbound));
    expect(await delivery.catalogueResponseCreated(t58.id)).toEqual({ way: 'as4', routeId: null });
    const sent = await waitForState(messages, t58.id, ['sent', 'send-failed']);
    expect(sent).toMatchObject({ state: 'sent', receivingAp: 'PDK000001' });
    const [received] = await db.db.query<{ kind: string; country_c1: string }>(
      `SELECT kind, country_c1 FROM messages WHERE direction = 'inbound' AND as4_message_id = $1`,
      [sent.as4MessageId],
    );
    expect(received).toMatchObject({ kind: 'catalogue-response', country_c1: 'NO' });
    expect(smp.requests.some((r) => r.includes('/services/'))).toBe(true);
  });
});
