import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureDevPki } from '../../src/pki/dev-pki-files.js';
import type { DevPki } from '../../src/pki/dev-pki.js';
import { createPostgresTestDatabase, type TestDatabase } from './databases.js';
import { startProcess, type RunningProcess } from './processes.js';

/** A second development PKI (own root, AP and SMP CAs), for a second access point that trusts the first one's CA and vice versa. */
export async function secondDevPki(): Promise<{ dir: string; pki: DevPki }> {
  const dir = path.join(tmpdir(), `peppol-ap-test-pki-b-${process.getuid?.() ?? 0}`);
  mkdirSync(dir, { recursive: true });
  return { dir, pki: await ensureDevPki(dir) };
}

/** One access point as separate API and worker processes (built code) with its own schema, queue prefix and DATA_DIR. */
export interface AccessPointProcess {
  name: string;
  db: TestDatabase;
  dir: string;
  base: string;
  adminKey: string;
  /** An admin API call with the admin key; JSON in and out. */
  admin(method: string, pathname: string, body?: unknown): Promise<Response>;
  /** Creates a backend key for these participants through the admin API. */
  backendKey(participants: string[]): Promise<string>;
  output(): string;
  stop(): Promise<void>;
}

export async function startAccessPointProcesses(name: string, env: Record<string, string>): Promise<AccessPointProcess> {
  const db = await createPostgresTestDatabase();
  const dir = mkdtempSync(path.join(tmpdir(), `ap-${name}-`));
  const adminKey = randomBytes(30).toString('base64url');
  const common = {
    ...env,
    DATABASE_URL: db.url,
    DATA_DIR: dir,
    QUEUE_PREFIX: `${name}-${randomBytes(4).toString('hex')}`,
    ADMIN_API_KEYS: `admin:${adminKey}`,
    VALIDATION_RULES_DIR: path.join(dir, 'rules'),
  };
  const processes: RunningProcess[] = [];
  const stop = async () => {
    for (const p of processes) await p.stop().catch(() => undefined);
    await db.drop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    processes.push(await startProcess('main.js', { ...common, PORT: '0' }, { timeoutMs: 120_000 }));
    processes.push(await startProcess('worker.js', common, { timeoutMs: 120_000 }));
  } catch (error) {
    await stop();
    throw error;
  }
  const base = `http://127.0.0.1:${processes[0]!.port}`;
  const admin = (method: string, pathname: string, body?: unknown) =>
    fetch(`${base}${pathname}`, {
      method,
      headers: { 'X-API-Key': adminKey, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    name,
    db,
    dir,
    base,
    adminKey,
    admin,
    async backendKey(participants) {
      const res = await admin('POST', '/admin/keys', { role: 'backend', participants, label: `${name} back end` });
      if (res.status !== 201) throw new Error(`key not created: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { key: string }).key;
    },
    output: () => processes.map((p) => p.output()).join('\n'),
    stop,
  };
}
