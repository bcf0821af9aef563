import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { generateCatalogueXml } from '../../test/support/catalogue-generator.js';
import { Clock } from '../../src/common/clock.js';
import { migrate } from '../../src/database/migrator.js';
import { PostgresDatabase } from '../../src/database/postgres-database.js';
import { MessageRepository } from '../../src/messages/message-repository.js';
import { ensureDevPki } from '../../src/pki/dev-pki-files.js';
import { BullJobQueue } from '../../src/queue/bull-job-queue.js';
import { QUEUES } from '../../src/queue/queues.js';
import { redisConfig } from '../../src/redis/redis.config.js';
import { RedisConnections } from '../../src/redis/redis-connections.js';
import { FilesystemBlobStore } from '../../src/storage/filesystem-blob-store.js';
import { receiveDocument } from '../../test/support/received-document.js';
import { BUILT_SERVER } from '../support/paths.js';
import { TRANSACTIONS } from '../../src/peppol/index.js';
import { Installation } from '../../src/database/installation.js';

const LINES = 10_000;
const TIMEOUT_MS = 30 * 60_000;
const DIST = BUILT_SERVER;

/**
 * A generated, valid 10,000-line catalogue received the way the AS4 receiver stores it, through a
 * real worker process (PostgreSQL and Redis as configured: BENCH_DATABASE_URL, REDIS_URL): SBD
 * unwrapped, validated with the official T19 rules, stored line by line, answered with a T58.
 * `seconds` runs from the inbound job to the stored response; `peak_rss_mb` is the worker's high
 * water mark (Linux), `idle_rss_mb` the same worker before the catalogue arrived.
 */
export default {
  name: 'catalogue-10k',
  async run(): Promise<Record<string, number | string>> {
    const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    const schema = `bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
    const prefix = `bench-${randomBytes(6).toString('hex')}`;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-catalogue-'));
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const db = new PostgresDatabase(url, { poolSize: 2, statementTimeoutMs: 120_000, searchPath: schema });
    const redis = new RedisConnections(redisConfig.load({ ...process.env, QUEUE_PREFIX: prefix }));
    const queue = new BullJobQueue(redis, new Installation(db));
    let worker: ReturnType<typeof spawn> | undefined;
    try {
      await migrate(db);
      await ensureDevPki(path.join(dir, 'pki'));
      const blobs = new FilesystemBlobStore(path.join(dir, 'data'));
      await blobs.init();
      const messages = new MessageRepository(db, new Clock());
      const env = {
        ...process.env,
        DATABASE_URL: `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
        DATA_DIR: path.join(dir, 'data'),
        QUEUE_PREFIX: prefix,
        PEPPOL_STAGE: 'dev',
        PKI_DEV_DIR: path.join(dir, 'pki'),
        LOG_LEVEL: 'info',
        VALIDATION_RULES_DIR: path.join(dir, 'rules'),
        VALIDATION_CACHE_DIR: process.env.VALIDATION_CACHE_DIR ?? path.join(os.tmpdir(), 'peppol-ap-bench-rules-cache'),
        VALIDATION_TRANSACTIONS: `${TRANSACTIONS.catalogue.id},${TRANSACTIONS.catalogueResponse.id}`,
        WORKER_HTTP_PORT: '0',
      };
      worker = spawn(process.execPath, [path.join(DIST, 'worker.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      await started(worker);
      const idleRss = await highWaterMarkMb(worker.pid!);

      const document = Buffer.from([...generateCatalogueXml({ lines: LINES, id: 'BENCH-10K' })].join(''), 'utf8');
      const begin = process.hrtime.bigint();
      const id = await receiveDocument({ blobs, messages, queue }, { document, transaction: TRANSACTIONS.catalogue.id, sender: '0192:987654325', receiver: '0192:123456785' });
      const message = await settled(messages, id, worker);
      const seconds = Number(process.hrtime.bigint() - begin) / 1e9;
      const peakRss = await highWaterMarkMb(worker.pid!);
      const responseCode = message.kind === 'catalogue' ? message.attributes.responseCode : undefined;
      if (message.state !== 'responded' || responseCode !== 'AP') {
        throw new Error(`the catalogue ended ${message.state} (${responseCode ?? 'no response'})`);
      }
      const [lines] = await db.query<{ n: string }>(`SELECT count(*) AS n FROM catalogue_lines`);
      if (Number(lines!.n) !== LINES) throw new Error(`${lines!.n} lines stored, expected ${LINES}`);
      const at = new Map((await messages.timeline(id)).map((e) => [e.toState, e.at.getTime()]));
      return {
        seconds,
        peak_rss_mb: peakRss,
        idle_rss_mb: idleRss,
        validate_seconds: (at.get('validated')! - at.get('received')!) / 1000,
        store_seconds: (at.get('catalogue-stored')! - at.get('validated')!) / 1000,
        respond_seconds: (at.get('responded')! - at.get('catalogue-stored')!) / 1000,
        input_kb: Math.round(document.length / 1024),
      };
    } finally {
      if (worker && worker.exitCode === null) {
        worker.kill('SIGTERM');
        await new Promise((resolve) => worker!.once('exit', resolve));
      }
      await Promise.all(Object.values(QUEUES).map((name) => queue.queue(name).obliterate({ force: true }).catch(() => undefined)));
      await queue.onApplicationShutdown();
      await redis.onApplicationShutdown();
      await db.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
      await rm(dir, { recursive: true, force: true });
    }
  },
};

async function started(worker: ReturnType<typeof spawn>): Promise<void> {
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker not started in time: ${output.slice(-2_000)}`)), 120_000);
    const watch = (chunk: Buffer) => {
      output += chunk.toString();
      // The rules are loaded in the background: wait for them too, so the timing is the catalogue's.
      if (output.includes('worker started') && output.includes('rules')) {
        clearTimeout(timer);
        resolve();
      }
    };
    worker.stdout!.on('data', watch);
    worker.stderr!.on('data', watch);
    worker.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited (${code}): ${output.slice(-2_000)}`));
    });
  });
}

async function settled(messages: MessageRepository, id: string, worker: ReturnType<typeof spawn>) {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const message = await messages.get(id);
    if (['responded', 'failed'].includes(message.state) || (message.state === 'rejected' && message.kind === 'catalogue' && message.attributes.responseStatus)) return message;
    if (worker.exitCode !== null) throw new Error(`the worker exited with ${worker.exitCode}`);
    if (Date.now() > deadline) throw new Error(`the catalogue is still ${message.state} after ${TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Peak resident set size of a process (VmHWM), in MB. */
async function highWaterMarkMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  if (!kb) throw new Error('VmHWM not found in /proc status: peak RSS is measured on Linux only');
  return Math.round(Number(kb) / 1024);
}
