import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Redis, type RedisOptions } from 'ioredis';
import type { ConfigOf } from '../config/define-config.js';
import { redisConfig } from './redis.config.js';

/**
 * Connection options through Redis Sentinel: the sentinels name the current primary; after a
 * failover (the primary killed, a replica promoted) every connection reconnects to the new one.
 * Credentials, database number and TLS come from REDIS_URL.
 */
export function sentinelOptions(cfg: ConfigOf<typeof redisConfig>, options: RedisOptions): RedisOptions {
  const url = new URL(cfg.url);
  const db = Number(url.pathname.replace(/^\//, '') || 0);
  return {
    ...options,
    sentinels: cfg.sentinels,
    name: cfg.sentinelName,
    sentinelPassword: cfg.sentinelPassword,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: Number.isInteger(db) ? db : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    // Connections to a node that is no longer the primary are dropped and made again through the sentinels.
    role: 'master',
    // ioredis' failover detector (a +switch-master subscription) is left off: when the announcement
    // arrives while a connection is being made again after the primary died, it aborts that attempt
    // and the client ends for good, never to reconnect (seen in the Sentinel fault test: most clients
    // of a process ended after one failover). A dead primary closes its connections, a demoted one
    // refuses writes (READONLY below), a silent one is found by TCP keepalive and command timeouts.
    failoverDetector: false,
    keepAlive: 10_000,
    // A sentinel that accepts the connection but never answers must not stall the reconnection.
    sentinelCommandTimeout: 2_000,
    // A write that reaches a node demoted to replica: reconnect (to the primary) and send it again.
    reconnectOnError: (error) => (error.message.startsWith('READONLY') ? 2 : false),
    sentinelRetryStrategy: (times) => Math.min(200 * times, 2_000),
  };
}

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
    const common: RedisOptions = { ...options, retryStrategy: (times) => Math.min(200 * times, 2_000), lazyConnect: false };
    const client = this.cfg.sentinels.length > 0 ? new Redis(sentinelOptions(this.cfg, common)) : new Redis(this.cfg.url, common);
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
