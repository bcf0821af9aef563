import { randomBytes } from 'node:crypto';
import { Clock } from '../../src/common/clock.js';
import type { Database } from '../../src/database/database.js';
import { deliveryConfig } from '../../src/delivery/delivery.config.js';
import { DeliveryService } from '../../src/delivery/delivery.service.js';
import { DeliveryRepository } from '../../src/delivery/deliveries/delivery-repository.js';
import { AlertMetrics } from '../../src/delivery/alerts/alert-metrics.js';
import { AlertRepository } from '../../src/delivery/alerts/alert-repository.js';
import { OperatorAlerts } from '../../src/delivery/alerts/operator-alerts.js';
import { MetricsService } from '../../src/metrics/metrics.service.js';
import { RouteRepository } from '../../src/delivery/routes/route-repository.js';
import { RouteService } from '../../src/delivery/routes/route.service.js';
import { webhookConfig } from '../../src/delivery/webhook/webhook.config.js';
import { MessageRepository } from '../../src/messages/message-repository.js';
import { transactionRegistry, TRANSACTIONS } from '../../src/peppol/index.js';
import { ParticipantRepository } from '../../src/participants/participant-repository.js';
import { parseBuyerConfig } from '../../src/punchout/buyer-config.js';
import { convertCartDocument } from '../../src/punchout/convert-cart.js';
import { buildCartXml, sampleCart } from '../../src/demo/sample-cart.js';
import { BullJobQueue } from '../../src/queue/bull-job-queue.js';
import { RedisConnections } from '../../src/redis/redis-connections.js';
import { redisConfig } from '../../src/redis/redis.config.js';
import type { BlobStore } from '../../src/storage/blob-store.js';
import { FilesystemBlobStore } from '../../src/storage/filesystem-blob-store.js';
import { Installation } from '../../src/database/installation.js';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const ORDER_DOCUMENT = transactionRegistry.acceptedDocuments([TRANSACTIONS.order])[0]!;

/** A queue prefix no other test shares. */
export function uniquePrefix(name: string): string {
  return `t-${name}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

/** The services of the delivery stage over real PostgreSQL, Redis and blob store, as the API process builds them. */
export function deliveryServices(db: Database, dataDir: string, prefix: string, clock: Clock = new Clock()) {
  const redis = new RedisConnections(redisConfig.load({ REDIS_URL, QUEUE_PREFIX: prefix }));
  const queue = new BullJobQueue(redis, new Installation(db));
  const blobs = new FilesystemBlobStore(dataDir);
  const messages = new MessageRepository(db, clock);
  const participants = new ParticipantRepository(db);
  const webhook = webhookConfig.load({ WEBHOOK_ALLOW_HTTP: 'true' });
  const config = deliveryConfig.load({});
  const routes = new RouteService(db, new RouteRepository(db), participants, clock, webhook, config);
  const deliveries = new DeliveryRepository(db);
  const service = new DeliveryService(db, deliveries, routes, messages, blobs, queue, clock, webhook, config);
  const metrics = new MetricsService();
  const alerts = new OperatorAlerts(service, new AlertRepository(db), new AlertMetrics(metrics), messages, clock);
  return {
    clock,
    queue,
    blobs,
    messages,
    participants,
    routes,
    deliveries,
    service,
    metrics,
    alerts,
    webhook,
    config,
    close: async () => {
      await queue.onApplicationShutdown();
      await redis.onApplicationShutdown();
    },
  };
}

const buyerConfig = parseBuyerConfig({
  sellerFallback: { countryCode: 'NO' },
  delivery: { address: { streetName: 'Storgata 1', cityName: 'Oslo', postalZone: '0155', countryCode: 'NO' } },
});

/** An order message as the punch-out flow leaves it: kind `order`, state `created`, its T01 stored under role `order`. */
export async function createOrderMessage(
  services: { blobs: BlobStore; messages: MessageRepository },
  opts: { orderId: string; supplier: string; buyer: string },
): Promise<string> {
  const [scheme, value] = opts.supplier.split(':') as [string, string];
  const cart = sampleCart(3, {
    id: `CART-${opts.orderId}`,
    provider: { endpoint: { schemeId: scheme, value }, name: 'ABC Supplier Ltd.' },
  });
  const { xml } = convertCartDocument(buildCartXml(cart), buyerConfig, { orderId: opts.orderId, issueDate: '2026-01-11', issueTime: '10:00:00' });
  const blob = await services.blobs.put(xml);
  const message = await services.messages.create(
    {
      direction: 'outbound',
      kind: 'order',
      state: 'created',
      senderId: opts.buyer,
      receiverId: opts.supplier,
      documentTypeId: ORDER_DOCUMENT.documentTypeId,
      processId: ORDER_DOCUMENT.processId,
    },
    { actor: 'test', documents: [{ role: 'order', sha256: blob.sha256, mediaType: 'application/xml', size: blob.size }] },
  );
  return message.id;
}

/** Polls until `check` returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
