import type { Provider } from '@nestjs/common';
import { Database } from '../../src/database/database.js';
import { Installation } from '../../src/database/installation.js';
import { MetricsService } from '../../src/metrics/metrics.service.js';
import { BullJobQueue } from '../../src/queue/bull-job-queue.js';
import { JobQueue } from '../../src/queue/job-queue.js';
import { WorkerHost } from '../../src/queue/worker-host.js';
import { RedisConnections } from '../../src/redis/redis-connections.js';
import { redisConfig } from '../../src/redis/redis.config.js';

/**
 * The queue side of a worker process for a test's own Nest module (with DiscoveryModule imported):
 * its installation in `db`, its own Redis connections under `prefix` on the real Redis, the producer
 * and the worker host that runs the module's @HandlesQueue handlers.
 */
export function queueWorkerProviders(prefix: string, db: Database): Provider[] {
  return [
    { provide: Database, useValue: db },
    Installation,
    MetricsService,
    { provide: RedisConnections, useFactory: () => new RedisConnections(redisConfig.load({ QUEUE_PREFIX: prefix })) },
    BullJobQueue,
    { provide: JobQueue, useExisting: BullJobQueue },
    WorkerHost,
  ];
}
