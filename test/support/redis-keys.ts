import { Redis } from 'ioredis';

/**
 * Deletes every key of a queue prefix (`<prefix>:*`) from a shared Redis, so a test or benchmark
 * leaves nothing of its queues behind. Best effort: a Redis that is gone keeps nothing anyway.
 */
export async function removeQueueKeys(prefix: string, url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'): Promise<void> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await client.connect();
    for (let cursor = '0'; ; ) {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1_000);
      if (keys.length > 0) await client.del(...keys);
      cursor = next;
      if (cursor === '0') break;
    }
  } catch {
    // Best effort.
  } finally {
    client.disconnect();
  }
}
