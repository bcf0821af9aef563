import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BlobStoreError } from '../../src/storage/blob-store.js';
import { FilesystemBlobStore } from '../../src/storage/filesystem-blob-store.js';
import { SmallDisk } from './support/small-disk.js';

const disk = new SmallDisk(2);

/** A write the disk can only take part of must fail, never leave a short blob under a full blob's name. */
describe.skipIf(disk.mode !== 'tmpfs')('blob store on a full disk (tmpfs; needs permission to mount)', () => {
  afterAll(() => disk.remove());

  it('refuses bytes that do not fit and keeps neither a blob nor a part file', async () => {
    const store = new FilesystemBlobStore(disk.dir);
    await store.init();
    disk.fill(100 * 1024);
    const bytes = Buffer.alloc(300 * 1024, 0x61);
    await expect(store.put(bytes)).rejects.toBeInstanceOf(BlobStoreError);
    expect(readdirSync(path.join(disk.dir, 'tmp'))).toEqual([]);
    // No file under any name (an empty shard directory may stay).
    expect(readdirSync(path.join(disk.dir, 'blobs'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile())).toEqual([]);
    disk.free();
    const stored = await store.put(bytes);
    expect((await store.read(stored.sha256)).equals(bytes)).toBe(true);
  });
});
if (disk.mode !== 'tmpfs') {
  console.log('blob store on a full disk: skipped, this machine does not let the test mount a tmpfs');
  disk.remove();
}
