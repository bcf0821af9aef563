import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Clock } from '../../../src/common/clock.js';
import { deliveryConfig } from '../../../src/delivery/delivery.config.js';
import { RouteRepository } from '../../../src/delivery/routes/route-repository.js';
import { RouteService } from '../../../src/delivery/routes/route.service.js';
import { demoBuyerConfigFile } from '../../../src/demo/scenario.js';
import { ParticipantRepository } from '../../../src/participants/participant-repository.js';
import { readDevPki } from '../../../src/pki/dev-pki-files.js';
import type { DevPki } from '../../../src/pki/dev-pki.js';
import { createPostgresTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../../support/databases.js';
import { devPkiEnv, TEST_PKI_DIR } from '../../support/dev-pki.js';
import { type RunningProcess, startProcess } from '../../support/processes.js';
import { removeQueueKeys } from '../../support/redis-keys.js';
import { OwnRedis } from './redis-server.js';
import { TcpProxy } from './tcp-proxy.js';

/** The sample cart's parties: the seller sends the cart to the buyer we serve. */
export const BUYER = '0192:123456785';
export const SELLER = '0192:987654325';

export interface StackOptions {
  /** Put a controllable TCP proxy between the processes and PostgreSQL. */
  proxyDatabase?: boolean;
  /** Put a controllable TCP proxy between the processes and Redis. */
  proxyRedis?: boolean;
  /** Run a Redis server of the stack's own (to restart it empty) instead of the shared one. */
  ownRedis?: boolean;
  /** Extra environment for every process. */
  env?: Record<string, string>;
  /** DATA_DIR to use (e.g. a small file system); a fresh temporary folder by default. */
  dataDir?: string;
  /**
   * The whole punch-out flow: buyer and supplier served, the supplier's carts approved
   * automatically, plain-HTTP webhooks allowed (the sample OMS on loopback).
   */
  flow?: boolean;
}

/**
 * The access point as it runs in production, on loopback: API and worker processes built from
 * dist/, a PostgreSQL schema and queue prefix of their own, and optional proxies in front of the
 * database and Redis that the test can cut.
 */
export class Stack {
  db!: TestDatabase;
  pki!: DevPki;
  dataDir!: string;
  readonly prefix = `t-fault-${randomBytes(4).toString('hex')}`;
  dbProxy?: TcpProxy;
  redisProxy?: TcpProxy;
  redis?: OwnRedis;
  api?: RunningProcess;
  worker?: RunningProcess;
  private baseEnv: Record<string, string> = {};
  private ownDataDir = false;

  constructor(private readonly options: StackOptions = {}) {}

  async start(): Promise<this> {
    this.db = await createPostgresTestDatabase();
    const pkiEnv = await devPkiEnv();
    this.pki = (await readDevPki(TEST_PKI_DIR))!;
    this.ownDataDir = !this.options.dataDir;
    this.dataDir = this.options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'ap-fault-'));
    let databaseUrl = this.db.url;
    if (this.options.proxyDatabase) {
      const target = new URL(TEST_DATABASE_URL);
      this.dbProxy = await new TcpProxy(target.hostname, Number(target.port || 5432)).start();
      const proxied = new URL(this.db.url);
      proxied.host = `127.0.0.1:${this.dbProxy.port}`;
      databaseUrl = proxied.toString();
    }
    let redisUrl = 'redis://127.0.0.1:6379';
    if (this.options.ownRedis) {
      this.redis = await new OwnRedis().start();
      redisUrl = this.redis.url;
    }
    if (this.options.proxyRedis) {
      const target = new URL(redisUrl);
      this.redisProxy = await new TcpProxy(target.hostname, Number(target.port)).start();
      redisUrl = `redis://127.0.0.1:${this.redisProxy.port}`;
    }
    this.baseEnv = {
      ...pkiEnv,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      DATA_DIR: this.dataDir,
      QUEUE_PREFIX: this.prefix,
      SERVED_PARTICIPANTS: this.options.flow ? `${BUYER},${SELLER}` : BUYER,
      ...(this.options.flow ? this.flowEnv() : {}),
      PORT: '0',
      HOST: '127.0.0.1',
      ...this.options.env,
    };
    return this;
  }

  private flowEnv(): Record<string, string> {
    const file = `${this.dataDir}/buyers.json`;
    writeFileSync(file, JSON.stringify(demoBuyerConfigFile(SELLER)));
    return { WORKFLOW_BUYER_CONFIG_FILE: file, WEBHOOK_ALLOW_HTTP: 'true' };
  }

  /** The supplier's webhook route to `url` (the API must have started once: it seeds the participants). */
  async createWebhookRoute(url: string, secret: string): Promise<string> {
    const db = this.db.db;
    const routes = new RouteService(db, new RouteRepository(db), new ParticipantRepository(db), new Clock(), { allowHttp: true }, deliveryConfig.load({}));
    const { route } = await routes.create({ kind: 'webhook', supplierId: SELLER, url, secret, name: 'sample OMS' });
    return route.id;
  }

  /** The URL a sender posts AS4 messages to. */
  get as4Url(): string {
    if (!this.api?.port) throw new Error('the API is not running');
    return `http://127.0.0.1:${this.api.port}/as4`;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.api!.port}`;
  }

  /** The Redis URL the processes use (through the proxy when there is one). */
  get redisUrl(): string {
    return this.baseEnv.REDIS_URL!;
  }

  async startApi(env: Record<string, string> = {}): Promise<RunningProcess> {
    this.api = await startProcess('main.js', { ...this.baseEnv, ...env }, { ready: /listening on port (\d+)/ });
    return this.api;
  }

  async startWorker(env: Record<string, string> = {}): Promise<RunningProcess> {
    this.worker = await startProcess('worker.js', { ...this.baseEnv, ...env }, { ready: /worker started/ });
    return this.worker;
  }

  /** Processes started besides `api` and `worker` (further instances of a role); stopped with the stack. */
  readonly others: RunningProcess[] = [];

  /** One more instance of a role (`main.js` or `worker.js`) on the same database, Redis and queues. */
  async startInstance(entry: 'main.js' | 'worker.js', env: Record<string, string> = {}): Promise<RunningProcess> {
    const ready = entry === 'main.js' ? /listening on port (\d+)/ : /worker started/;
    const started = await startProcess(entry, { ...this.baseEnv, ...env }, { ready, timeoutMs: 180_000 });
    this.others.push(started);
    return started;
  }

  /** Readiness as a load balancer sees it. */
  async ready(): Promise<{ status: number; body: Record<string, unknown> }> {
    const res = await fetch(`${this.apiUrl}/health/ready`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  async stop(): Promise<void> {
    await Promise.all([this.api?.stop('SIGKILL'), this.worker?.stop('SIGKILL'), ...this.others.map((p) => p.stop('SIGKILL'))]);
    await this.dbProxy?.stop();
    await this.redisProxy?.stop();
    await this.redis?.kill();
    if (!this.redis) await removeQueueKeys(this.prefix, 'redis://127.0.0.1:6379');
    await this.db?.drop().catch(() => undefined);
    if (this.ownDataDir && this.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }
}


/** Waits until `probe` returns a value that is not undefined, or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
