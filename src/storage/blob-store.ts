import type { Readable } from 'node:stream';

export interface StoredBlob {
  sha256: string;
  size: number;
}

/** What a blob can be made of: bytes in memory, or a stream read to its end. */
export type BlobContent = Buffer | string | Readable | AsyncIterable<Uint8Array>;

/**
 * Raised when bytes cannot be stored durably (disk full, I/O error, the database refusing, a failing
 * source: its error is the `cause`), or when asked for bytes the store does not hold; nothing is
 * left half-written.
 */
export class BlobStoreError extends Error {
  override name = 'BlobStoreError';
}

export type StorageBackend = 'filesystem' | 'postgres';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Refuses anything but a content address as a blob name (no path traversal, no injection). */
export function assertContentAddress(sha256: string): void {
  if (!SHA256_HEX.test(sha256)) throw new BlobStoreError(`not a SHA-256 content address: ${JSON.stringify(sha256)}`);
}

/**
 * The content-addressed store of every byte the access point keeps (messages as received, SBDs,
 * produced documents, receipts, webhook bodies). A blob is named by the SHA-256 of its bytes and is
 * durable when `put`/`putAll` resolves: only then may anything refer to it (a database row, a queue
 * job, a receipt to a sender).
 *
 * Backends (`STORAGE_BACKEND`): `filesystem` (files under DATA_DIR/blobs, fsynced: one machine, or a
 * shared POSIX file system) and `postgres` (chunks in the database: every process that reaches the
 * database reads every blob). A further backend (e.g. an object store) implements these methods;
 * nothing outside `src/storage` knows which one runs.
 */
export abstract class BlobStore {
  abstract readonly backend: StorageBackend;

  /** Creates what the store needs (directories) before the first write. */
  abstract init(): Promise<void>;

  /** Where temporary files of in-flight work (e.g. a large attachment being received) belong: always local. */
  abstract get temporaryDirectory(): string;

  /** Stores one blob, streaming a stream source (never held whole in memory). */
  abstract put(content: BlobContent): Promise<StoredBlob>;

  /** Several blobs already in memory (e.g. one message's raw bytes, SBD and receipt), made durable together. */
  abstract putAll(contents: ReadonlyArray<Buffer | string>): Promise<StoredBlob[]>;

  abstract has(sha256: string): Promise<boolean>;

  /** The blob's size in bytes; BlobStoreError when it is not stored. */
  abstract size(sha256: string): Promise<number>;

  /** The blob's bytes as a stream; the stream errors when it is not stored. */
  abstract open(sha256: string): Readable;

  async read(sha256: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.open(sha256)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /** Readiness, and the guard before writes: the store answers and the local disk has room. */
  abstract check(): Promise<{ freeBytes: number }>;

  /**
   * Garbage collection, step 1: up to `limit` blobs last written before `writtenBefore`, in name
   * order after `after` (a pass pages through the store). Null when the backend is not scanned (the
   * file store).
   */
  abstract collectionCandidates(writtenBefore: Date, limit: number, after?: string): Promise<string[] | null>;

  /**
   * Garbage collection, step 2, and retention's release of what its purge left unreferenced (every
   * backend): removes those of `sha256s` still last written before `writtenBefore` (a blob written
   * again since is kept: something may be about to refer to it). Returns how many went.
   */
  abstract remove(sha256s: readonly string[], writtenBefore: Date): Promise<number>;

  /** Releases what the store holds (threads, nothing in the database) at shutdown, after the last write. */
  abstract close(): Promise<void>;
}
