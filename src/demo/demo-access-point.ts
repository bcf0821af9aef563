import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const START_ALL = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'start-all.js');

export interface DemoAccessPoint {
  name: string;
  base: string;
  adminKey: string;
  logFile: string;
  /** A call to its admin API with the admin key, JSON in and out; throws unless it answers `status`. */
  admin(method: string, pathname: string, body: unknown, status: number): Promise<Record<string, unknown>>;
  /** A call to its back-end API with a backend key. */
  backend(key: string, method: string, pathname: string, body?: { contentType: string; text: string }): Promise<Response>;
  stop(): Promise<void>;
}

/**
 * One access point of the demo as its own process (`dist/start-all.js`: API and worker, embedded
 * database and files in `dir`, queues under their own prefix), with an admin key made for the demo.
 * Its log goes to `dir/access-point.log`.
 */
export async function startDemoAccessPoint(name: string, dir: string, settings: Record<string, string>, timeoutMs = 120_000): Promise<DemoAccessPoint> {
  await mkdir(dir, { recursive: true });
  const adminKey = randomBytes(30).toString('base64url');
  const logFile = path.join(dir, 'access-point.log');
  const log = createWriteStream(logFile);
  const child: ChildProcess = spawn(process.execPath, [START_ALL], {
    env: {
      ...process.env,
      DATA_DIR: dir,
      PORT: '0',
      LOG_LEVEL: 'info',
      QUEUE_PREFIX: `peppol-ap-demo-${name}-${randomBytes(3).toString('hex')}`,
      ADMIN_API_KEYS: `admin:${adminKey}`,
      ...settings,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    log.write(chunk);
    if (output.length < 1_000_000) output += chunk.toString('utf8');
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    log.end();
  };
  const deadline = Date.now() + timeoutMs;
  let port: number | undefined;
  while (port === undefined) {
    const found = /listening on port (\d+)/.exec(output);
    if (found) port = Number(found[1]);
    else if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the ${name} access point stopped while starting; see ${logFile}`);
    else if (Date.now() > deadline) {
      await stop();
      throw new Error(`the ${name} access point did not start in ${timeoutMs} ms; see ${logFile}`);
    } else await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const base = `http://127.0.0.1:${port}`;
  return {
    name,
    base,
    adminKey,
    logFile,
    async admin(method, pathname, body, status) {
      const res = await fetch(`${base}${pathname}`, { method, headers: { 'X-API-Key': adminKey, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      if (res.status !== status) throw new Error(`${method} ${pathname} at the ${name} access point: HTTP ${res.status} ${await res.text()}`);
      return (await res.json()) as Record<string, unknown>;
    },
    backend(key, method, pathname, body) {
      return fetch(`${base}${pathname}`, {
        method,
        headers: { Authorization: `Bearer ${key}`, ...(body ? { 'Content-Type': body.contentType } : {}) },
        ...(body ? { body: body.text } : {}),
      });
    },
    stop,
  };
}
