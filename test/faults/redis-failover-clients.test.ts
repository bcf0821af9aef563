import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisConfig } from '../../src/redis/redis.config.js';
import { RedisConnections } from '../../src/redis/redis-connections.js';
import type { ConfigOf } from '../../src/config/define-config.js';
import { SENTINEL_MASTER_NAME, SentinelGroup } from './support/redis-sentinels.js';

const CLIENTS = 12;

/**
 * Every Redis connection of a process follows a Sentinel failover, whatever it was doing when the
 * primary died. With ioredis' failover detector on, most connections ended for good instead: the
 * +switch-master announcement aborted their reconnection and left them closed (4 runs in 6 here).
 */
describe('fault: Redis connections across a Sentinel failover', () => {
  const group = new SentinelGroup();
  let connections: RedisConnections;

  beforeAll(async () => {
    await group.start();
    const cfg = {
      url: 'redis://127.0.0.1:1',
      sentinels: group.sentinelPorts.map((port) => ({ host: '127.0.0.1', port })),
      sentinelName: SENTINEL_MASTER_NAME,
      prefix: 't-failover-clients',
      commandTimeoutMs: 2_000,
    } as unknown as ConfigOf<typeof redisConfig>;
    connections = new RedisConnections(cfg);
  }, 60_000);
  afterAll(async () => {
    await connections?.onApplicationShutdown();
    await group.stop();
  });

  it('reconnects every producer and consumer to the promoted replica', async () => {
    const clients = [...Array.from({ length: CLIENTS }, () => connections.producer()), ...Array.from({ length: CLIENTS }, () => connections.consumer())];
    await Promise.all(clients.map((c) => (c.status === 'ready' ? undefined : new Promise((r) => c.once('ready', r)))));

    await group.killPrimary();
    await group.failedOver();
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && clients.some((c) => c.status !== 'ready')) await new Promise((r) => setTimeout(r, 250));

    const statuses = clients.map((c) => c.status);
    expect(statuses.filter((s) => s !== 'ready'), statuses.join(',')).toEqual([]);
    // Each one writes to the new primary.
    await Promise.all(clients.map((c, i) => c.set(`t-failover-clients:${i}`, 'x')));
    const roles = await Promise.all(clients.map(async (c) => ((await c.info('replication')).match(/role:(\w+)/)?.[1] ?? '?')));
    expect(new Set(roles)).toEqual(new Set(['master']));
  }, 90_000);
});
