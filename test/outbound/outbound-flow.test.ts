import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Clock } from '../../src/common/clock.js';
import { MessageRepository } from '../../src/messages/message-repository.js';
import { MetricsService } from '../../src/metrics/metrics.service.js';
import { OutboundMetrics } from '../../src/outbound/outbound-metrics.js';
import { OnwardAs4Sender } from '../../src/outbound/onward-as4-sender.js';
import { OutboundAttempts } from '../../src/outbound/outbound-attempts.js';
import { outboundConfig } from '../../src/outbound/outbound.config.js';
import { OutboundSendAttempt, OutboundWorkspaces } from '../../src/outbound/outbound-send-attempt.js';
import { outboundJobId, OutboundService, type OutboundSubmission } from '../../src/outbound/outbound.service.js';
import { CertificateValidator } from '../../src/pki/certificate-validator.js';
import { createDevPki, type DevPki } from '../../src/pki/dev-pki.js';
import { BullJobQueue } from '../../src/queue/bull-job-queue.js';
import { RedisConnections } from '../../src/redis/redis-connections.js';
import { redisConfig } from '../../src/redis/redis.config.js';
import { type BlobStore } from '../../src/storage/blob-store.js';
import { FilesystemBlobStore } from '../../src/storage/filesystem-blob-store.js';
import { reportingConfig } from '../../src/reporting/reporting.config.js';
import { ReportingMetrics } from '../../src/reporting/reporting-metrics.js';
import { TransmissionRecorder } from '../../src/reporting/transmission-recorder.js';
import { TransmissionRepository } from '../../src/reporting/transmission-repository.js';
import { orderXml } from '../as4/support/scenario.js';
import { createPostgresTestDatabase, type TestDatabase } from '../support/databases.js';
import { LoopbackReceiver } from './support/loopback-receiver.js';
import { devTrustStore, ORDER, ORDERING, senderStack, TableResolver, type SenderStack } from './support/sender-stack.js';
import { Installation } from '../../src/database/installation.js';

const BUYER = '0088:5798000000001';
const SUPPLIER = '0088:7315458756324';
const UNSERVED = '0088:7315458756331';

describe('outbound messages over AS4: rows, MessageId, retries and final states (PostgreSQL, Redis)', () => {
  const clock = new Clock();
  const prefix = `t-outbound-${randomBytes(4).toString('hex')}`;
  let db: TestDatabase;
  let dir: string;
  let pki: DevPki;
  let receiver: LoopbackReceiver;
  let stack: SenderStack;
  let redis: RedisConnections;
  let queue: BullJobQueue;
  let messages: MessageRepository;
  let blobs: BlobStore;
  let service: OutboundService;
  let job: OutboundSendAttempt;
  let attempts: OutboundAttempts;
  let metrics: MetricsService;
  let transmissions: TransmissionRepository;

  const submission = (over: Partial<OutboundSubmission> = {}): OutboundSubmission => ({
    document: orderXml(20),
    kind: 'order',
    senderId: BUYER,
    receiverId: SUPPLIER,
    documentTypeId: `${ORDER.scheme}::${ORDER.value}`,
    processId: `${ORDERING.scheme}::${ORDERING.value}`,
    countryC1: 'DK',
    endpoint: { url: receiver.url, certificatePem: pki.partnerAp.certPem },
    ...over,
  });
  const roles = async (id: string) => (await messages.documents(id)).map((d) => d.role).sort();

  beforeAll(async () => {
    db = await createPostgresTestDatabase();
    dir = mkdtempSync(path.join(tmpdir(), 'outbound-flow-'));
    pki = await createDevPki();
    const noRevocation = new CertificateValidator(devTrustStore(pki), { revocationPolicy: 'off' });
    receiver = new LoopbackReceiver(pki.partnerAp, pki.ourAp, noRevocation).serve(SUPPLIER, ORDER, ORDERING);
    await receiver.start();
    stack = senderStack(pki, new TableResolver(), clock, { policy: 'off' });
    redis = new RedisConnections(redisConfig.load({ QUEUE_PREFIX: prefix }));
    queue = new BullJobQueue(redis, new Installation(db.db));
    messages = new MessageRepository(db.db, clock);
    blobs = new FilesystemBlobStore(dir);
    await blobs.init();
    attempts = new OutboundAttempts(db.db);
    service = new OutboundService(messages, blobs, queue, { messageIdDomain: 'ap.test' });
    const config = outboundConfig.load({ AS4_SEND_ALLOW_HTTP: 'true', AS4_SEND_SPILL_THRESHOLD_BYTES: '1024' });
    metrics = new MetricsService();
    transmissions = new TransmissionRepository(db.db);
    const recorder = new TransmissionRecorder(transmissions, reportingConfig.load({}), new ReportingMetrics(metrics));
    job = new OutboundSendAttempt(db.db, messages, blobs, attempts, stack.sender, stack.resolver, new OutboundWorkspaces(tmpdir()), clock, config, new OutboundMetrics(metrics), undefined, recorder);
  });
  afterAll(async () => {
    await stack?.transport.close();
    await receiver?.stop();
    await queue?.onApplicationShutdown();
    await redis?.onApplicationShutdown();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps one MessageId across a lost receipt: the retry gets the receipt from duplicate detection, the message is sent once', async () => {
    const started = await service.submit(submission());
    expect(started).toMatchObject({ direction: 'outbound', state: 'sending' });
    expect(started.as4MessageId).toMatch(/^[0-9a-f-]{36}@ap\.test$/);
    expect(await queue.hasJob('outbound', outboundJobId(started.id, 1))).toBe(true);

    receiver.mode = 'drop-reply';
    const first = await job.run(started.id, { number: 1, final: false });
    receiver.mode = 'ok';
    expect(first).toMatchObject({ kind: 'retry', code: 'EBMS:0005' });
    expect((await messages.get(started.id)).state).toBe('sending');

    const second = await job.run(started.id, { number: 2, final: false });
    expect(second).toMatchObject({ kind: 'sent' });
    if (second.kind !== 'sent') expect.unreachable(`the second attempt was ${second.kind}`);
    expect(receiver.received.filter((id) => id === started.as4MessageId)).toHaveLength(2);
    expect([...receiver.store.records.values()].filter((r) => r.message.key.messageId === started.as4MessageId)).toHaveLength(1);

    const sent = await messages.get(started.id);
    expect(sent).toMatchObject({ state: 'sent', as4MessageId: started.as4MessageId, sendingAp: 'PDK000001', receivingAp: 'PDK000002' });
    expect(sent.sbdhInstanceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await roles(started.id)).toEqual(['as4-envelope', 'business-document', 'receipt', 'sbd']);
    const receipt = (await blobs.read(sent.signalSha256!)).toString('utf8');
    expect(receipt).toContain(`RefToMessageId>${started.as4MessageId}<`);
    expect(receipt).toContain(second.receiptMessageId);
    // Every digest the receipt acknowledges is one of the envelope we kept.
    const envelope = (await blobs.read((await messages.documents(started.id)).find((d) => d.role === 'as4-envelope')!.sha256)).toString('utf8');
    expect(envelope).toContain(`MessageId>${started.as4MessageId}<`);
    const acknowledged = [...receipt.matchAll(/DigestValue>([^<]+)</g)].map((m) => m[1]!);
    const nri = receipt.slice(receipt.indexOf('NonRepudiationInformation'));
    for (const digest of [...nri.matchAll(/DigestValue>([^<]+)</g)].map((m) => m[1]!)) expect(envelope).toContain(digest);
    expect(acknowledged.length).toBeGreaterThan(3);
    expect((await attempts.forMessage(started.id)).map((a) => [a.number, a.outcome, a.retryable])).toEqual([
      [1, 'transport-error', true],
      [2, 'receipt', false],
    ]);
    const counted = await metrics.registry.getSingleMetricAsString('peppol_ap_as4_outbound_attempts_total');
    expect(counted).toContain('peppol_ap_as4_outbound_attempts_total{outcome="EBMS:0005"} 1');
    expect(counted).toContain('peppol_ap_as4_outbound_attempts_total{outcome="receipt"} 1');
    const timeline = await messages.timeline(started.id);
    expect(timeline.map((e) => e.toState)).toEqual(['created', 'sending', 'sent']);

    // Sending a sent message again does nothing.
    expect((await service.send(started.id)).state).toBe('sent');

    // Counted once for Peppol Reporting, as we are C2, in the commit that recorded the receipt.
    const record = await transmissions.ofMessage(started.id);
    expect(record).toMatchObject({
      direction: 'sending',
      c2SeatId: 'PDK000001',
      c3SeatId: 'PDK000002',
      documentType: ORDER,
      process: ORDERING,
      transportProfile: 'peppol-transport-as4-v2_0',
      c1Country: 'DK',
      c4Country: null,
      endUserId: BUYER,
      countsEndUser: true,
    });
    const sentAt = timeline.find((e) => e.toState === 'sent')!.at;
    expect(Math.abs(record!.exchangedAt.getTime() - new Date(sentAt).getTime())).toBeLessThan(60_000);
    expect(await metrics.registry.getSingleMetricAsString('peppol_ap_reporting_transmissions_recorded_total')).toContain('{direction="sending"} 1');
  });

  it('records an ebMS error answer with its code and ends in send-failed at once; a resend keeps the MessageId', async () => {
    const started = await service.submit(submission({ receiverId: UNSERVED }));
    const result = await job.run(started.id, { number: 1, final: false });
    expect(result).toMatchObject({ kind: 'send-failed', code: 'EBMS:0004' });
    const failed = await messages.get(started.id);
    expect(failed.state).toBe('send-failed');
    expect(failed.failure).toMatchObject({ code: 'EBMS:0004' });
    expect((failed.failure as { message: string }).message).toContain('PEPPOL:NOT_SERVICED');
    expect(await roles(started.id)).toEqual(['business-document', 'error-signal', 'sbd']);
    expect((await attempts.forMessage(started.id))[0]).toMatchObject({ outcome: 'ebms-error', ebmsCode: 'EBMS:0004', httpStatus: 200, retryable: false });
    // Refused by the receiver: not a transmission Peppol Reporting counts.
    expect(await transmissions.ofMessage(started.id)).toBeNull();

    receiver.serve(UNSERVED, ORDER, ORDERING);
    const again = await service.send(started.id);
    expect(again).toMatchObject({ state: 'sending', as4MessageId: started.as4MessageId });
    expect(await queue.hasJob('outbound', outboundJobId(started.id, 2))).toBe(true);
    expect((await job.run(started.id, { number: 1, final: false })).kind).toBe('sent');
    expect(await transmissions.ofMessage(started.id)).toMatchObject({ direction: 'sending', endUserId: BUYER });
  });

  it('gives up with EBMS:0301 MissingReceipt when the attempts run out on transient failures', async () => {
    const started = await service.submit(submission());
    receiver.mode = 'http-503';
    try {
      expect((await job.run(started.id, { number: 1, final: false })).kind).toBe('retry');
      const last = await job.run(started.id, { number: 2, final: true });
      expect(last).toMatchObject({ kind: 'send-failed', code: 'EBMS:0301' });
    } finally {
      receiver.mode = 'ok';
    }
    const failed = await messages.get(started.id);
    expect(failed.failure).toMatchObject({ code: 'EBMS:0301' });
    expect((failed.failure as { message: string }).message).toMatch(/no receipt after 2 attempts; last: HTTP 503/);
  });

  it('fails at once when discovery says the receiver is not registered, when the endpoint is plain http where https is required, and when the document cannot be sent', async () => {
    const unregistered = await service.submit(submission({ endpoint: undefined }));
    expect(await job.run(unregistered.id, { number: 1, final: false })).toMatchObject({ kind: 'send-failed', code: 'discovery:not-registered' });

    const refusedUrl = await service.submit(submission());
    const strictTransport = senderStack(pki, new TableResolver(), clock, { policy: 'off', allowHttp: false });
    try {
      const httpsOnly = new OutboundSendAttempt(db.db, messages, blobs, attempts, strictTransport.sender, strictTransport.resolver, new OutboundWorkspaces(tmpdir()), clock, outboundConfig.load({}));
      expect(await httpsOnly.run(refusedUrl.id, { number: 1, final: false })).toMatchObject({ kind: 'send-failed', code: 'endpoint-url' });
    } finally {
      await strictTransport.transport.close();
    }

    const invoice = Buffer.from('<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><ID>1</ID></Invoice>');
    const wrong = await service.submit(submission({ document: invoice }));
    const result = await job.run(wrong.id, { number: 1, final: false });
    expect(result).toMatchObject({ kind: 'send-failed', code: 'unsendable' });
    expect(result.kind === 'send-failed' && result.reason).toContain('does not match document type');
  });

  it('retries while the OCSP responder is unreachable under hard-fail, then fails with the certificate code (nothing was sent)', async () => {
    const hard = senderStack(pki, new TableResolver(), clock, { policy: 'hard-fail', unreachableOcspUrl: 'http://127.0.0.1:9/ocsp' });
    try {
      const config = outboundConfig.load({ AS4_SEND_ALLOW_HTTP: 'true' });
      const strict = new OutboundSendAttempt(db.db, messages, blobs, attempts, hard.sender, hard.resolver, new OutboundWorkspaces(tmpdir()), clock, config);
      const started = await service.submit(submission());
      expect(await strict.run(started.id, { number: 1, final: false })).toMatchObject({ kind: 'retry', code: 'certificate:revocation-unknown' });
      const last = await strict.run(started.id, { number: 2, final: true });
      expect(last).toMatchObject({ kind: 'send-failed', code: 'certificate:revocation-unknown' });
      expect(last.kind === 'send-failed' && last.reason).toMatch(/^no usable endpoint after 2 attempts; last: receiver certificate refused \(revocation-unknown\)/);
      expect(receiver.received).not.toContain(started.as4MessageId);
    } finally {
      await hard.transport.close();
    }
  });

  it("binds the delivery flow's OutboundAs4Sender port: a created order goes out over AS4", async () => {
    const blob = await blobs.put(orderXml(5));
    const order = await messages.create(
      {
        direction: 'outbound',
        kind: 'order',
        state: 'created',
        senderId: BUYER,
        receiverId: SUPPLIER,
        documentTypeId: `${ORDER.scheme}::${ORDER.value}`,
        processId: `${ORDERING.scheme}::${ORDERING.value}`,
        countryC1: 'DK',
        attributes: { as4Endpoint: { url: receiver.url, certificatePem: pki.partnerAp.certPem } },
      },
      { actor: 'test', documents: [{ role: 'order', sha256: blob.sha256, mediaType: 'application/xml', size: blob.size }] },
    );
    await new OnwardAs4Sender(service).sendOnward({ messageId: order.id, supplierId: SUPPLIER, documentTypeId: order.documentTypeId, routeId: 'route-1' });
    expect((await messages.get(order.id)).state).toBe('sending');
    expect(await queue.hasJob('outbound', outboundJobId(order.id, 1))).toBe(true);
    expect((await job.run(order.id, { number: 1, final: false })).kind).toBe('sent');
  });
});
