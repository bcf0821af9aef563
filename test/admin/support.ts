import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { startRole } from '../../src/app/bootstrap.js';
import { Database } from '../../src/database/database.js';
import { MessageRepository } from '../../src/messages/message-repository.js';
import { BullJobQueue } from '../../src/queue/bull-job-queue.js';
import { JobQueue } from '../../src/queue/job-queue.js';
import { BlobStore } from '../../src/storage/blob-store.js';
import { createPostgresTestDatabase, type TestDatabase } from '../support/databases.js';
import { devPkiEnv } from '../support/dev-pki.js';

export interface AdminApi {
  base: string;
  app: INestApplication;
  db: TestDatabase;
  dataDir: string;
  keys: { admin: string; operator: string; viewer: string };
  messages: MessageRepository;
  blobs: BlobStore;
  queue: JobQueue;
  database: Database;
  stop(): Promise<void>;
}

const configuredKey = () => randomBytes(30).toString('base64url');

/**
 * The API role started in this process exactly as `main.js` starts it (real PostgreSQL schema of its
 * own, real Redis under a unique prefix, development PKI), with one configured key per role.
 */
export async function startAdminApi(extraEnv: Record<string, string> = {}): Promise<AdminApi> {
  const db = await createPostgresTestDatabase();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ap-admin-'));
  const keys = { admin: configuredKey(), operator: configuredKey(), viewer: configuredKey() };
  Object.assign(process.env, await devPkiEnv(), {
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    QUEUE_PREFIX: `t-admin-${randomBytes(4).toString('hex')}`,
    PKI_REVOCATION_POLICY: 'off',
    ADMIN_API_KEYS: Object.entries(keys).map(([role, key]) => `${role}:${key}`).join(','),
    ...extraEnv,
  });
  const started = await startRole('api');
  const app = started.app as INestApplication;
  return {
    base: `http://127.0.0.1:${started.port}`,
    app,
    db,
    dataDir,
    keys,
    messages: app.get(MessageRepository),
    blobs: app.get(BlobStore),
    queue: app.get(JobQueue),
    database: app.get(Database),
    stop: async () => {
      // This run's queues live under their own prefix: leave nothing behind in the shared Redis.
      await Promise.all(app.get(BullJobQueue).allQueues().map((q) => q.obliterate({ force: true }).catch(() => undefined)));
      await app.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** fetch with an API key (or none). */
export function call(api: AdminApi, pathname: string, init: RequestInit & { key?: string } = {}): Promise<Response> {
  const { key, headers, ...rest } = init;
  return fetch(`${api.base}${pathname}`, {
    ...rest,
    headers: { ...(key ? { 'X-API-Key': key } : {}), ...(rest.body ? { 'Content-Type': 'application/json' } : {}), ...(headers as Record<string, string>) },
  });
}
