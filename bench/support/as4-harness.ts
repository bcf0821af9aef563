import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { ensureDevPki } from '../../src/pki/dev-pki-files.js';
import type { DevPki } from '../../src/pki/dev-pki.js';
import { BUILT_SERVER } from './paths.js';
import { removeQueueKeys } from '../../test/support/redis-keys.js';

/**
 * The built entry points: the API role, `npm start`'s API and worker in one process, and the floor
 * receiver (the least work a receiver must do, compiled beside this file) to hold the API against.
 */
const ENTRIES = {
  api: path.join(BUILT_SERVER, 'main.js'),
  all: path.join(BUILT_SERVER, 'start-all.js'),
  floor: fileURLToPath(new URL('./floor-receiver.js', import.meta.url)),
} as const;

/** PostgreSQL the benchmark uses when it answers (a fresh schema per run); else the embedded engine. */
const BENCH_DATABASE_URL = process.env.AS4_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function freshPostgresSchema(): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  const client = new pg.Client({ connectionString: BENCH_DATABASE_URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
  } catch {
    return undefined;
  }
  const schema = `bench_as4_${randomBytes(6).toString('hex')}`;
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.end();
  const url = `${BENCH_DATABASE_URL}${BENCH_DATABASE_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    url,
    async drop() {
      const c = new pg.Client({ connectionString: BENCH_DATABASE_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

export interface RunningApi {
  /** Database engine the API runs on: `postgres` or `embedded`. */
  readonly db: string;
  readonly port: number;
  /** The process started (with several API processes: their supervisor; cpuMs counts its whole tree). */
  readonly pid: number;
  /** HTTP processes serving the port. */
  readonly apiProcesses: number;
  readonly pki: DevPki;
  /** Where its development PKI lives (to share with another access point). */
  readonly pkiDir: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function isReady(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/health/ready`)).status === 200;
  } catch {
    return false;
  }
}

/**
 * Starts the real API on loopback, as the development AP serving `served`, on a fresh data dir and
 * queue prefix: `main.js` on PostgreSQL when it answers (API_PROCESSES from BENCH_API_PROCESSES,
 * else the product's default: one per core), or with `entry: 'all'` exactly what `npm start` runs
 * (API and worker in one process, embedded database unless `embedded: false`). `pkiDir` shares a
 * development PKI between access points (each trusting the other).
 */
export async function startApi(
  served: string[],
  extraEnv: Record<string, string> = {},
  // BENCH_API_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) profiles the API under load.
  nodeArgs: string[] = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean),
  opts: { entry?: keyof typeof ENTRIES; pkiDir?: string; embedded?: boolean } = {},
): Promise<RunningApi> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'bench-as4-'));
  const pkiDir = opts.pkiDir ?? path.join(dataDir, 'pki');
  const pki = await ensureDevPki(pkiDir);
  const port = await freePort();
  const entry = opts.entry ?? 'api';
  const postgres = (opts.embedded ?? entry === 'all') ? undefined : await freshPostgresSchema();
  const apiProcesses = entry === 'all' || !postgres ? 1 : Number(extraEnv.API_PROCESSES ?? process.env.BENCH_API_PROCESSES ?? availableParallelism());
  // A prefix the case gives (two access points side by side) is the one cleaned up afterwards too.
  const queuePrefix = extraEnv.QUEUE_PREFIX ?? `bench-as4-${randomBytes(4).toString('hex')}`;
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, ENTRIES[entry]], {
    env: {
      ...process.env,
      PEPPOL_STAGE: 'dev',
      PKI_DEV_DIR: pkiDir,
      PKI_OCSP_ENABLED: 'false',
      PKI_CRL_ENABLED: 'false',
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SERVED_PARTICIPANTS: served.join(','),
      QUEUE_PREFIX: queuePrefix,
      API_PROCESSES: String(apiProcesses),
      ...(postgres ? { DATABASE_URL: postgres.url } : { DATABASE_URL: '' }),
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + 120_000;
  // Logs stay at warn (no per-message lines), so readiness is polled rather than read from the log.
  while (!(await isReady(port))) {
    if (child.exitCode !== null) throw new Error(`API exited before it was ready: ${out.slice(-2000)}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`API not ready after 120 s: ${out.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    db: postgres ? 'postgres' : 'embedded',
    port,
    pid: child.pid!,
    apiProcesses,
    pki,
    pkiDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dataDir, { recursive: true, force: true });
      await postgres?.drop();
      await removeQueueKeys(queuePrefix);
    },
  };
}


export interface PostResult {
  readonly status: number;
  readonly body: Buffer;
  readonly ms: number;
}

export function postAs4(port: number, contentType: string, body: Buffer, agent?: Agent): Promise<PostResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: 'POST', path: '/as4', agent, headers: { 'Content-Type': contentType, 'Content-Length': body.length } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), ms: performance.now() - started }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Peak resident set size (VmHWM) of a process, in MB. */
export async function peakRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** One /proc stat line: the command name and the fields after it (ppid is [1], utime and stime [11] and [12], in ticks). */
function readStat(stat: string): { name: string; fields: string[] } {
  return { name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), fields: stat.slice(stat.lastIndexOf(')') + 2).split(' ') };
}

/** A process and its living descendants, with each one's stat fields. */
async function processTree(pid: number): Promise<Map<number, string[]>> {
  const stats = new Map<number, string[]>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => null);
    if (stat) stats.set(Number(entry), readStat(stat).fields);
  }
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [p, fields] of stats) if (!tree.has(p) && tree.has(Number(fields[1]))) (tree.add(p), (grew = true));
  }
  return new Map([...tree].filter((p) => stats.has(p)).map((p) => [p, stats.get(p)!]));
}

/** User and system time of stat fields, in ms (Linux clock ticks, 10 ms resolution). */
const userMs = (fields: string[]) => Number(fields[11]) * 10;
const systemMs = (fields: string[]) => Number(fields[12]) * 10;

/**
 * CPU time (user + system) a process and its living descendants (e.g. the API's HTTP processes)
 * have used so far, in ms (Linux clock ticks, 10 ms resolution).
 */
export async function cpuMs(pid: number): Promise<number> {
  let total = 0;
  for (const fields of (await processTree(pid)).values()) total += userMs(fields) + systemMs(fields);
  return total;
}

/**
 * CPU time per thread name (`main` for each process's main thread; user and system, ms) of a process
 * tree, summed over its processes: where the API's CPU goes besides the main thread (libuv's pool,
 * V8's GC helpers, the durable writers). BENCH_THREAD_IDS=1 names each thread by process and thread
 * id instead, to tell the threads apart.
 */
export async function cpuByThread(pid: number): Promise<Map<string, { user: number; system: number }>> {
  const byName = new Map<string, { user: number; system: number }>();
  for (const p of (await processTree(pid)).keys()) {
    for (const task of await readdir(`/proc/${p}/task`).catch(() => [] as string[])) {
      const stat = await readFile(`/proc/${p}/task/${task}/stat`, 'utf8').catch(() => null);
      if (!stat) continue;
      const { name: command, fields } = readStat(stat);
      const name = process.env.BENCH_THREAD_IDS ? `${p}/${task}/${command}` : task === String(p) ? 'main' : command.replace(/\d+$/, '#');
      const sum = byName.get(name) ?? { user: 0, system: 0 };
      sum.user += userMs(fields);
      sum.system += systemMs(fields);
      byName.set(name, sum);
    }
  }
  return byName;
}

/** The difference of two `cpuByThread` readings per message, as one line for stderr. */
export function threadCpuLine(before: Map<string, { user: number; system: number }>, after: Map<string, { user: number; system: number }>, messages: number): string {
  return [...after]
    .map(([name, a]) => ({ name, user: a.user - (before.get(name)?.user ?? 0), system: a.system - (before.get(name)?.system ?? 0) }))
    .filter((t) => t.user + t.system > 0)
    .sort((x, y) => y.user + y.system - (x.user + x.system))
    .map((t) => `${t.name}=${(t.user / messages).toFixed(2)}u+${(t.system / messages).toFixed(2)}s`)
    .join(' ');
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const RSA_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { constants, createPrivateKey, createPublicKey, privateDecrypt, publicEncrypt, sign } = require('node:crypto');
const key = createPrivateKey(workerData.keyPem);
const wrapped = publicEncrypt({ key: createPublicKey(key), padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, Buffer.alloc(16, 1));
const data = Buffer.alloc(600, 2);
const end = Date.now() + workerData.ms;
let n = 0;
while (Date.now() < end) {
  privateDecrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, wrapped);
  sign('sha256', data, key);
  n++;
}
parentPort.postMessage(n);
`;

/**
 * The machine's RSA-bound ceiling for inbound AS4: messages per second if each costs exactly the
 * two RSA-2048 private-key operations a receiver must do (key unwrap + receipt signature), on all cores.
 */
export async function rsaBoundMessagesPerSecond(durationMs = 3000): Promise<{ perSecond: number; cores: number }> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const cores = availableParallelism();
  const counts = await Promise.all(
    Array.from({ length: cores }, () => new Promise<number>((resolve, reject) => {
      const worker = new Worker(RSA_WORKER, { eval: true, workerData: { keyPem, ms: durationMs } });
      worker.once('message', resolve);
      worker.once('error', reject);
    })),
  );
  return { perSecond: counts.reduce((a, b) => a + b, 0) / (durationMs / 1000), cores };
}
