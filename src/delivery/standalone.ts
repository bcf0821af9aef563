import { Clock } from '../common/clock.js';
import { databaseConfig } from '../database/database.config.js';
import type { Database } from '../database/database.js';
import { openDatabase } from '../database/database.module.js';
import { MessageRepository } from '../messages/message-repository.js';
import { ParticipantRepository } from '../participants/participant-repository.js';
import { BullJobQueue } from '../queue/bull-job-queue.js';
import { redisConfig } from '../redis/redis.config.js';
import { RedisConnections } from '../redis/redis-connections.js';
import { BlobStore } from '../storage/blob-store.js';
import { storageConfig } from '../storage/storage.config.js';
import { deliveryConfig } from './delivery.config.js';
import { DeliveryService } from './delivery.service.js';
import { DeliveryRepository } from './deliveries/delivery-repository.js';
import { RouteRepository } from './routes/route-repository.js';
import { RouteService } from './routes/route.service.js';
import { webhookConfig } from './webhook/webhook.config.js';

export interface DeliveryServices {
  db: Database;
  routes: RouteService;
  deliveries: DeliveryRepository;
  service: DeliveryService;
  participants: ParticipantRepository;
  messages: MessageRepository;
  blobs: BlobStore;
  close(): Promise<void>;
}

/**
 * The delivery services outside a Nest application (operator commands, the demo): database, blob
 * store and queue opened from the same configuration the processes use. Jobs it queues are run by
 * the worker process.
 */
export async function openDeliveryServices(env: NodeJS.ProcessEnv = process.env): Promise<DeliveryServices> {
  const clock = new Clock();
  const storage = storageConfig.load(env);
  const webhook = webhookConfig.load(env);
  const config = deliveryConfig.load(env);
  const redis = new RedisConnections(redisConfig.load(env));
  const db = await openDatabase(databaseConfig.load(env));
  const blobs = new BlobStore(storage.dataDir, storage.minFreeBytes, storage.writerThreads);
  await blobs.init();
  const queue = new BullJobQueue(redis);
  const messages = new MessageRepository(db, clock);
  const participants = new ParticipantRepository(db);
  const routes = new RouteService(db, new RouteRepository(db), participants, clock, webhook, config);
  const deliveries = new DeliveryRepository(db);
  const service = new DeliveryService(db, deliveries, routes, messages, blobs, queue, clock, webhook, config);
  return {
    db,
    routes,
    deliveries,
    service,
    participants,
    messages,
    blobs,
    close: async () => {
      await queue.onApplicationShutdown();
      await redis.onApplicationShutdown();
      await db.close();
      await blobs.close();
    },
  };
}
