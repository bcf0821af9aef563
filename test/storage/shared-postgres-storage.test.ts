import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlowStack } from '../faults/support/flow-stack.js';
import { sendCarts } from '../faults/support/traffic.js';

const CARTS = 6;

/** Every file under `dir` (recursively), relative names. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/**
 * Two machines in miniature: the API and the worker each with a DATA_DIR of its own (nothing shared
 * on disk), STORAGE_BACKEND=postgres. The worker reads what the API received, and the API serves
 * what the worker produced, through PostgreSQL alone.
 */
describe('shared storage: API and worker with separate DATA_DIRs share documents through PostgreSQL', () => {
  const workerDataDir = mkdtempSync(path.join(tmpdir(), 'ap-worker-data-'));
  const stack = new FlowStack({ env: { STORAGE_BACKEND: 'postgres', ADMIN_API_KEYS: `viewer:${'v'.repeat(40)}` } });

  beforeAll(async () => {
    await stack.startFlow({ workerEnv: { DATA_DIR: workerDataDir } });
  }, 120_000);
  afterAll(async () => {
    await stack.stop();
    rmSync(workerDataDir, { recursive: true, force: true });
  });

  it('turns received carts into delivered orders, and neither process keeps a blob on its disk', async () => {
    const traffic = await sendCarts(stack.sender, CARTS, { concurrency: 3, attempts: 10, delayMs: 500 });
    const counts = await stack.settle(traffic, 120_000);
    expect(counts).toMatchObject({ sent: CARTS, receipts: CARTS, delivered: CARTS, duplicates: 0, lost: 0 });

    // The worker read each cart's SBD, and wrote each order, through the database only.
    expect(filesUnder(path.join(stack.dataDir, 'blobs'))).toEqual([]);
    expect(filesUnder(path.join(workerDataDir, 'blobs'))).toEqual([]);
    const [blobs] = await stack.db.db.query<{ n: string }>('SELECT count(*) AS n FROM blobs');
    expect(Number(blobs!.n)).toBeGreaterThanOrEqual(CARTS * 4);

    // The API (the other "machine") serves the order the worker produced, byte for byte.
    const [order] = await stack.db.db.query<{ id: string }>(`SELECT id FROM messages WHERE kind = 'order' LIMIT 1`);
    const headers = { 'X-API-Key': 'v'.repeat(40) };
    const detail = (await (await fetch(`${stack.apiUrl}/admin/messages/${order!.id}`, { headers })).json()) as { documents: Array<{ role: string; href: string; size: number }> };
    expect(detail.documents.length).toBeGreaterThan(0);
    for (const doc of detail.documents) {
      const res = await fetch(`${stack.apiUrl}${doc.href}`, { headers });
      expect(res.status).toBe(200);
      expect((await res.arrayBuffer()).byteLength).toBe(doc.size);
    }
  }, 240_000);
});
