import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresTestDatabase } from '../support/databases.js';
import { devPkiEnv } from '../support/dev-pki.js';
import { runToExit, startProcess } from '../support/processes.js';

const dirs: string[] = [];
function dataDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'ap-spine-'));
  dirs.push(d);
  return d;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('access point processes', () => {
  it('starts on embedded defaults, is ready, exposes metrics, and drains on SIGTERM', async () => {
    const ap = await startProcess('start-all.js', { DATA_DIR: dataDir(), PORT: '0' }, { timeoutMs: 150_000 });
    try {
      const ready = await fetch(`http://127.0.0.1:${ap.port}/health/ready`);
      const body = (await ready.json()) as { status: string; details: Record<string, { status: string }> };
      expect(ready.status).toBe(200);
      expect(Object.values(body.details).every((d) => d.status === 'up')).toBe(true);
      expect(body.details).toHaveProperty('database');
      expect(body.details).toHaveProperty('redis');
      const metrics = await (await fetch(`http://127.0.0.1:${ap.port}/metrics`)).text();
      expect(metrics).toContain('peppol_ap_queue_jobs{queue="inbound"');
      expect(metrics).toContain('peppol_ap_http_request_duration_seconds');
    } finally {
      expect(await ap.stop('SIGTERM')).toBe(0);
    }
    // A first start on embedded defaults makes a dev PKI and a database on disk: slow on a busy machine.
  }, 180_000);

  it('runs the API and the worker as separate processes over one PostgreSQL', async () => {
    const db = await createPostgresTestDatabase();
    const env = { ...(await devPkiEnv()), DATA_DIR: dataDir(), DATABASE_URL: db.url, PORT: '0' };
    const api = await startProcess('main.js', env);
    const worker = await startProcess('worker.js', env);
    try {
      const ready = await fetch(`http://127.0.0.1:${api.port}/health/ready`);
      expect(ready.status).toBe(200);
      expect(((await ready.json()) as { details: { database: { engine: string } } }).details.database.engine).toBe('postgres');
    } finally {
      expect(await worker.stop()).toBe(0);
      expect(await api.stop()).toBe(0);
      await db.drop();
    }
  });

  it.each([
    [{ PORT: 'eighty' }, /^peppol-ap: Invalid configuration: PORT \("eighty"\)/],
    [{ REDIS_URL: 'localhost:6379' }, /^peppol-ap: Invalid configuration: REDIS_URL/],
    [{ DATABASE_URL: 'mysql://x' }, /^peppol-ap: Invalid configuration: DATABASE_URL/],
    [{ LOG_LEVEL: 'loud' }, /^peppol-ap: Invalid configuration: LOG_LEVEL/],
    [{ PEPPOL_STAGE: 'test' }, /^peppol-ap: Invalid configuration: AP_CERT and AP_KEY \(or AP_P12\) must be set/],
    [{ PEPPOL_STAGE: 'dev', PKI_DEV_DIR: '/nonexistent-dir' }, /^peppol-ap: .*AP_CERT .*\/nonexistent-dir/],
  ])('stops start-up with one clear line on bad configuration %j', async (env, pattern) => {
    const result = await runToExit('main.js', { DATA_DIR: dataDir(), PEPPOL_STAGE: 'dev', PKI_DEV_DIR: (await devPkiEnv()).PKI_DEV_DIR, ...env });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('refuses a second process on the same embedded database with a clear line', async () => {
    const dir = dataDir();
    const pki = await devPkiEnv();
    const first = await startProcess('worker.js', { ...pki, DATA_DIR: dir }, { timeoutMs: 150_000 });
    try {
      const second = await runToExit('worker.js', { ...pki, DATA_DIR: dir });
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(/embedded database .* is in use by process \d+; .*DATABASE_URL/);
    } finally {
      await first.stop();
    }
  }, 180_000);
});
