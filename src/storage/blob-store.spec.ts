import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlobStore, BlobStoreError } from './blob-store.js';

describe('BlobStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'blobs-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('stores bytes under their SHA-256 and reads them back', async () => {
    const store = new BlobStore(dir);
    await store.init();
    const bytes = Buffer.from('<Order/>');
    const blob = await store.put(bytes);
    expect(blob).toEqual({ sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length });
    expect(await store.read(blob.sha256)).toEqual(bytes);
    expect(await store.has(blob.sha256)).toBe(true);
  });

  it('streams a large input without buffering it whole and leaves no temporary file', async () => {
    const store = new BlobStore(dir);
    await store.init();
    const chunk = Buffer.alloc(1 << 20, 7);
    const blob = await store.put(Readable.from((function* () { for (let i = 0; i < 8; i++) yield chunk; })()));
    expect(blob.size).toBe(8 << 20);
    expect(readdirSync(store.temporaryDirectory)).toEqual([]);
  });

  it('removes the partial file when the source fails', async () => {
    const store = new BlobStore(dir);
    await store.init();
    const failing = Readable.from((async function* () { yield Buffer.from('partial'); throw new Error('connection reset'); })());
    await expect(store.put(failing)).rejects.toThrow(BlobStoreError);
    expect(readdirSync(store.temporaryDirectory)).toEqual([]);
  });

  it('refuses to write when free space is below the configured floor', async () => {
    const store = new BlobStore(dir, Number.MAX_SAFE_INTEGER);
    await store.init();
    await expect(store.put('x')).rejects.toThrow(/not enough free disk space/);
  });

  it('rejects anything but a content address as a name (no path traversal)', () => {
    const store = new BlobStore(dir);
    expect(() => store.pathOf('../../etc/passwd')).toThrow(BlobStoreError);
  });
});
