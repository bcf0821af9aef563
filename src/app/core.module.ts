import { type DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { Clock } from '../common/clock.js';
import { DatabaseModule } from '../database/database.module.js';
import { LoggingModule } from '../logging/logging.module.js';
import { MessagesModule } from '../messages/messages.module.js';
import { MetricsModule } from '../metrics/metrics.module.js';
import { PeppolModule } from '../peppol/peppol.module.js';
import { QueueModule } from '../queue/queue.module.js';
import { RedisModule } from '../redis/redis.module.js';
import { StorageModule } from '../storage/storage.module.js';

/** Infrastructure both process roles share: database, blob store, Redis, queues, metrics, logging, the Peppol facts. */
@Module({})
export class CoreModule {
  static forRoot(logger: Logger): DynamicModule {
    return {
      module: CoreModule,
      global: true,
      imports: [LoggingModule.forRoot(logger), DatabaseModule, StorageModule, RedisModule, QueueModule, MetricsModule, MessagesModule, PeppolModule],
      providers: [Clock],
      exports: [Clock],
    };
  }
}
