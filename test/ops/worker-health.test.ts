import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRANSACTIONS } from '../../src/peppol/transactions.js';
import { createPostgresTestDatabase, type TestDatabase } from '../support/databases.js';
import { devPkiEnv } from '../support/dev-pki.js';
import { type RunningProcess, startProcess } from '../support/processes.js';

/** The worker role answers health, readiness and metrics on a listener of its own. */
describe('worker health listener', () => {
  let database: TestDatabase;
  let dir: string;
  const workers: RunningProcess[] = [];

  beforeAll(async () => {
    database = await createPostgresTestDatabase();
    dir = mkdtempSync(path.join(tmpdir(), 'ap-worker-health-'));
  });
  afterAll(async () => {
    for (const worker of workers) await worker.stop();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const start = async (extra: Record<string, string>) => {
    const worker = await startProcess(
      'worker.js',
      { ...(await devPkiEnv()), DATA_DIR: dir, DATABASE_URL: database.url, QUEUE_PREFIX: `whealth-${process.pid}`, HOST: '127.0.0.1', WORKER_HTTP_PORT: '0', VALIDATION_TRANSACTIONS: TRANSACTIONS.order.id, VALIDATION_POOL_SIZE: '1', ...extra },
      { ready: /worker health and metrics listening on port (\d+)/, timeoutMs: 150_000 },
    );
    workers.push(worker);
    return worker;
  };

  const readiness = async (port: number, until: (body: Record<string, unknown>) => boolean) => {
    let last: { status: number; body: Record<string, unknown> } = { status: 0, body: {} };
    for (let i = 0; i < 600; i++) {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
      last = { status: response.status, body: (await response.json()) as Record<string, unknown> };
      if (until(last.body)) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return last;
  };

  it('answers liveness, readiness with the validation rules, and metrics', async () => {
    const worker = await start({});
    const base = `http://127.0.0.1:${worker.port}`;
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const ready = await readiness(worker.port!, (body) => (body.info as Record<string, { state?: string }> | undefined)?.['validation-rules']?.state === 'ready');
    expect(ready.status).toBe(200);
    expect(Object.keys(ready.body.info as object)).toEqual(expect.arrayContaining(['database', 'redis', 'storage', 'validation-rules']));
    const metrics = await fetch(`${base}/metrics`);
    expect(metrics.status).toBe(200);
    const text = await metrics.text();
    expect(text).toMatch(/^peppol_ap_build_info\{version="[^"]+",node="[^"]+"\} 1$/m);
    expect(text).toMatch(/^peppol_ap_queue_oldest_waiting_seconds\{queue="inbound"\} \d/m);
    // Only health and metrics: no AS4 endpoint and no admin API on the worker.
    expect((await fetch(`${base}/as4`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${base}/admin/messages`)).status).toBe(404);
  }, 180_000);

  it('is not ready when it cannot load its validation rules', async () => {
    const worker = await start({ VALIDATION_CACHE_DIR: '/dev/null/rules-cache', QUEUE_PREFIX: `whealth-bad-${process.pid}` });
    const ready = await readiness(worker.port!, (body) => (body.error as Record<string, unknown> | undefined)?.['validation-rules'] !== undefined);
    expect(ready.status).toBe(503);
  });
});
