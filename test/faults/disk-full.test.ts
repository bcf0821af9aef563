import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlowStack } from './support/flow-stack.js';
import { printCounts } from './support/ledger.js';
import type { Attempt } from './support/sender.js';
import { SmallDisk } from './support/small-disk.js';
import { sendCarts } from './support/traffic.js';

function filesUnder(dir: string): string[] {
  let out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    out = entry.isDirectory() ? out.concat(filesUnder(full)) : out.concat(full);
  }
  return out;
}

const BEFORE = 5;
const DURING = 10;

/**
 * Fault 6: DATA_DIR runs out of space while carts arrive. The sender gets a clear retryable error,
 * nothing is half-stored (no record without its blobs, no partial file, no claim left behind),
 * and once space is back the retried carts are received and delivered exactly once.
 */
describe('fault 6: disk full in DATA_DIR', () => {
  const disk = new SmallDisk();
  const stack = new FlowStack({ dataDir: disk.dir, env: disk.env() });

  beforeAll(async () => {
    await stack.startFlow();
  });
  afterAll(async () => {
    await stack.stop();
    disk.remove();
  });

  it('answers a clear retryable error, stores nothing by halves, and delivers everything once space is back', async () => {
    const before = await sendCarts(stack.sender, BEFORE, { concurrency: 2, attempts: 5, delayMs: 500 });
    expect(before.receipted.size).toBe(BEFORE);

    // Room for about one more message: some of what follows fits part-way, most not at all.
    disk.fill(24 * 1024);
    const during = [];
    for (let i = 0; i < DURING; i++) during.push(await stack.sender.prepare());
    const answers: Attempt[] = [];
    for (const cart of during) answers.push(await stack.sender.send(cart));
    const refused = during.filter((_, i) => answers[i]!.kind !== 'receipt');
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of answers.filter((a) => a.kind !== 'receipt')) {
      expect(answer).toMatchObject({ kind: 'error', code: 'EBMS:0202' });
      expect(answer.status).toBeGreaterThanOrEqual(500);
      if (answer.kind === 'error') expect(answer.description).toMatch(/storing the message failed/);
    }
    // Nothing half-stored: no record for a refused cart, no receipt kept for it, no partial file,
    // and every blob on disk whole (its content matches its SHA-256 name).
    const refusedIds = refused.map((c) => c.built.messageId);
    expect(await stack.db.db.query(`SELECT 1 FROM messages WHERE as4_message_id = ANY($1::text[])`, [refusedIds])).toHaveLength(0);
    expect(await stack.db.db.query(`SELECT 1 FROM as4_receipts WHERE message_id = ANY($1::text[])`, [refusedIds])).toHaveLength(0);
    expect(await stack.db.db.query(`SELECT 1 FROM as4_receipts r WHERE NOT EXISTS (SELECT 1 FROM messages m WHERE m.direction = 'inbound' AND m.sending_ap = r.sending_ap AND m.as4_message_id = r.message_id)`)).toHaveLength(0);
    // (The worker may be retrying a write of its own right now: a part file only counts once it outlives that.)
    const stale = () => filesUnder(path.join(disk.dir, 'tmp')).filter((f) => f.endsWith('.part') && Date.now() - statSync(f).mtimeMs > 3_000);
    await new Promise((r) => setTimeout(r, 3_500));
    expect(stale()).toEqual([]);
    for (const blob of filesUnder(path.join(disk.dir, 'blobs'))) {
      if (statSync(blob).size < 50 * 1024 * 1024) expect(createHash('sha256').update(readFileSync(blob)).digest('hex')).toBe(path.basename(blob));
    }

    disk.free();
    const retried = { sent: [] as string[], receipted: new Set<string>(), retries: 0, unanswered: new Map<string, string>() };
    for (const cart of during) {
      const outcome = await stack.sender.sendUntilReceipt(cart, { attempts: 20, delayMs: 500 });
      retried.sent.push(cart.built.messageId);
      if (outcome.receipt) retried.receipted.add(cart.built.messageId);
    }
    const traffic = { ...retried, sent: [...before.sent, ...retried.sent], receipted: new Set([...before.receipted, ...retried.receipted]) };
    const counts = await stack.settle(traffic, 120_000);
    printCounts('6 (disk full in DATA_DIR)', counts, { refused_while_full: refused.length, mode: disk.mode });
    if (counts.lost > 0) console.log(await stack.states());
    expect(counts).toMatchObject({ sent: BEFORE + DURING, receipts: BEFORE + DURING, delivered: BEFORE + DURING, duplicates: 0, lost: 0, receiptsWithoutMessage: 0 });
  }, 240_000);
});
