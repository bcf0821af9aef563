import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Redis, type RedisOptions } from 'ioredis';
import type { ConfigOf } from '../config/define-config.js';
import { redisConfig } from './redis.config.js';

/**
 * Owns every Redis connection of the process. Producers fail fast while Redis is away (so an AS4
 * request is answered with a retryable error instead of hanging); blocking consumers wait for it.
 */
@Injectable()
export class RedisConnections implements OnApplicationShutdown {
  private readonly opened: Redis[] = [];

  constructor(@Inject(redisConfig.KEY) private readonly cfg: ConfigOf<typeof redisConfig>) {}

  get prefix(): string {
    return this.cfg.prefix;
  }

  /** For commands issued while handling a request: errors at once when disconnected, and in bounded time when Redis hangs. */
  producer(): Redis {
    return this.open({ enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000, commandTimeout: this.cfg.commandTimeoutMs });
  }

  /** For blocking consumers (queue workers): waits for Redis to come back. */
  consumer(): Redis {
    return this.open({ maxRetriesPerRequest: null, enableOfflineQueue: true });
  }

  private open(options: RedisOptions): Redis {
    const client = new Redis(this.cfg.url, {
      ...options,
      retryStrategy: (times) => Math.min(200 * times, 2_000),
      lazyConnect: false,
    });
    // Connection errors are reported by readiness and by the operations that need Redis.
    client.on('error', () => undefined);
    this.opened.push(client);
    return client;
  }

  /** Readiness probe: waits briefly for the connection instead of failing while it is being made. */
  async ping(): Promise<void> {
    this.probe ??= this.open({ enableOfflineQueue: true, maxRetriesPerRequest: 0, commandTimeout: 2_000, connectTimeout: 2_000 });
    await this.probe.ping();
  }
  private probe?: Redis;

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.opened.map((c) => c.quit().catch(() => c.disconnect())));
    this.opened.length = 0;
  }
}
