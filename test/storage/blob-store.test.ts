import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/database/database.js';
import { type BlobStore, BlobStoreError } from '../../src/storage/blob-store.js';
import { FilesystemBlobStore } from '../../src/storage/filesystem-blob-store.js';
import { PostgresBlobStore } from '../../src/storage/postgres-blob-store.js';
import { createEmbeddedTestDatabase, createPostgresTestDatabase, type TestDatabase } from '../support/databases.js';

const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

interface Backend {
  name: string;
  /** A fresh store, and a second one over the same storage (another process, another machine). */
  open(): Promise<{ store: BlobStore; twin: BlobStore }>;
  /** What a failed write could have left behind (temporary files, chunk rows): must stay 0. */
  leftovers(): Promise<number>;
  close(): Promise<void>;
}

function filesystemBackend(): Backend {
  let dir = '';
  const stores: FilesystemBlobStore[] = [];
  return {
    name: 'filesystem',
    async open() {
      dir = mkdtempSync(path.join(tmpdir(), 'blobs-'));
      for (let i = 0; i < 2; i++) stores.push(new FilesystemBlobStore(dir));
      for (const s of stores) await s.init();
      return { store: stores[0]!, twin: stores[1]! };
    },
    leftovers: async () => readdirSync(path.join(dir, 'tmp')).length,
    async close() {
      for (const s of stores.splice(0)) await s.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresBackend(name: string, createDb: () => Promise<TestDatabase>): Backend {
  let db: TestDatabase;
  const dirs: string[] = [];
  return {
    name,
    async open() {
      db = await createDb();
      // Small chunks, so every test crosses chunk boundaries; each store its own DATA_DIR (its own machine).
      const make = async () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'blobs-pg-'));
        dirs.push(dir);
        const store = new PostgresBlobStore(db.db, dir, 64 * 1024);
        await store.init();
        return store;
      };
      return { store: await make(), twin: await make() };
    },
    leftovers: async () => {
      const [row] = await db.db.query<{ n: string }>('SELECT count(*) AS n FROM blob_chunks c WHERE NOT EXISTS (SELECT 1 FROM blobs b WHERE b.upload_id = c.upload_id)');
      return Number(row!.n);
    },
    async close() {
      await db.drop();
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

const backends: Array<() => Backend> = [
  filesystemBackend,
  () => postgresBackend('postgres', () => createPostgresTestDatabase()),
  () => postgresBackend('postgres on the embedded engine', () => createEmbeddedTestDatabase()),
];

function* pattern(chunks: number, size: number): Generator<Buffer> {
  for (let i = 0; i < chunks; i++) yield Buffer.alloc(size, i % 251);
}

describe.each(backends.map((make) => [make().name, make] as const))('blob store contract: %s', (_name, make) => {
  // One storage per backend (a fresh schema or folder); the tests store different bytes.
  let backend: Backend;
  let store: BlobStore;
  let twin: BlobStore;
  beforeAll(async () => {
    backend = make();
    ({ store, twin } = await backend.open());
  });
  afterAll(() => backend.close());

  it('stores bytes under their SHA-256; any store over the same storage reads them back', async () => {
    const bytes = Buffer.from('<Order/>');
    const blob = await store.put(bytes);
    expect(blob).toEqual({ sha256: sha(bytes), size: bytes.length });
    expect(await twin.read(blob.sha256)).toEqual(bytes);
    expect(await twin.has(blob.sha256)).toBe(true);
    expect(await twin.size(blob.sha256)).toBe(bytes.length);
    expect(await store.has(sha('never stored'))).toBe(false);
  });

  it('streams a large input in and out (chunk boundaries not aligned with the source) byte-exact', async () => {
    // 3 MiB + 1 byte in 100,003-byte pieces: no piece boundary falls on a chunk boundary.
    const pieces = [...pattern(31, 100_003), Buffer.from('x')];
    const whole = Buffer.concat(pieces);
    const blob = await store.put(Readable.from(pieces));
    expect(blob).toEqual({ sha256: sha(whole), size: whole.length });
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of twin.open(blob.sha256)) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
    expect({ sha256: hash.digest('hex'), size }).toEqual(blob);
    expect(await backend.leftovers()).toBe(0);
  });

  it('stores an empty blob', async () => {
    const blob = await store.put(Readable.from([] as Buffer[]));
    expect(blob).toEqual({ sha256: sha(''), size: 0 });
    expect(await twin.read(blob.sha256)).toEqual(Buffer.alloc(0));
  });

  it('a source that fails mid-stream stores nothing and leaves nothing behind', async () => {
    const failing = Readable.from(
      (async function* () {
        yield* pattern(3, 100_000);
        throw new Error('connection reset');
      })(),
    );
    await expect(store.put(failing)).rejects.toThrow(BlobStoreError);
    expect(await backend.leftovers()).toBe(0);
    expect(await store.has(sha(Buffer.concat([...pattern(3, 100_000)])))).toBe(false);
  });

  it('stores several in-memory blobs at once, once per content; the same content again is the same blob', async () => {
    const a = Buffer.from('<raw/>');
    const big = Buffer.concat([...pattern(3, 50_000)]);
    const stored = await store.putAll([a, big, a, '<receipt/>']);
    expect(stored.map((x) => x.size)).toEqual([6, 150_000, 6, 10]);
    expect(stored[0]).toEqual(stored[2]);
    expect(await twin.read(stored[1]!.sha256)).toEqual(big);
    expect((await twin.read(stored[3]!.sha256)).toString()).toBe('<receipt/>');
    expect(await twin.putAll([a])).toEqual([stored[0]]);
    expect(await twin.put(Readable.from([big]))).toEqual(stored[1]);
    expect(await store.read(stored[1]!.sha256)).toEqual(big);
    expect(await backend.leftovers()).toBe(0);
  });

  it('two writers storing the same bytes at the same time get one blob', async () => {
    const bytes = Buffer.concat([...pattern(4, 40_000)]);
    const results = await Promise.all([store.putAll([bytes]), twin.putAll([bytes]), store.put(Readable.from([bytes])), twin.put(Readable.from([bytes]))]);
    for (const [r] of results.map((x) => (Array.isArray(x) ? x : [x]))) expect(r).toEqual({ sha256: sha(bytes), size: bytes.length });
    expect(await store.read(sha(bytes))).toEqual(bytes);
    expect(await backend.leftovers()).toBe(0);
  });

  it('reading a blob that is not stored fails; a name that is no content address is refused', async () => {
    await expect(store.read(sha('missing'))).rejects.toThrow();
    await expect(store.size(sha('missing'))).rejects.toThrow(BlobStoreError);
    await expect(store.size('../../etc/passwd')).rejects.toThrow(BlobStoreError);
    await expect(store.read('../../etc/passwd')).rejects.toThrow(BlobStoreError);
  });

  it('reports itself ready with the local free space', async () => {
    expect((await store.check()).freeBytes).toBeGreaterThan(0);
  });
});

describe('blob store garbage collection (postgres backend)', () => {
  let db: TestDatabase;
  let dir: string;
  let store: PostgresBlobStore;
  beforeEach(async () => {
    db = await createPostgresTestDatabase();
    dir = mkdtempSync(path.join(tmpdir(), 'blobs-gc-'));
    store = new PostgresBlobStore(db.db, dir, 16 * 1024);
    await store.init();
  });
  afterEach(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const age = (database: Database, sha256: string, hours: number) => database.query(`UPDATE blobs SET written_at = now() - make_interval(hours => $2) WHERE sha256 = $1`, [sha256, hours]);

  it('offers only blobs older than the cut-off, pages by name, and removes them with their chunks', async () => {
    const [old1, old2, fresh] = await store.putAll([Buffer.alloc(40_000, 1), Buffer.alloc(40_000, 2), Buffer.alloc(10, 3)]);
    await age(db.db, old1!.sha256, 48);
    await age(db.db, old2!.sha256, 48);
    const cutoff = new Date(Date.now() - 24 * 3_600_000);
    const all = await store.collectionCandidates(cutoff, 10);
    expect(all.sort()).toEqual([old1!.sha256, old2!.sha256].sort());
    const first = await store.collectionCandidates(cutoff, 1);
    expect(await store.collectionCandidates(cutoff, 10, first[0])).toEqual(all.filter((s) => s > first[0]!));
    expect(await store.remove([old1!.sha256, fresh!.sha256], cutoff)).toBe(1);
    expect(await store.has(old1!.sha256)).toBe(false);
    expect(await store.has(fresh!.sha256)).toBe(true);
    const [orphans] = await db.db.query<{ n: string }>('SELECT count(*) AS n FROM blob_chunks c WHERE NOT EXISTS (SELECT 1 FROM blobs b WHERE b.upload_id = c.upload_id)');
    expect(Number(orphans!.n)).toBe(0);
  });

  it('a blob written again after it was offered is young again and kept', async () => {
    const [blob] = await store.putAll(['receipt']);
    await age(db.db, blob!.sha256, 48);
    const cutoff = new Date(Date.now() - 24 * 3_600_000);
    expect(await store.collectionCandidates(cutoff, 10)).toEqual([blob!.sha256]);
    await store.put('receipt');
    expect(await store.remove([blob!.sha256], cutoff)).toBe(0);
    expect((await store.read(blob!.sha256)).toString()).toBe('receipt');
  });

  it('the file store keeps everything: it offers nothing to collect', async () => {
    const fsDir = mkdtempSync(path.join(tmpdir(), 'blobs-fs-'));
    try {
      const fsStore = new FilesystemBlobStore(fsDir);
      await fsStore.init();
      expect(await fsStore.collectionCandidates()).toBeNull();
      await fsStore.close();
    } finally {
      rmSync(fsDir, { recursive: true, force: true });
    }
  });
});
