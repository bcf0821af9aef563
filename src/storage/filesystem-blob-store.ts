import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { type FileHandle, link, mkdir, open, rename, rm, stat, statfs } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { assertContentAddress, type BlobContent, BlobStore, BlobStoreError, type StoredBlob } from './blob-store.js';
import { type DurableFile, DurableWriterPool } from './durable-writer-pool.js';

const FREE_SPACE_RECHECK_MS = 1_000;

/** write() may write only part of a buffer (e.g. the disk filling up): go on until all is written. */
async function writeAll(file: FileHandle, bytes: Buffer): Promise<void> {
  for (let offset = 0; offset < bytes.length; ) offset += (await file.write(bytes, offset, bytes.length - offset)).bytesWritten;
}

/**
 * `STORAGE_BACKEND=filesystem`: content-addressed, durable file store. Bytes are written to a
 * temporary file, fsynced, renamed to their SHA-256 name and the directory fsynced, so a name that
 * anything refers to always has its bytes. It does not scan for garbage; blobs are removed only by
 * name (`remove`: what retention's purge left unreferenced).
 */
export class FilesystemBlobStore extends BlobStore {
  readonly backend = 'filesystem' as const;
  private readonly blobDir: string;
  private readonly tmpDir: string;
  /** Shard directories known to exist (they are never removed while the store runs). */
  private readonly knownDirectories = new Set<string>();
  private freeBytesAtCheck = 0;
  private freeCheckedAt = 0;
  private writtenSinceCheck = 0;

  private readonly writers: DurableWriterPool;

  constructor(
    dataDir: string,
    private readonly minFreeBytes = 0,
    writerThreads = 2,
  ) {
    super();
    this.blobDir = path.resolve(dataDir, 'blobs');
    this.tmpDir = path.resolve(dataDir, 'tmp');
    this.writers = new DurableWriterPool(writerThreads);
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
    assertContentAddress(sha256);
    return path.join(this.blobDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(content: BlobContent): Promise<StoredBlob> {
    if (typeof content === 'string' || Buffer.isBuffer(content)) return (await this.putAll([content]))[0]!;
    await this.ensureFreeSpace(0);
    const tmp = this.temporaryPath();
    const hash = createHash('sha256');
    let size = 0;
    const file = await open(tmp, 'wx', 0o640);
    try {
      for await (const chunk of Readable.from(content)) {
        const bytes = chunk as Buffer;
        hash.update(bytes);
        size += bytes.length;
        await writeAll(file, bytes);
      }
      await file.sync();
    } catch (error) {
      await file.close().catch(() => undefined);
      await rm(tmp, { force: true });
      throw new BlobStoreError(`cannot store bytes: ${(error as Error).message}`, { cause: error });
    }
    await file.close();
    this.writtenSinceCheck += size;
    const sha256 = hash.digest('hex');
    await this.moveIntoPlace(tmp, sha256);
    return { sha256, size };
  }

  /**
   * Several blobs already in memory (e.g. one message's raw bytes, SBD and receipt), made durable
   * together in one round trip to a writer thread: hashed here, written and fsynced there (in place, or
   * through a temporary file when the address is taken).
   */
  async putAll(contents: ReadonlyArray<Buffer | string>): Promise<StoredBlob[]> {
    const buffers = contents.map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c));
    const total = buffers.reduce((sum, b) => sum + b.length, 0);
    await this.ensureFreeSpace(total);
    const stored = buffers.map((bytes) => ({ sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length }));
    const files = new Map<string, DurableFile>();
    buffers.forEach((bytes, i) => {
      const { sha256 } = stored[i]!;
      if (!files.has(sha256)) files.set(sha256, { bytes, temporary: this.temporaryPath(), target: this.pathOf(sha256) });
    });
    try {
      await this.writers.write([...files.values()]);
    } catch (error) {
      throw new BlobStoreError(`cannot store bytes: ${(error as Error).message}`, { cause: error });
    }
    this.writtenSinceCheck += total;
    return stored;
  }

  /** Stops the writer threads (at shutdown, after the last write). */
  async close(): Promise<void> {
    await this.writers.close();
  }

  private temporaryPath(): string {
    return path.join(this.tmpDir, `${randomUUID()}.part`);
  }

  /** Renames the fsynced temporary file to its content address and makes the rename durable. */
  private async moveIntoPlace(tmp: string, sha256: string): Promise<void> {
    const target = this.pathOf(sha256);
    const dir = path.dirname(target);
    try {
      if (!this.knownDirectories.has(dir)) {
        await mkdir(dir, { recursive: true });
        this.rememberDirectory(dir);
      }
      await rename(tmp, target).catch(async (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
        // The shard directory went away under us (removed by hand): make it again, once.
        this.knownDirectories.delete(dir);
        await mkdir(dir, { recursive: true });
        await rename(tmp, target);
      });
      await this.syncDirectory(dir);
    } catch (error) {
      await rm(tmp, { force: true });
      throw new BlobStoreError(`cannot store bytes: ${(error as Error).message}`, { cause: error });
    }
  }

  private rememberDirectory(dir: string): void {
    // Bounded: at most the 65,536 shard directories, each a short string.
    if (this.knownDirectories.size >= 65_536) this.knownDirectories.clear();
    this.knownDirectories.add(dir);
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
    try {
      return (await stat(this.pathOf(sha256))).size;
    } catch (error) {
      throw new BlobStoreError(`no stored blob ${sha256}: ${(error as Error).message}`, { cause: error });
    }
  }

  open(sha256: string): ReadStream {
    return createReadStream(this.pathOf(sha256));
  }

  /** The file store is not scanned for garbage (`remove` by name only). */
  async collectionCandidates(): Promise<null> {
    return null;
  }

  /**
   * Removes the named blobs last written before `writtenBefore` (retention releases those its purge
   * left unreferenced). Each file is first renamed away, atomically, and only then judged by its
   * modification time: a write of the same bytes renames a fresh file into place, so either that
   * fresh file is the one taken (young: put back) or it lands after the old one left (untouched).
   */
  async remove(sha256s: readonly string[], writtenBefore: Date): Promise<number> {
    let removed = 0;
    for (const sha256 of sha256s) {
      const target = this.pathOf(sha256);
      const taken = this.temporaryPath();
      try {
        await rename(target, taken);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw new BlobStoreError(`cannot remove blob ${sha256}: ${(error as Error).message}`, { cause: error });
      }
      if ((await stat(taken)).mtime.getTime() >= writtenBefore.getTime()) {
        // Written again lately: the same bytes go back (a newer copy already there is just as good).
        await link(taken, target).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'EEXIST') throw error;
        });
      } else {
        removed++;
      }
      await rm(taken, { force: true });
    }
    return removed;
  }

  /** Writable and with room to spare: the readiness check and the guard before every write. */
  async check(): Promise<{ freeBytes: number }> {
    const fs = await statfs(this.blobDir);
    return { freeBytes: Number(fs.bavail) * Number(fs.bsize) };
  }

  /**
   * The free-space floor. statfs is asked at most once a second while the estimate (last answer
   * minus what we wrote since) stays above the floor, and again as soon as it would not.
   */
  private async ensureFreeSpace(incoming: number): Promise<void> {
    if (this.minFreeBytes <= 0) return;
    const fresh = Date.now() - this.freeCheckedAt < FREE_SPACE_RECHECK_MS;
    if (fresh && this.freeBytesAtCheck - this.writtenSinceCheck - incoming >= this.minFreeBytes) return;
    const { freeBytes } = await this.check();
    this.freeBytesAtCheck = freeBytes;
    this.freeCheckedAt = Date.now();
    this.writtenSinceCheck = 0;
    if (freeBytes - incoming < this.minFreeBytes) {
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
