import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresTestDatabase, type TestDatabase } from '../support/databases.js';
import { devPkiEnv } from '../support/dev-pki.js';
import { type RunningProcess, startProcess } from '../support/processes.js';

/** ADMIN_PORT: AS4 and health on the public port, admin API, docs, console and metrics on the private one. */
describe('ADMIN_PORT', () => {
  let database: TestDatabase;
  let dir: string;
  let api: RunningProcess | undefined;
  beforeAll(async () => {
    database = await createPostgresTestDatabase();
    dir = mkdtempSync(path.join(tmpdir(), 'ap-admin-port-'));
  });
  afterAll(async () => {
    await api?.stop();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves each side on its own port only', async () => {
    api = await startProcess(
      'main.js',
      { ...(await devPkiEnv()), DATA_DIR: dir, DATABASE_URL: database.url, QUEUE_PREFIX: `adminport-${process.pid}`, PORT: '0', HOST: '127.0.0.1', ADMIN_PORT: '0' },
      { ready: /API listening on port (\d+)/, timeoutMs: 150_000 },
    );
    let adminPort: number | undefined;
    for (let i = 0; i < 100 && adminPort === undefined; i++) {
      adminPort = Number(/admin API, Swagger UI, console and metrics listening on port (\d+)/.exec(api.output())?.[1]) || undefined;
      if (adminPort === undefined) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(adminPort, api.output()).toBeDefined();
    const pub = `http://127.0.0.1:${api.port}`;
    const priv = `http://127.0.0.1:${adminPort}`;
    for (const p of ['/docs/openapi.json', '/metrics', '/admin/messages', '/console/']) {
      const refused = await fetch(`${pub}${p}`);
      expect(refused.status, p).toBe(404);
      expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
    }
    expect((await fetch(`${priv}/docs/openapi.json`)).status).toBe(200);
    expect((await fetch(`${priv}/metrics`)).status).toBe(200);
    expect((await fetch(`${priv}/admin/messages`)).status).toBe(401);
    expect((await fetch(`${priv}/as4`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${pub}/health`)).status).toBe(200);
    expect((await fetch(`${priv}/health`)).status).toBe(200);
    // AS4 answers on the public port (an empty POST is a protocol error, not a 404).
    expect((await fetch(`${pub}/as4`, { method: 'POST' })).status).not.toBe(404);
    expect(api.output()).toContain(`Swagger UI        http://127.0.0.1:${adminPort}/docs`);
    // GET / and unknown routes answer problem+json too.
    for (const url of [`${pub}/`, `${priv}/`, `${priv}/no-such-thing`]) {
      const response = await fetch(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-type'), url).toMatch(/application\/problem\+json/);
      expect(((await response.json()) as { status?: number }).status).toBe(404);
    }
  }, 200_000);
});
