import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FilesystemBlobStore } from '../../src/storage/filesystem-blob-store.js';
import { PostgresBlobStore } from '../../src/storage/postgres-blob-store.js';
import type { BlobStore } from '../../src/storage/blob-store.js';
import type { Database } from '../../src/database/database.js';
import { SCHEDULE_REQUESTER } from '../../src/retention/retention.service.js';
import { createEmbeddedTestDatabase, createPostgresTestDatabase, type TestDatabase } from '../support/databases.js';
import { DAY, retentionParts, seedWorld, SetClock, WORLD_ENV } from './support.js';

const backends: Array<{ name: string; engine: () => Promise<TestDatabase>; open: (db: Database, dir: string) => BlobStore }> = [
  { name: 'PostgreSQL, postgres blob store', engine: createPostgresTestDatabase, open: (db, dir) => new PostgresBlobStore(db, dir, 1024) },
  { name: 'PostgreSQL, filesystem blob store', engine: createPostgresTestDatabase, open: (_db, dir) => new FilesystemBlobStore(dir) },
  // npm start's embedded engine runs the same SQL (recursive closure, locks, deletes).
  { name: 'embedded engine, filesystem blob store', engine: createEmbeddedTestDatabase, open: (_db, dir) => new FilesystemBlobStore(dir) },
];

async function count(db: Database, sql: string, params: unknown[]): Promise<number> {
  const [row] = await db.query<{ n: string }>(sql, params);
  return Number(row!.n);
}

describe.each(backends)('retention purge ($name)', ({ engine, open }) => {
  let db: TestDatabase;
  let dir: string;
  let store: BlobStore;
  // The clock's now is a month ahead of real time, so every blob written by the test is past the
  // blob store's own 24 h guard.
  const clock = new SetClock(new Date(Date.now() + 30 * DAY));

  beforeEach(async () => {
    db = await engine();
    dir = mkdtempSync(path.join(tmpdir(), 'retention-'));
    store = open(db.db, dir);
    await store.init();
  });
  afterEach(async () => {
    await store.close();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a dry run reports what would go, and changes nothing', async () => {
    const parts = retentionParts(db.db, store, clock, WORLD_ENV);
    const world = await seedWorld(db.db, store, clock, parts);
    const before = await count(db.db, `SELECT count(*)::text AS n FROM messages`, []);

    const report = await parts.service.run({ dryRun: true, requestedBy: { keyId: 'k', role: 'operator' } });

    expect(report.dryRun).toBe(true);
    expect(report.messages.map((m) => m.id).sort()).toEqual(Object.values(world.purged).map((m) => m.id).sort());
    expect(report.purged.byKind).toMatchObject({ cart: 1, order: 2, 'order-response': 1, catalogue: 0 });
    expect(await count(db.db, `SELECT count(*)::text AS n FROM messages`, [])).toBe(before);
    for (const blob of world.blobs.gone) expect(await store.has(blob.sha256)).toBe(true);
    expect(await count(db.db, `SELECT count(*)::text AS n FROM admin_audit`, [])).toBe(0);
    expect(report.rows.timelineEvents).toBe(0);
  });

  it('purges old settled messages with their rows and blobs; keeps the in-flight, the needed and the related; audits what went', async () => {
    const parts = retentionParts(db.db, store, clock, WORLD_ENV);
    const world = await seedWorld(db.db, store, clock, parts);
    const purgedIds = Object.values(world.purged).map((m) => m.id);
    const keptIds = Object.values(world.kept).map((m) => m.id);

    const report = await parts.service.run({ dryRun: false, requestedBy: SCHEDULE_REQUESTER });

    // Gone: the messages and everything hanging off them.
    expect(report.purged.total).toBe(4);
    expect(await count(db.db, `SELECT count(*)::text AS n FROM messages WHERE id = ANY($1::uuid[])`, [purgedIds])).toBe(0);
    for (const table of ['message_events', 'message_documents', 'outbound_attempts', 'webhook_events']) {
      expect(await count(db.db, `SELECT count(*)::text AS n FROM ${table} WHERE message_id = ANY($1::uuid[])`, [purgedIds])).toBe(0);
    }
    expect(report.rows).toMatchObject({ webhookEvents: 1, webhookDeliveries: 1, webhookAttempts: 1, outboundAttempts: 1, documents: 4 });
    expect(report.rows.timelineEvents).toBeGreaterThanOrEqual(4);
    for (const blob of world.blobs.gone) expect(await store.has(blob.sha256)).toBe(false);
    expect(report.blobs.removed).toBe(world.blobs.gone.length);
    // A blob a kept message still refers to stays.
    expect(await store.has(world.blobs.shared.sha256)).toBe(true);
    expect(await store.has(world.blobs.pendingBody.sha256)).toBe(true);

    // Kept, each for its reason.
    expect(await count(db.db, `SELECT count(*)::text AS n FROM messages WHERE id = ANY($1::uuid[])`, [keptIds])).toBe(keptIds.length);
    // Counted are the candidates looked at (settled, past their kind's retention) and their related
    // messages; in-flight, young and keep-forever messages are not even candidates.
    expect(report.kept).toMatchObject({
      'in-flight': 2, // the validated cart (its punch-out job is owed), the order still delivering (looked at through its cart)
      'related-kept': 1, // the cart of that order
      'within-retention': 0,
      'kept-forever': 0,
      'pending-deliveries': 1,
      'reporting-window': 1,
      'report-of-record': 2,
      'catalogue-in-use': 1,
    });
    expect(await count(db.db, `SELECT count(*)::text AS n FROM catalogue_versions WHERE message_id = $1`, [world.kept.catalogue.id])).toBe(1);

    // Peppol Reporting's records are independent of the messages: the purged one is still counted.
    expect(await parts.transmissions.ofMessage(world.purged.sent.id)).not.toBeNull();
    const sentAt = new Date(clock.now().getTime() - 70 * DAY);
    const groups = await parts.transmissions.groups(new Date(sentAt.getTime() - 1), new Date(sentAt.getTime() + 1));
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(1);

    // The audit trail keeps what went: ids, kinds, AS4 message ids, dates, counts.
    const audit = await parts.audit.list({ target: `retention-run:${report.runId}`, limit: 100 });
    expect(audit.length).toBeGreaterThanOrEqual(1);
    const listed = audit.flatMap((a) => (a.before as { messages: Array<{ id: string; kind: string; as4MessageId: string | null; createdAt: string }> }).messages);
    expect(listed.map((m) => m.id).sort()).toEqual([...purgedIds].sort());
    expect(listed.find((m) => m.id === world.purged.sent.id)).toMatchObject({ kind: 'order-response', as4MessageId: 'sent-1@us', createdAt: expect.any(String) });
    expect(audit[0]).toMatchObject({ keyId: 'schedule', role: 'system', method: 'DELETE', status: 200 });
    expect(audit.map((a) => a.after)).toContainEqual(expect.objectContaining({ purged: expect.any(Object), rows: expect.any(Object) }));

    // Metrics by kind.
    const metric = await parts.metrics.registry.getSingleMetric('peppol_ap_retention_purged_total')!.get();
    expect(Object.fromEntries(metric.values.map((v) => [v.labels.kind, v.value]))).toEqual({ cart: 1, order: 2, 'order-response': 1 });

    // A second run finds nothing more to do.
    const again = await parts.service.run({ dryRun: false, requestedBy: SCHEDULE_REQUESTER });
    expect(again.purged.total).toBe(0);
  });

  it('purges nothing when no retention is set (the default)', async () => {
    const parts = retentionParts(db.db, store, clock, {});
    const world = await seedWorld(db.db, store, clock, parts);
    const report = await parts.service.run({ dryRun: false, requestedBy: SCHEDULE_REQUESTER });
    expect(report.purged.total).toBe(0);
    expect(parts.service.enabled).toBe(false);
    expect(await parts.messages.find(world.purged.cart.id)).not.toBeNull();
  });
});

describe('retention purge against concurrent work (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dir: string;
  let store: BlobStore;
  const clock = new SetClock(new Date(Date.now() + 30 * DAY));
  beforeEach(async () => {
    db = await createPostgresTestDatabase();
    dir = mkdtempSync(path.join(tmpdir(), 'retention-busy-'));
    store = new PostgresBlobStore(db.db, dir, 1024);
    await store.init();
  });
  afterEach(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaves a message another transaction holds, with its related messages, without waiting; takes them on a later run', async () => {
    const parts = retentionParts(db.db, store, clock, WORLD_ENV);
    const world = await seedWorld(db.db, store, clock, parts);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const isHeld = new Promise<void>((resolve) => (holding = resolve));
    const holder = db.db.transaction(async (tx) => {
      await parts.messages.lock(world.purged.order.id, tx);
      holding();
      await held;
    });
    await isHeld;
    try {
      const report = await parts.service.run({ dryRun: false, requestedBy: SCHEDULE_REQUESTER });
      expect(report.messages.map((m) => m.id).sort()).toEqual([world.purged.sent.id, world.purged.fetchable.id].sort());
    } finally {
      release();
      await holder;
    }
    expect(await parts.messages.find(world.purged.order.id)).not.toBeNull();
    expect(await parts.messages.find(world.purged.cart.id)).not.toBeNull();
    const later = await parts.service.run({ dryRun: false, requestedBy: SCHEDULE_REQUESTER });
    expect(later.messages.map((m) => m.id).sort()).toEqual([world.purged.cart.id, world.purged.order.id].sort());
  });
});
