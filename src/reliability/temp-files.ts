import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Injectable } from '@nestjs/common';
import { BlobStore } from '../storage/blob-store.js';

/** File-system side of housekeeping: the blob store's temporary folder, where a crash mid-write leaves `.part` files. */
@Injectable()
export class TempFiles {
  constructor(private readonly blobs: BlobStore) {}

  /** Removes `.part` files last written before `before`; returns how many went. */
  async removePartsOlderThan(before: Date, limit: number): Promise<number> {
    const dir = this.blobs.temporaryDirectory;
    let removed = 0;
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      if (removed >= limit) break;
      if (!name.endsWith('.part')) continue;
      const file = path.join(dir, name);
      const info = await stat(file).catch(() => null);
      if (!info?.isFile() || info.mtime >= before) continue;
      await rm(file, { force: true });
      removed++;
    }
    return removed;
  }
}
