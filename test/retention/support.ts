import { randomUUID } from 'node:crypto';
import { AuditRepository } from '../../src/admin/audit/audit-repository.js';
import { Clock } from '../../src/common/clock.js';
import type { Database } from '../../src/database/database.js';
import { DeliveryRepository } from '../../src/delivery/deliveries/delivery-repository.js';
import { MessageRepository, type MessageRecord, type NewMessage } from '../../src/messages/message-repository.js';
import { MetricsService } from '../../src/metrics/metrics.service.js';
import { OutboundAttempts } from '../../src/outbound/outbound-attempts.js';
import { BlobCollector } from '../../src/reliability/blob-collector.js';
import { ReportingPeriodRepository } from '../../src/reporting/reporting-period-repository.js';
import { TransmissionRepository } from '../../src/reporting/transmission-repository.js';
import { RetentionMetrics } from '../../src/retention/retention-metrics.js';
import { retentionConfig } from '../../src/retention/retention.config.js';
import { RetentionService } from '../../src/retention/retention.service.js';
import type { BlobStore, StoredBlob } from '../../src/storage/blob-store.js';
import { storageConfig } from '../../src/storage/storage.config.js';
import { CatalogueStore } from '../../src/workflows/catalogue/catalogue-store.js';

export const DAY = 86_400_000;

/** A clock the test sets: messages are made "in the past" by moving it back while creating them. */
export class SetClock extends Clock {
  constructor(public at: Date) {
    super();
  }
  override now(): Date {
    return new Date(this.at);
  }
}

/** Every repository and the retention service over one database and blob store. */
export function retentionParts(db: Database, store: BlobStore, clock: SetClock, env: NodeJS.ProcessEnv) {
  const messages = new MessageRepository(db, clock);
  const deliveries = new DeliveryRepository(db);
  const outbound = new OutboundAttempts(db);
  const catalogues = new CatalogueStore(db);
  const periods = new ReportingPeriodRepository(db);
  const transmissions = new TransmissionRepository(db);
  const audit = new AuditRepository(db, clock);
  const storageCfg = storageConfig.load({ STORAGE_GC_RETENTION_HOURS: '24' });
  const collector = new BlobCollector(store, messages, deliveries, outbound, clock, storageCfg);
  const metrics = new MetricsService();
  const retentionMetrics = new RetentionMetrics(metrics);
  const cfg = retentionConfig.load(env);
  const service = new RetentionService(db, messages, deliveries, outbound, catalogues, periods, transmissions, audit, collector, clock, cfg, retentionMetrics);
  return { messages, deliveries, outbound, catalogues, periods, transmissions, audit, collector, metrics, retentionMetrics, cfg, service, storageCfg };
}

type Parts = ReturnType<typeof retentionParts>;

/**
 * The world a purge finds, `now` being the clock's time: what must go and what must stay, each for
 * one reason. Blobs are written now (real time), which is long before the clock's `now`.
 */
export async function seedWorld(db: Database, store: BlobStore, clock: SetClock, parts: Parts) {
  const now = clock.now();
  const old = new Date(now.getTime() - 60 * DAY);
  const { messages, deliveries, outbound, catalogues, periods, transmissions } = parts;
  const blobs = async (...contents: string[]): Promise<StoredBlob[]> => store.putAll(contents);
  const make = async (at: Date, m: Partial<NewMessage> & Pick<NewMessage, 'kind' | 'direction' | 'state'>, documents: StoredBlob[] = []): Promise<MessageRecord> => {
    clock.at = at;
    try {
      return await messages.create(
        { senderId: '0192:987654325', receiverId: '0192:123456785', attributes: {}, ...m } as NewMessage,
        { actor: 'test', reason: 'seeded', documents: documents.map((b, i) => ({ role: `doc-${i}`, sha256: b.sha256, mediaType: 'application/xml', size: b.size })) },
      );
    } finally {
      clock.at = now;
    }
  };
  const record = (messageId: string, exchangedAt: Date) =>
    transmissions.record({
      messageId,
      exchangedAt,
      direction: 'sending',
      c2SeatId: 'PDK000001',
      c3SeatId: 'PDK000002',
      documentType: { scheme: 'busdox-docid-qns', value: 'urn:test::Order##x::2.1' },
      process: { scheme: 'cenbii-procid-ubl', value: 'urn:fdc:peppol.eu:poacc:bis:ordering:3' },
      transportProfile: 'peppol-transport-as4-v2_0',
      c1Country: 'DK',
      c4Country: null,
      endUserId: '0192:987654325',
      countsEndUser: true,
    });

  await db.query(`INSERT INTO participants (id, name) VALUES ('0192:987654325', 'supplier') ON CONFLICT DO NOTHING`);
  const routeId = randomUUID();
  await db.query(`INSERT INTO delivery_routes (id, participant_id, kind, url, created_at, updated_at) VALUES ($1, '0192:987654325', 'webhook', 'http://127.0.0.1:9/hook', now(), now())`, [routeId]);
  const event = async (messageId: string, body: StoredBlob, settle: 'delivered' | 'pending') => {
    const eventId = `msg_${randomUUID()}`;
    await db.transaction(async (tx) => {
      await deliveries.insertEvent({ id: eventId, type: 'order.created', supplierId: '0192:987654325', documentTypeId: null, messageId, bodySha256: body.sha256, bodySize: body.size, occurredAt: old }, old, tx);
      await deliveries.insertDelivery({ id: randomUUID(), eventId, routeId, eventType: 'order.created', webhookId: eventId }, old, tx);
    });
    if (settle === 'delivered') {
      const [row] = await db.query<{ id: string }>(`SELECT id FROM webhook_deliveries WHERE event_id = $1`, [eventId]);
      const claimed = await deliveries.claim(row!.id, 1, old, new Date(old.getTime() + 60_000));
      await db.transaction(async (tx) => {
        await deliveries.recordAttempt(
          row!.id,
          { generation: 1, number: 1, attemptedAt: old.toISOString(), latencyMs: 5, status: 200, networkError: null, responseExcerpt: 'ok', responseTruncated: false, retryAfter: null, verdict: 'delivered', reason: null } as never,
          tx,
        );
        await deliveries.settle(claimed!.delivery.id, 1, { state: 'delivered', attempts: 1 }, old, tx);
      });
    }
  };

  // --- to be purged
  const [cartSbd, orderXml, orderBody, shared] = await blobs('<cart/>', '<order/>', '{"type":"order.created"}', '<shared/>');
  const cart = await make(old, { kind: 'cart', direction: 'inbound', state: 'order-created', as4MessageId: 'cart-1@sender', sendingAp: 'PDK000009', payloadSha256: cartSbd!.sha256 }, [cartSbd!, shared!]);
  const order = await make(old, { kind: 'order', direction: 'internal', state: 'delivered', relatedMessageId: cart.id }, [orderXml!]);
  await event(order.id, orderBody!, 'delivered');
  const [sentDoc, receipt] = await blobs('<sent-response/>', '<receipt/>');
  const sent = await make(new Date(now.getTime() - 70 * DAY), { kind: 'order-response', direction: 'outbound', state: 'sent', as4MessageId: 'sent-1@us', signalSha256: receipt!.sha256 }, [sentDoc!]);
  await outbound.record({ messageId: sent.id, number: 1, startedAt: old, durationMs: 10, endpointUrl: 'https://127.0.0.1/as4', receivingAp: 'PDK000002', outcome: 'receipt', retryable: false, httpStatus: 200, ebmsCode: null, detail: null, signalSha256: receipt!.sha256 });
  await record(sent.id, new Date(now.getTime() - 70 * DAY));

  // a received document left for its back end to fetch: at rest, goes past its retention
  const fetchable = await make(old, { kind: 'order', direction: 'inbound', state: 'validated', as4MessageId: 'order-9@sender', sendingAp: 'PDK000009', attributes: { transaction: 'T01' } });

  // --- to be kept, each for one reason
  const validatedCart = await make(old, { kind: 'cart', direction: 'inbound', state: 'validated', as4MessageId: 'cart-4@sender', sendingAp: 'PDK000009', attributes: { transaction: 'T77' } });
  const inFlight = await make(old, { kind: 'cart', direction: 'inbound', state: 'awaiting-approval', as4MessageId: 'cart-2@sender', sendingAp: 'PDK000009' });
  const waitingCart = await make(old, { kind: 'cart', direction: 'inbound', state: 'order-created', as4MessageId: 'cart-3@sender', sendingAp: 'PDK000009' });
  const deliveringOrder = await make(old, { kind: 'order', direction: 'internal', state: 'delivering', relatedMessageId: waitingCart.id });
  const young = await make(new Date(now.getTime() - 5 * DAY), { kind: 'order', direction: 'internal', state: 'delivered' }, [shared!]);
  const [pendingBody] = await blobs('{"type":"document.sent"}');
  const pendingDelivery = await make(old, { kind: 'order-response', direction: 'outbound', state: 'sent', as4MessageId: 'sent-2@us' });
  await event(pendingDelivery.id, pendingBody!, 'pending');
  const recentReported = await make(new Date(now.getTime() - 2 * DAY), { kind: 'order-response', direction: 'outbound', state: 'sent', as4MessageId: 'sent-3@us' });
  await record(recentReported.id, new Date(now.getTime() - 2 * DAY));
  const forever = await make(old, { kind: 'message-status', direction: 'outbound', state: 'sent', as4MessageId: 'mls-1@us' });
  const tsr = await make(old, { kind: 'other', direction: 'outbound', state: 'sent', as4MessageId: 'tsr-1@us' });
  const eusr = await make(old, { kind: 'other', direction: 'outbound', state: 'sent', as4MessageId: 'eusr-1@us' });
  await db.transaction(async (tx) => {
    await periods.lock('2020-01', tx);
    await periods.recordSend('2020-01', { tsrMessageId: tsr.id, eusrMessageId: eusr.id, summary: {}, requestedBy: 'test' }, tx);
  });
  const catalogue = await make(old, { kind: 'catalogue', direction: 'inbound', state: 'catalogue-stored', as4MessageId: 'cat-1@sender', sendingAp: 'PDK000009' });
  const versionId = randomUUID();
  await catalogues.createLoading({ id: versionId, messageId: catalogue.id, supplierId: '0192:987654325', catalogueKey: 'k1', operation: 'add', header: {} as never });
  await db.transaction((tx) => catalogues.setStatus(versionId, 'active', tx));

  return {
    purged: { cart, order, sent, fetchable },
    kept: { inFlight, validatedCart, waitingCart, deliveringOrder, young, pendingDelivery, recentReported, forever, tsr, eusr, catalogue },
    blobs: { gone: [cartSbd!, orderXml!, orderBody!, sentDoc!, receipt!], shared: shared!, pendingBody: pendingBody! },
  };
}

/** The retention settings the world above is judged by. */
export const WORLD_ENV: NodeJS.ProcessEnv = { RETENTION_DAYS: '30', RETENTION_DAYS_ORDER_RESPONSE: '1', RETENTION_DAYS_MESSAGE_STATUS: '0', RETENTION_BATCH_SIZE: '3' };
