import { defineConfig } from '../config/define-config.js';
import { env } from '../config/env.js';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

export const redisConfig = defineConfig(
  'redis',
  {
    REDIS_URL: env.url(['redis', 'rediss'], DEFAULT_REDIS_URL),
    QUEUE_PREFIX: env.string('peppol-ap'),
    /** A command issued while handling a request fails after this long, so a hung Redis gets the sender a retryable error. */
    REDIS_COMMAND_TIMEOUT_MS: env.int(5_000, 100, 600_000),
  },
  (v) => ({ url: v.REDIS_URL as string, prefix: v.QUEUE_PREFIX, commandTimeoutMs: v.REDIS_COMMAND_TIMEOUT_MS }),
);
