import { z } from 'zod';
import { defineConfig } from '../config/define-config.js';
import { env } from '../config/env.js';

export const httpConfig = defineConfig(
  'http',
  {
    PORT: env.int(8080, 0, 65535),
    HOST: env.string('0.0.0.0'),
    HTTP_JSON_LIMIT_KB: env.int(256, 1, 10_240),
    HTTP_SHUTDOWN_GRACE_MS: env.int(15_000, 0),
    /**
     * HTTP processes of the API role on one port (Node cluster), each with its own database and Redis
     * pools; 0 = one per CPU core. The embedded database (no DATABASE_URL) allows one.
     */
    API_PROCESSES: env.int(0, 0, 256),
    /** The worker role's own small HTTP listener: /health, /health/ready and /metrics (0: any free port). */
    WORKER_HTTP_PORT: env.int(8081, 0, 65535),
    /**
     * When set, the admin API, Swagger UI, console, Bull Board and metrics are served on this port
     * only, and PORT serves AS4 and health only (publish PORT, keep ADMIN_PORT private; 0: any free port).
     */
    ADMIN_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  },
  (v) => ({
    port: v.PORT,
    host: v.HOST,
    jsonLimitBytes: v.HTTP_JSON_LIMIT_KB * 1024,
    shutdownGraceMs: v.HTTP_SHUTDOWN_GRACE_MS,
    apiProcesses: v.API_PROCESSES,
    workerPort: v.WORKER_HTTP_PORT,
    adminPort: v.ADMIN_PORT,
  }),
);
