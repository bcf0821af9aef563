import { ConfigError, defineConfig } from '../config/define-config.js';
import { env } from '../config/env.js';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

export interface SentinelAddress {
  host: string;
  port: number;
}

/** `host:port` (IPv6 in brackets: `[::1]:26379`); the port defaults to Sentinel's 26379. */
export function parseSentinel(entry: string): SentinelAddress {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]\s]+))(?::(\d{1,5}))?$/.exec(entry.trim());
  const port = m?.[3] === undefined ? 26_379 : Number(m[3]);
  if (!m || port < 1 || port > 65_535) throw new ConfigError(`Invalid configuration: REDIS_SENTINELS (${JSON.stringify(entry)}): expected host:port`);
  return { host: (m[1] ?? m[2])!, port };
}

export const redisConfig = defineConfig(
  'redis',
  {
    /** The Redis server; with REDIS_SENTINELS only its credentials, database number and TLS (rediss:) are used. */
    REDIS_URL: env.url(['redis', 'rediss'], DEFAULT_REDIS_URL),
    /** Redis Sentinel: comma-separated host:port of the sentinels; the current primary is asked from them (and again after a failover). */
    REDIS_SENTINELS: env.list(),
    /** The primary's name as the sentinels know it (`sentinel monitor NAME …`). */
    REDIS_SENTINEL_NAME: env.string('mymaster'),
    /** Password of the sentinels themselves, when they require one. */
    REDIS_SENTINEL_PASSWORD: env.optionalString(),
    /** Prefix of every queue key. For Redis Cluster use a hash tag, e.g. `{peppol-ap}`, so each queue's keys share one slot. */
    QUEUE_PREFIX: env.string('peppol-ap'),
    /** A command issued while handling a request fails after this long, so a hung Redis gets the sender a retryable error. */
    REDIS_COMMAND_TIMEOUT_MS: env.int(5_000, 100, 600_000),
  },
  (v) => ({
    url: v.REDIS_URL as string,
    sentinels: v.REDIS_SENTINELS.map(parseSentinel),
    sentinelName: v.REDIS_SENTINEL_NAME,
    sentinelPassword: v.REDIS_SENTINEL_PASSWORD,
    prefix: v.QUEUE_PREFIX,
    commandTimeoutMs: v.REDIS_COMMAND_TIMEOUT_MS,
  }),
);
