import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from './redis-server.js';

export const SENTINEL_MASTER_NAME = 'ap-primary';

/** A child process that can be SIGKILLed and waited for. */
class Child {
  constructor(readonly process: ChildProcess) {}
  async kill(): Promise<void> {
    const child = this.process;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }
}

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function ask<T>(port: number, work: (client: Redis) => Promise<T>): Promise<T> {
  const client = new Redis({ host: '127.0.0.1', port, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return await work(client);
  } finally {
    client.disconnect();
  }
}

/**
 * A highly available Redis of the test's own on loopback: a primary, one replica and three
 * `redis-sentinel` processes (quorum 2) watching them, nothing kept on disk. `killPrimary` SIGKILLs
 * the primary; the sentinels promote the replica.
 */
export class SentinelGroup {
  private readonly dir = mkdtempSync(path.join(tmpdir(), 'ap-sentinel-'));
  private readonly children: Child[] = [];
  private primary?: Child;
  primaryPort = 0;
  replicaPort = 0;
  sentinelPorts: number[] = [];

  /** REDIS_SENTINELS for the processes. */
  get sentinels(): string {
    return this.sentinelPorts.map((p) => `127.0.0.1:${p}`).join(',');
  }

  async start(): Promise<this> {
    this.primaryPort = await freePort();
    this.replicaPort = await freePort();
    const server = ['--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning', '--dir', this.dir];
    this.primary = this.spawn('redis-server', ['--port', String(this.primaryPort), ...server]);
    this.spawn('redis-server', ['--port', String(this.replicaPort), ...server, '--replicaof', '127.0.0.1', String(this.primaryPort)]);
    await until(async () => ((await ask(this.replicaPort, (c) => c.info('replication'))).includes('master_link_status:up') ? true : undefined), 15_000, 'the replica in sync');
    for (let i = 0; i < 3; i++) {
      const port = await freePort();
      const conf = path.join(this.dir, `sentinel-${i}.conf`);
      writeFileSync(
        conf,
        [
          `port ${port}`,
          'bind 127.0.0.1',
          `dir ${this.dir}`,
          `sentinel monitor ${SENTINEL_MASTER_NAME} 127.0.0.1 ${this.primaryPort} 2`,
          `sentinel down-after-milliseconds ${SENTINEL_MASTER_NAME} 1000`,
          `sentinel failover-timeout ${SENTINEL_MASTER_NAME} 10000`,
          `sentinel parallel-syncs ${SENTINEL_MASTER_NAME} 1`,
          '',
        ].join('\n'),
      );
      this.spawn('redis-sentinel', [conf, '--loglevel', 'warning']);
      this.sentinelPorts.push(port);
    }
    // Ready when every sentinel knows the replica and the other two sentinels (they find each other through the primary).
    for (const port of this.sentinelPorts) {
      await until(
        () =>
          ask(port, async (c) => {
            const replicas = (await c.call('SENTINEL', 'REPLICAS', SENTINEL_MASTER_NAME)) as unknown[];
            const others = (await c.call('SENTINEL', 'SENTINELS', SENTINEL_MASTER_NAME)) as unknown[];
            return replicas.length >= 1 && others.length >= 2 ? true : undefined;
          }),
        30_000,
        `sentinel ${port} to see the replica and the other sentinels`,
      );
    }
    return this;
  }

  private spawn(command: string, args: string[]): Child {
    const child = new Child(spawn(command, args, { stdio: 'ignore' }));
    this.children.push(child);
    return child;
  }

  /** The port the sentinels name as primary now. */
  async currentPrimaryPort(): Promise<number> {
    const [, port] = (await ask(this.sentinelPorts[0]!, (c) => c.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', SENTINEL_MASTER_NAME))) as [string, string];
    return Number(port);
  }

  /** SIGKILL of the primary: whatever it had not passed to the replica is gone. */
  async killPrimary(): Promise<void> {
    await this.primary!.kill();
  }

  /** Waits until the sentinels have promoted the replica and it accepts writes. */
  async failedOver(timeoutMs = 60_000): Promise<void> {
    await until(async () => ((await this.currentPrimaryPort()) === this.replicaPort ? true : undefined), timeoutMs, 'the sentinels to promote the replica');
    await until(async () => ((await ask(this.replicaPort, (c) => c.info('replication'))).includes('role:master') ? true : undefined), timeoutMs, 'the replica to become primary');
  }

  async stop(): Promise<void> {
    for (const child of this.children.splice(0)) await child.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
