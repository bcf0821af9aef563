import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SentDocumentEvents } from '../../src/delivery/sent-document-events.js';
import { parseWebhookEvent } from '../../src/delivery/webhook/events.js';
import { OutboundAttempts } from '../../src/outbound/outbound-attempts.js';
import { outboundConfig } from '../../src/outbound/outbound.config.js';
import { OutboundSendAttempt, OutboundWorkspaces } from '../../src/outbound/outbound-send-attempt.js';
import { OutboundService, type OutboundSubmission } from '../../src/outbound/outbound.service.js';
import { CertificateValidator } from '../../src/pki/certificate-validator.js';
import { createDevPki, type DevPki } from '../../src/pki/dev-pki.js';
import { QUEUES } from '../../src/queue/queues.js';
import { deliveryAttemptJob } from '../../src/delivery/deliveries/delivery-jobs.js';
import { orderXml } from '../as4/support/scenario.js';
import { deliveryServices } from '../delivery/support.js';
import { createPostgresTestDatabase, type TestDatabase } from '../support/databases.js';
import { LoopbackReceiver } from './support/loopback-receiver.js';
import { devTrustStore, ORDER, ORDERING, senderStack, TableResolver, type SenderStack } from './support/sender-stack.js';

const BUYER = '0088:5798000000001';
const SUPPLIER = '0088:7315458756324';
const UNSERVED = '0088:7315458756331';
/** A served participant without routes: its sends are reported to nobody. */
const QUIET = '0088:5798000000002';

/**
 * What a participant sent over AS4 is reported to its own routes: `document.sent` with the receipt's
 * MessageId, `document.send-failed` with the ebMS code once the send gives up (loopback receiving AP,
 * PostgreSQL, Redis). The events are stored with their deliveries and queued as the delivery job takes them.
 */
describe('document.sent and document.send-failed reach the sender’s routes', () => {
  let db: TestDatabase;
  let dir: string;
  let pki: DevPki;
  let receiver: LoopbackReceiver;
  let stack: SenderStack;
  let s: ReturnType<typeof deliveryServices>;
  let service: OutboundService;
  let job: OutboundSendAttempt;
  let routeId: string;

  const submission = (over: Partial<OutboundSubmission> = {}): OutboundSubmission => ({
    document: orderXml(3),
    kind: 'order',
    senderId: BUYER,
    receiverId: SUPPLIER,
    documentTypeId: `${ORDER.scheme}::${ORDER.value}`,
    processId: `${ORDERING.scheme}::${ORDERING.value}`,
    countryC1: 'DK',
    endpoint: { url: receiver.url, certificatePem: pki.partnerAp.certPem },
    ...over,
  });

  /** The events stored for a message, as their bodies say them. */
  const eventsOf = async (messageId: string) => {
    const deliveries = await s.deliveries.forMessage(messageId);
    return Promise.all(
      deliveries.map(async (d) => {
        const event = (await s.deliveries.event(d.eventId))!;
        // Queued for the delivery job, as every stored delivery is.
        expect(await s.queue.hasJob(QUEUES.delivery, deliveryAttemptJob(d).jobId)).toBe(true);
        return { routeId: d.routeId, webhookId: d.webhookId, event: parseWebhookEvent(JSON.parse((await s.blobs.read(event.bodySha256)).toString('utf8'))) };
      }),
    );
  };

  beforeAll(async () => {
    db = await createPostgresTestDatabase();
    dir = mkdtempSync(path.join(tmpdir(), 'send-events-'));
    pki = await createDevPki();
    receiver = new LoopbackReceiver(pki.partnerAp, pki.ourAp, new CertificateValidator(devTrustStore(pki), { revocationPolicy: 'off' })).serve(SUPPLIER, ORDER, ORDERING);
    await receiver.start();
    s = deliveryServices(db.db, dir, `t-send-events-${randomBytes(4).toString('hex')}`);
    stack = senderStack(pki, new TableResolver(), s.clock, { policy: 'off' });
    await s.blobs.init();
    for (const id of [BUYER, QUIET]) await s.participants.upsert(id);
    routeId = (await s.routes.create({ kind: 'webhook', participantId: BUYER, url: 'https://procurement.example.com/peppol' })).route.id;
    service = new OutboundService(s.messages, s.blobs, s.queue, { messageIdDomain: 'ap.test' });
    const config = outboundConfig.load({ AS4_SEND_ALLOW_HTTP: 'true' });
    const reports = new SentDocumentEvents(s.service, s.messages, s.routes, s.alerts);
    job = new OutboundSendAttempt(db.db, s.messages, s.blobs, new OutboundAttempts(db.db), stack.sender, stack.resolver, new OutboundWorkspaces(tmpdir()), s.clock, config, undefined, undefined, undefined, reports);
  });
  afterAll(async () => {
    await stack?.transport.close();
    await receiver?.stop();
    await s?.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a document that got its receipt: document.sent with the receipt’s MessageId, once even when reported again', async () => {
    const started = await service.submit(submission());
    const result = await job.run(started.id, { number: 1, final: false });
    expect(result.kind).toBe('sent');
    const events = await eventsOf(started.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.routeId).toBe(routeId);
    expect(events[0]!.event).toMatchObject({
      type: 'document.sent',
      data: {
        messageId: started.id,
        as4MessageId: started.as4MessageId,
        receiptMessageId: result.kind === 'sent' ? result.receiptMessageId : '',
        receivingAp: 'PDK000002',
        attempt: 1,
        sender: { endpointId: { scheme: '0088', value: '5798000000001' } },
        receiver: { endpointId: { scheme: '0088', value: '7315458756324' } },
      },
    });
    // A send job that runs again (a retry after a crash) finds it sent and reports it again: still one event.
    expect((await job.run(started.id, { number: 2, final: false })).kind).toBe('skipped');
    expect(await eventsOf(started.id)).toHaveLength(1);
  });

  it('a document refused by the receiving AP: document.send-failed with the ebMS code', async () => {
    const started = await service.submit(submission({ receiverId: UNSERVED }));
    expect(await job.run(started.id, { number: 1, final: false })).toMatchObject({ kind: 'send-failed', code: 'EBMS:0004' });
    const [only, ...rest] = await eventsOf(started.id);
    expect(rest).toEqual([]);
    expect(only!.event).toMatchObject({ type: 'document.send-failed', data: { messageId: started.id, error: { code: 'EBMS:0004' }, attempts: 1 } });
    expect((only!.event.data as { error: { message: string } }).error.message).toContain('PEPPOL:NOT_SERVICED');
  });

  it('a document whose receipt never came: document.send-failed with EBMS:0301 after the retries, not before', async () => {
    const started = await service.submit(submission());
    receiver.mode = 'http-503';
    try {
      expect((await job.run(started.id, { number: 1, final: false })).kind).toBe('retry');
      expect(await eventsOf(started.id)).toEqual([]);
      expect(await job.run(started.id, { number: 2, final: true })).toMatchObject({ kind: 'send-failed', code: 'EBMS:0301' });
    } finally {
      receiver.mode = 'ok';
    }
    const [only] = await eventsOf(started.id);
    expect(only!.event).toMatchObject({ type: 'document.send-failed', data: { error: { code: 'EBMS:0301' }, attempts: 2 } });
  });

  it('a resend after a failure is a new report; a sender without routes hears nothing', async () => {
    const started = await service.submit(submission({ receiverId: UNSERVED }));
    expect((await job.run(started.id, { number: 1, final: false })).kind).toBe('send-failed');
    receiver.serve(UNSERVED, ORDER, ORDERING);
    await service.send(started.id);
    expect((await job.run(started.id, { number: 1, final: false })).kind).toBe('sent');
    expect((await eventsOf(started.id)).map((e) => e.event.type).sort()).toEqual(['document.send-failed', 'document.sent']);

    const quiet = await service.submit(submission({ senderId: QUIET }));
    expect((await job.run(quiet.id, { number: 1, final: false })).kind).toBe('sent');
    expect(await s.deliveries.forMessage(quiet.id)).toEqual([]);
  });
});
