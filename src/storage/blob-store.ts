import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat, statfs } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';

export interface StoredBlob {
  sha256: string;
  size: number;
}

/** Raised when bytes cannot be stored durably (disk full, I/O error); nothing is left half-written. */
export class BlobStoreError extends Error {
  override name = 'BlobStoreError';
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Content-addressed, durable file store: bytes are written to a temporary file, fsynced, renamed to
 * their SHA-256 name and the directory fsynced, so a name that anything refers to always has its bytes.
 */
export class BlobStore {
  private readonly blobDir: string;
  private readonly tmpDir: string;

  constructor(
    dataDir: string,
    private readonly minFreeBytes = 0,
  ) {
    this.blobDir = path.resolve(dataDir, 'blobs');
    this.tmpDir = path.resolve(dataDir, 'tmp');
  }

  async init(): Promise<void> {
    await mkdir(this.blobDir, { recursive: true });
    await mkdir(this.tmpDir, { recursive: true });
  }

  /** Where temporary files of in-flight work (e.g. a large attachment being received) belong. */
  get temporaryDirectory(): string {
    return this.tmpDir;
  }

  pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new BlobStoreError(`not a SHA-256 content address: ${JSON.stringify(sha256)}`);
    return path.join(this.blobDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(content: Buffer | string | Readable | AsyncIterable<Uint8Array>): Promise<StoredBlob> {
    await this.ensureFreeSpace();
    const tmp = path.join(this.tmpDir, `${randomUUID()}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const source = typeof content === 'string' || Buffer.isBuffer(content) ? Readable.from([Buffer.from(content)]) : Readable.from(content);
    const file = await open(tmp, 'wx', 0o640);
    try {
      for await (const chunk of source) {
        const bytes = chunk as Buffer;
        hash.update(bytes);
        size += bytes.length;
        // write() may write only part of a buffer (e.g. the disk filling up): go on until all is written.
        for (let offset = 0; offset < bytes.length; ) offset += (await file.write(bytes, offset, bytes.length - offset)).bytesWritten;
      }
      await file.sync();
    } catch (error) {
      await file.close().catch(() => undefined);
      await rm(tmp, { force: true });
      throw new BlobStoreError(`cannot store bytes: ${(error as Error).message}`);
    }
    await file.close();
    const sha256 = hash.digest('hex');
    const target = this.pathOf(sha256);
    try {
      await mkdir(path.dirname(target), { recursive: true });
      await rename(tmp, target);
      await this.syncDirectory(path.dirname(target));
    } catch (error) {
      await rm(tmp, { force: true });
      throw new BlobStoreError(`cannot store bytes: ${(error as Error).message}`);
    }
    return { sha256, size };
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await stat(this.pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }

  async size(sha256: string): Promise<number> {
    return (await stat(this.pathOf(sha256))).size;
  }

  open(sha256: string): ReadStream {
    return createReadStream(this.pathOf(sha256));
  }

  async read(sha256: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.open(sha256)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /** Writable and with room to spare: the readiness check and the guard before every write. */
  async check(): Promise<{ freeBytes: number }> {
    const fs = await statfs(this.blobDir);
    return { freeBytes: Number(fs.bavail) * Number(fs.bsize) };
  }

  private async ensureFreeSpace(): Promise<void> {
    if (this.minFreeBytes <= 0) return;
    const { freeBytes } = await this.check();
    if (freeBytes < this.minFreeBytes) {
      throw new BlobStoreError(`not enough free disk space in ${this.blobDir}: ${freeBytes} bytes left`);
    }
  }

  private async syncDirectory(dir: string): Promise<void> {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}
