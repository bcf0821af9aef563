import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Clock } from '../../src/common/clock.js';
import { deliveryConfig } from '../../src/delivery/delivery.config.js';
import { RouteRepository } from '../../src/delivery/routes/route-repository.js';
import { RouteService } from '../../src/delivery/routes/route.service.js';
import { webhookConfig } from '../../src/delivery/webhook/webhook.config.js';
import type { MessageRecord } from '../../src/messages/message-repository.js';
import { ParticipantRepository } from '../../src/participants/participant-repository.js';
import { qualifiedDocumentTypeId, qualifiedProcessId, TRANSACTIONS } from '../../src/peppol/index.js';
import { createHarness, type Harness } from '../workflows/support/harness.js';
import { mlsAbout, until, WebhookSink } from './support.js';

const BUYER = '0192:123456785';
const SUPPLIER = '0192:987654325';
const FROM_AP = { sender: '0242:000001', receiver: '0242:000002', sendingAp: 'PDK000001' };

/**
 * As the sending access point (C2): statuses received for documents we sent, through the real worker
 * (built code), PostgreSQL, Redis and a back end on loopback.
 */
describe('receiving Message Level Status', () => {
  let h: Harness;
  const sink = new WebhookSink();

  beforeAll(async () => {
    await sink.start();
    h = await createHarness({ WEBHOOK_ALLOW_HTTP: 'true', MLS_RECEIVE_LIMIT_MINUTES: '1' });
    const participants = new ParticipantRepository(h.db);
    await participants.upsert(BUYER);
    const routes = new RouteService(h.db, new RouteRepository(h.db), participants, new Clock(), webhookConfig.load({ WEBHOOK_ALLOW_HTTP: 'true' }), deliveryConfig.load({}));
    await routes.create({ kind: 'webhook', supplierId: BUYER, url: sink.url, eventTypes: ['document.status'] });
    await h.startWorker();
  }, 180_000);
  afterAll(async () => {
    await h?.close();
    await sink.stop();
  });

  /** An order we sent (receipt received), asking for every status. */
  async function sentOrder(): Promise<MessageRecord> {
    const order = await h.messages.create(
      {
        direction: 'outbound',
        kind: 'order',
        state: 'sent',
        senderId: BUYER,
        receiverId: SUPPLIER,
        documentTypeId: qualifiedDocumentTypeId(TRANSACTIONS.order.documentTypeId),
        processId: qualifiedProcessId(TRANSACTIONS.order.processIds[0]),
        sbdhInstanceId: randomUUID(),
        attributes: { mlsRequested: { to: '0242:000002', type: 'ALWAYS_SEND' } },
      },
      { actor: 'test', reason: 'sent before the test' },
    );
    return order;
  }

  const receiveMls = (document: Buffer) => h.receive({ document, transaction: TRANSACTIONS.messageLevelStatus.id, ...FROM_AP, as4MessageId: `${randomUUID()}@ap1` });
  const appliedOf = async (id: string) => (await h.messages.get(id)).attributes as { mlsApplied?: { outcome: string; subjectMessageId?: string; reason?: string } };
  const settled = (id: string) => until(`MLS ${id} settled`, async () => (await appliedOf(id)).mlsApplied);

  it('ties an MLS RE to the order it names, shows it on the timeline and tells the back end document.status with the rule ids', async () => {
    const order = await sentOrder();
    const overdue = await h.messages.awaitingStatus({ before: new Date(Date.now() + 60_000), limit: 100 });
    expect(overdue.map((m) => m.id)).toContain(order.id);

    const mls = await receiveMls(mlsAbout(order.sbdhInstanceId!));
    expect(await settled(mls)).toMatchObject({ outcome: 'applied', subjectMessageId: order.id });
    const tied = await h.messages.get(order.id);
    expect(tied.attributes).toMatchObject({ mlsStatus: { code: 'RE', statusMessageId: mls, mlsId: `mls-${order.sbdhInstanceId}` } });
    const timeline = await h.messages.timeline(order.id);
    expect(timeline.at(-1)).toMatchObject({ actor: 'mls', fromState: 'sent', toState: 'sent', reason: expect.stringMatching(/^MLS RE received from PDK000001: .*PEPPOL-T01-R001, PEPPOL-T01-R003/) });
    expect((await h.messages.get(mls)).relatedMessageId).toBe(order.id);

    const [event] = await until('document.status', async () => (sink.of('document.status').length ? sink.of('document.status').filter((e) => e.data.messageId === order.id) : undefined));
    expect(event!.data).toMatchObject({
      messageId: order.id,
      instanceIdentifier: order.sbdhInstanceId,
      status: 'rejected',
      code: 'RE',
      ruleIds: ['PEPPOL-T01-R001', 'PEPPOL-T01-R003'],
      reasons: [expect.objectContaining({ reason: 'BV', ruleId: 'PEPPOL-T01-R001', location: '/Order/cbc:ID' }), expect.objectContaining({ reason: 'BV', ruleId: 'PEPPOL-T01-R003' })],
    });
    const after = await h.messages.awaitingStatus({ before: new Date(Date.now() + 60_000), limit: 100 });
    expect(after.map((m) => m.id)).not.toContain(order.id);
  });

  it('does not apply the same MLS twice (sent again under a new AS4 MessageId)', async () => {
    const order = await sentOrder();
    const first = await receiveMls(mlsAbout(order.sbdhInstanceId!, { responseCode: 'AP', description: undefined, issues: [] }));
    expect(await settled(first)).toMatchObject({ outcome: 'applied' });
    await until('the first event', async () => sink.of('document.status').some((e) => e.data.messageId === order.id));
    const again = await receiveMls(mlsAbout(order.sbdhInstanceId!, { responseCode: 'AP', description: undefined, issues: [] }));
    expect(await settled(again)).toMatchObject({ outcome: 'duplicate', subjectMessageId: order.id });
    expect((await h.messages.get(order.id)).attributes).toMatchObject({ mlsStatus: { code: 'AP', statusMessageId: first } });
    const statusEntries = (await h.messages.timeline(order.id)).filter((e) => e.actor === 'mls');
    expect(statusEntries).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(sink.of('document.status').filter((e) => e.data.messageId === order.id)).toHaveLength(1);
  });

  it('keeps an MLS about nothing we sent, flagged, without failing it', async () => {
    const mls = await receiveMls(mlsAbout('not-an-instance-we-sent'));
    expect(await settled(mls)).toMatchObject({ outcome: 'unknown-reference', reason: expect.stringContaining('"not-an-instance-we-sent"') });
    expect((await h.messages.get(mls)).state).toBe('validated');
  });

  it('records an MLS failing its rules and a malformed one with their reasons, never applying them', async () => {
    const order = await sentOrder();
    const breaking = mlsAbout(order.sbdhInstanceId!).toString('utf8').replace(/<cac:LineResponse>[\s\S]*<\/cac:LineResponse>/, '');
    const invalid = await receiveMls(Buffer.from(breaking, 'utf8'));
    expect(await settled(invalid)).toMatchObject({ outcome: 'invalid', reason: expect.stringMatching(/SCH-MLS-23.*SCH-MLS-24|SCH-MLS-24.*SCH-MLS-23/) });
    expect((await h.messages.get(invalid)).state).toBe('rejected');
    const malformed = await receiveMls(Buffer.from('<ApplicationResponse xmlns="urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2"><unclosed>', 'utf8'));
    expect(await settled(malformed)).toMatchObject({ outcome: 'invalid' });
    expect((await h.messages.get(order.id)).attributes).not.toHaveProperty('mlsStatus');
    expect((await h.messages.timeline(order.id)).map((e) => e.reason)).toContainEqual(expect.stringContaining('fails the MLS rules; not applied'));
  });
});
