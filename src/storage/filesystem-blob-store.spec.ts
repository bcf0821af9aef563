import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlobStoreError } from './blob-store.js';
import { FilesystemBlobStore } from './filesystem-blob-store.js';

describe('FilesystemBlobStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'blobs-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('stores bytes under their SHA-256 and reads them back', async () => {
    const store = new FilesystemBlobStore(dir);
    await store.init();
    const bytes = Buffer.from('<Order/>');
    const blob = await store.put(bytes);
    expect(blob).toEqual({ sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length });
    expect(await store.read(blob.sha256)).toEqual(bytes);
    expect(await store.has(blob.sha256)).toBe(true);
  });

  it('streams a large input without buffering it whole and leaves no temporary file', async () => {
    const store = new FilesystemBlobStore(dir);
    await store.init();
    const chunk = Buffer.alloc(1 << 20, 7);
    const blob = await store.put(Readable.from((function* () { for (let i = 0; i < 8; i++) yield chunk; })()));
    expect(blob.size).toBe(8 << 20);
    expect(readdirSync(store.temporaryDirectory)).toEqual([]);
  });

  it('removes named blobs last written before the bound, keeps younger ones, and is not scanned', async () => {
    const store = new FilesystemBlobStore(dir);
    await store.init();
    const [old, young] = await store.putAll(['<old/>', '<young/>']);
    const past = new Date(Date.now() - 60_000);
    const future = new Date(Date.now() + 60_000);
    expect(await store.collectionCandidates()).toBeNull();
    // written after `past`: kept, and readable still
    expect(await store.remove([old!.sha256, young!.sha256], past)).toBe(0);
    expect((await store.read(old!.sha256)).toString()).toBe('<old/>');
    expect(await store.remove([old!.sha256], future)).toBe(1);
    expect(await store.has(old!.sha256)).toBe(false);
    expect(await store.has(young!.sha256)).toBe(true);
    // gone already: nothing to do
    expect(await store.remove([old!.sha256], future)).toBe(0);
    expect(readdirSync(store.temporaryDirectory)).toEqual([]);
    await store.close();
  });

  it('removes the partial file when the source fails', async () => {
    const store = new FilesystemBlobStore(dir);
    await store.init();
    const failing = Readable.from((async function* () { yield Buffer.from('partial'); throw new Error('connection reset'); })());
    await expect(store.put(failing)).rejects.toThrow(BlobStoreError);
    expect(readdirSync(store.temporaryDirectory)).toEqual([]);
  });

  it('refuses to write when free space is below the configured floor', async () => {
    const store = new FilesystemBlobStore(dir, Number.MAX_SAFE_INTEGER);
    await store.init();
    await expect(store.put('x')).rejects.toThrow(/not enough free disk space/);
  });

  it('stores several in-memory blobs in one batch, once per content, and leaves no temporary file', async () => {
    const store = new FilesystemBlobStore(dir);
    await store.init();
    const a = Buffer.from('<raw/>');
    const b = Buffer.from('<sbd/>');
    const stored = await store.putAll([a, b, a, '<receipt/>']);
    expect(stored.map((x) => x.size)).toEqual([6, 6, 6, 10]);
    expect(stored[0]).toEqual(stored[2]);
    expect(await store.read(stored[1]!.sha256)).toEqual(b);
    expect((await store.read(stored[3]!.sha256)).toString()).toBe('<receipt/>');
    expect(readdirSync(store.temporaryDirectory)).toEqual([]);
    // The same content again: renamed over its own copy.
    expect(await store.putAll([a])).toEqual([stored[0]]);
    await store.close();
  });

  it('a batch that cannot be written fails whole with BlobStoreError and leaves no temporary file', async () => {
    const store = new FilesystemBlobStore(dir);
    await store.init();
    const first = await store.putAll([Buffer.from('kept')]);
    // A directory where the second blob's shard directory must go: its rename fails.
    const doomed = Buffer.from('doomed');
    const target = store.pathOf(createHash('sha256').update(doomed).digest('hex'));
    rmSync(path.dirname(path.dirname(target)), { recursive: true, force: true });
    writeFileSync(path.dirname(path.dirname(target)), 'not a directory');
    await expect(store.putAll([Buffer.from('other'), doomed])).rejects.toThrow(BlobStoreError);
    expect(readdirSync(store.temporaryDirectory)).toEqual([]);
    expect(await store.read(first[0]!.sha256)).toEqual(Buffer.from('kept'));
    await store.close();
    await expect(store.putAll([Buffer.from('late')])).rejects.toThrow(/closed/);
  });

  it('rejects anything but a content address as a name (no path traversal)', () => {
    const store = new FilesystemBlobStore(dir);
    expect(() => store.pathOf('../../etc/passwd')).toThrow(BlobStoreError);
  });
});
