import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { removeQueueKeys } from '../../../test/support/redis-keys.js';
import pg from 'pg';
import { Clock } from '../../../src/common/clock.js';
import { migrate } from '../../../src/database/migrator.js';
import { PostgresDatabase } from '../../../src/database/postgres-database.js';
import { deliveryConfig } from '../../../src/delivery/delivery.config.js';
import { RouteRepository } from '../../../src/delivery/routes/route-repository.js';
import { RouteService } from '../../../src/delivery/routes/route.service.js';
import { generateWebhookSecret } from '../../../src/delivery/webhook/secret.js';
import { demoBuyerConfigFile } from '../../../src/demo/scenario.js';
import { ParticipantRepository } from '../../../src/participants/participant-repository.js';
import { ensureDevPki } from '../../../src/pki/dev-pki-files.js';
import type { DevPki } from '../../../src/pki/dev-pki.js';
import { SampleOmsServer } from '../../../src/sample-oms/server.js';
import { BUILT_SERVER } from '../paths.js';

const DIST = BUILT_SERVER;

/** The punch-out parties: the supplier sends carts and catalogues to the buyer we serve. */
export const SOAK_BUYER = '0192:123456785';
export const SOAK_SUPPLIER = '0192:987654325';

export interface SoakProcess {
  readonly pid: number;
  output(): string;
  stop(): Promise<void>;
}

/**
 * The access point as deployed, on loopback: API and worker processes from dist/, a fresh
 * PostgreSQL schema, its own queue prefix, and the sample OMS behind the supplier's webhook route.
 */
export class SoakStack {
  pki!: DevPki;
  api!: SoakProcess;
  worker?: SoakProcess;
  apiPort = 0;
  db!: PostgresDatabase;
  dataDir = '';
  private schema = '';
  private oms?: SampleOmsServer;
  private readonly queuePrefix = `soak-${randomBytes(4).toString('hex')}`;

  /** Worker processes besides `worker` (scale-out). */
  readonly moreWorkers: SoakProcess[] = [];
  private env: Record<string, string> = {};

  /**
   * `apiProcesses`: API_PROCESSES of the API; `workers`: worker processes started with the stack (0:
   * none until `startWorkers`); `env`: more environment for every process (e.g. STORAGE_BACKEND).
   */
  constructor(
    private readonly databaseUrl: string,
    private readonly options: { apiProcesses?: number; workers?: number; env?: Record<string, string> } = {},
  ) {}

  /** Directory where the sample OMS keeps the events it accepted (JSON lines). */
  get omsDataDir(): string {
    return path.join(this.dataDir, 'oms');
  }

  /** Starts `count` worker processes (more instances of the worker role). */
  async startWorkers(count: number): Promise<void> {
    await Promise.all(
      Array.from({ length: count }, async () => {
        const worker = await spawnRole('worker.js', { ...this.env, LOG_LEVEL: 'info' }, async (out) => out.includes('worker started'));
        if (this.worker) this.moreWorkers.push(worker);
        else this.worker = worker;
      }),
    );
  }

  async start(): Promise<this> {
    this.dataDir = await mkdtemp(path.join(tmpdir(), 'soak-'));
    this.pki = await ensureDevPki(path.join(this.dataDir, 'pki'));
    this.schema = `soak_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: this.databaseUrl, connectionTimeoutMillis: 3_000 });
    await admin.connect().catch((error: Error) => {
      throw new Error(`the soak needs PostgreSQL at ${this.databaseUrl} (SOAK_DATABASE_URL): ${error.message}`);
    });
    await admin.query(`CREATE SCHEMA ${this.schema}`);
    await admin.end();
    this.db = new PostgresDatabase(this.databaseUrl, { poolSize: 4, statementTimeoutMs: 30_000, searchPath: this.schema });
    await migrate(this.db);
    const buyers = path.join(this.dataDir, 'buyers.json');
    await writeFile(buyers, JSON.stringify(demoBuyerConfigFile(SOAK_SUPPLIER)));
    const secret = generateWebhookSecret();
    this.oms = new SampleOmsServer({
      host: '127.0.0.1',
      port: 0,
      secret,
      dataDir: path.join(this.dataDir, 'oms'),
      maxBodyBytes: 1024 * 1024,
      maxEvents: 1_000_000,
      recentEvents: 100,
      testControls: false,
    });
    const omsUrl = (await this.oms.start()).url;
    this.apiPort = await freePort();
    const env = {
      PEPPOL_STAGE: 'dev',
      PKI_DEV_DIR: path.join(this.dataDir, 'pki'),
      DATA_DIR: this.dataDir,
      VALIDATION_CACHE_DIR: process.env.VALIDATION_CACHE_DIR ?? path.join(tmpdir(), 'peppol-ap-bench-rules-cache'),
      DATABASE_URL: `${this.databaseUrl}${this.databaseUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${this.schema}`)}`,
      QUEUE_PREFIX: this.queuePrefix,
      SERVED_PARTICIPANTS: `${SOAK_BUYER},${SOAK_SUPPLIER}`,
      WORKFLOW_BUYER_CONFIG_FILE: buyers,
      WEBHOOK_ALLOW_HTTP: 'true',
      HOST: '127.0.0.1',
      PORT: String(this.apiPort),
      WORKER_HTTP_PORT: '0',
      LOG_LEVEL: 'warn',
      ...(this.options.apiProcesses ? { API_PROCESSES: String(this.options.apiProcesses) } : {}),
      ...this.options.env,
    };
    this.env = env;
    this.api = await spawnRole('main.js', env, async () => (await fetch(`http://127.0.0.1:${this.apiPort}/health/ready`).catch(() => null))?.status === 200);
    const routes = new RouteService(this.db, new RouteRepository(this.db), new ParticipantRepository(this.db), new Clock(), { allowHttp: true }, deliveryConfig.load({}));
    await routes.create({ kind: 'webhook', supplierId: SOAK_SUPPLIER, url: `${omsUrl}/webhooks`, secret, name: 'sample OMS' });
    await this.startWorkers(this.options.workers ?? 1);
    return this;
  }

  async stop(): Promise<void> {
    await this.api?.stop();
    await this.worker?.stop();
    for (const w of this.moreWorkers) await w.stop();
    await this.oms?.stop();
    // The soak's queues in the shared Redis go with it.
    await removeQueueKeys(this.queuePrefix);
    await this.db?.close();
    if (this.schema && this.db) {
      const admin = new pg.Client({ connectionString: this.databaseUrl });
      await admin.connect();
      await admin.query(`DROP SCHEMA ${this.schema} CASCADE`);
      await admin.end();
    }
    if (this.dataDir) await rm(this.dataDir, { recursive: true, force: true });
  }
}

async function spawnRole(entry: string, env: Record<string, string>, ready: (output: string) => Promise<boolean>): Promise<SoakProcess> {
  const child: ChildProcess = spawn(process.execPath, [path.join(DIST, entry)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  // Keep only the tail: a long soak must not grow this process's memory.
  const keep = (d: Buffer) => (out = (out + d.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const deadline = Date.now() + 90_000;
  while (!(await ready(out))) {
    if (child.exitCode !== null) throw new Error(`${entry} exited before it was ready: ${out.slice(-2_000)}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${entry} not ready after 90 s: ${out.slice(-2_000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    pid: child.pid!,
    output: () => out,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
