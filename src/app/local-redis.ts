import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import { redactText } from '../config/redact.js';
import { DEFAULT_REDIS_URL } from '../redis/redis.config.js';

async function answers(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 1_000, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/**
 * For a single machine on embedded defaults: when nothing answers at the default local Redis address,
 * start a local redis-server (if installed) as a child and say so; any other unreachable REDIS_URL is an error.
 */
export async function ensureRedis(url: string, dataDir: string, say: (line: string) => void): Promise<ChildProcess | null> {
  if (await answers(url)) return null;
  if (url !== DEFAULT_REDIS_URL && url !== `${DEFAULT_REDIS_URL}/`) {
    throw new Error(`Redis does not answer at REDIS_URL=${redactText(url)}`);
  }
  const dir = path.resolve(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const child = spawn(
    'redis-server',
    ['--bind', '127.0.0.1', '--port', '6379', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'everysec', '--maxmemory-policy', 'noeviction'],
    { stdio: 'ignore' },
  );
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === 'ENOENT' ? `no Redis at ${url} and no redis-server installed (install it, or set REDIS_URL)` : error.message)),
    );
    child.once('exit', (code) => reject(new Error(`redis-server exited with code ${code}`)));
  });
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const up = await Promise.race([answers(url), failed]);
    if (up) {
      say(`started a local redis-server for ${url} (data in ${dir}, append-only file on)`);
      return child;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error(`redis-server did not come up at ${url} within 10 s`);
}
