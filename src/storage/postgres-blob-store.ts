import { createHash, randomUUID } from 'node:crypto';
import { mkdir, statfs } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Database, SqlExecutor } from '../database/database.js';
import { assertContentAddress, type BlobContent, BlobStore, BlobStoreError, type StoredBlob } from './blob-store.js';

/** Rows per multi-row INSERT (3 parameters each: well under PostgreSQL's 65,535). */
const ROWS_PER_INSERT = 500;

interface BlobRow {
  upload_id: string;
  size: string | number;
  chunks: number;
}

/** Cuts a stream into pieces of exactly `size` bytes (the last one shorter), copying only where pieces straddle. */
export async function* rechunk(source: AsyncIterable<Uint8Array | string>, size: number): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const piece of source) {
    let bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : Buffer.isBuffer(piece) ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    while (pendingBytes + bytes.length >= size) {
      const take = size - pendingBytes;
      pending.push(bytes.subarray(0, take));
      yield pending.length === 1 ? pending[0]! : Buffer.concat(pending, size);
      pending = [];
      pendingBytes = 0;
      bytes = bytes.subarray(take);
    }
    if (bytes.length > 0) {
      pending.push(bytes);
      pendingBytes += bytes.length;
    }
  }
  if (pendingBytes > 0) yield pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
}

function asBuffer(data: unknown): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (data instanceof Uint8Array) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  throw new BlobStoreError('the database returned a chunk that is not bytes');
}

function sliceInto(bytes: Buffer, size: number): Buffer[] {
  const pieces: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += size) pieces.push(bytes.subarray(offset, offset + size));
  return pieces;
}

/**
 * `STORAGE_BACKEND=postgres`: blobs live in the database (`blobs`, `blob_chunks`), so API and worker
 * processes on different machines share every document through PostgreSQL alone.
 *
 * - Content-addressed: one `blobs` row per SHA-256; bytes in chunks of `chunkBytes` (a stream is
 *   read chunk by chunk and never held whole, in either direction).
 * - Durable at commit: a blob's chunks and its row are written in one transaction; `put` resolves
 *   after the commit (PostgreSQL has made it durable), so nothing refers to bytes that could be lost,
 *   and a write that fails or is cut off leaves nothing behind (rolled back).
 * - Garbage-collected: `collectionCandidates` + `remove` (run by housekeeping) drop blobs that nothing
 *   refers to once they are older than the retention.
 *
 * The local `DATA_DIR/tmp` is still used for in-flight work (large attachments being received).
 */
export class PostgresBlobStore extends BlobStore {
  readonly backend = 'postgres' as const;
  private readonly tmpDir: string;

  constructor(
    private readonly db: Database,
    dataDir: string,
    private readonly chunkBytes = 1024 * 1024,
  ) {
    super();
    this.tmpDir = path.resolve(dataDir, 'tmp');
  }

  async init(): Promise<void> {
    await mkdir(this.tmpDir, { recursive: true });
  }

  get temporaryDirectory(): string {
    return this.tmpDir;
  }

  async put(content: BlobContent): Promise<StoredBlob> {
    if (typeof content === 'string' || Buffer.isBuffer(content)) return (await this.putAll([content]))[0]!;
    try {
      return await this.db.transaction(async (tx) => {
        // The name is known only at the end: the chunks go in under this write's own upload id first.
        const upload = randomUUID();
        const hash = createHash('sha256');
        let size = 0;
        let seq = 0;
        for await (const chunk of rechunk(Readable.from(content), this.chunkBytes)) {
          hash.update(chunk);
          size += chunk.length;
          await tx.query('INSERT INTO blob_chunks (upload_id, seq, data) VALUES ($1, $2, $3)', [upload, seq++, chunk]);
        }
        const sha256 = hash.digest('hex');
        const [kept] = await this.upsert(tx, [{ sha256, upload, size, chunks: seq }]);
        // The same bytes were stored before: theirs stay, this write's chunks go.
        if (kept!.upload_id !== upload) await tx.query('DELETE FROM blob_chunks WHERE upload_id = $1', [upload]);
        return { sha256, size };
      });
    } catch (error) {
      throw new BlobStoreError(`cannot store bytes: ${(error as Error).message}`, { cause: error });
    }
  }

  async putAll(contents: ReadonlyArray<Buffer | string>): Promise<StoredBlob[]> {
    const buffers = contents.map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c));
    const stored = buffers.map((bytes) => ({ sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length }));
    const distinct = new Map<string, { sha256: string; upload: string; size: number; chunks: number; bytes: Buffer }>();
    buffers.forEach((bytes, i) => {
      const { sha256 } = stored[i]!;
      if (!distinct.has(sha256)) distinct.set(sha256, { sha256, upload: randomUUID(), size: bytes.length, chunks: Math.ceil(bytes.length / this.chunkBytes), bytes });
    });
    try {
      await this.db.transaction(async (tx) => {
        // The rows first: a concurrent write of the same bytes waits on the row and then keeps ours.
        // In name order, so two batches sharing blobs (e.g. group commits of a message and its retry) cannot deadlock.
        const kept = await this.upsert(tx, [...distinct.values()].sort((a, b) => (a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0)));
        const ours = new Set(kept.map((row) => row.upload_id));
        const chunks: unknown[][] = [];
        for (const blob of distinct.values()) {
          if (!ours.has(blob.upload)) continue;
          sliceInto(blob.bytes, this.chunkBytes).forEach((piece, seq) => chunks.push([blob.upload, seq, piece]));
        }
        for (let i = 0; i < chunks.length; i += ROWS_PER_INSERT) {
          const rows = chunks.slice(i, i + ROWS_PER_INSERT);
          await tx.query(`INSERT INTO blob_chunks (upload_id, seq, data) VALUES ${rows.map((_, r) => `($${3 * r + 1}, $${3 * r + 2}, $${3 * r + 3})`).join(', ')}`, rows.flat());
        }
      });
    } catch (error) {
      throw new BlobStoreError(`cannot store bytes: ${(error as Error).message}`, { cause: error });
    }
    return stored;
  }

  /** Inserts blob rows, or marks existing ones written again; returns the upload id each row keeps. */
  private async upsert(tx: SqlExecutor, blobs: ReadonlyArray<{ sha256: string; upload: string; size: number; chunks: number }>): Promise<Array<{ sha256: string; upload_id: string }>> {
    const kept: Array<{ sha256: string; upload_id: string }> = [];
    for (let i = 0; i < blobs.length; i += ROWS_PER_INSERT) {
      const rows = blobs.slice(i, i + ROWS_PER_INSERT);
      kept.push(
        ...(await tx.query<{ sha256: string; upload_id: string }>(
          `INSERT INTO blobs (sha256, upload_id, size, chunks, written_at)
           VALUES ${rows.map((_, r) => `($${4 * r + 1}, $${4 * r + 2}::uuid, $${4 * r + 3}::bigint, $${4 * r + 4}::integer, now())`).join(', ')}
           ON CONFLICT (sha256) DO UPDATE SET written_at = now()
           RETURNING sha256, upload_id`,
          rows.flatMap((b) => [b.sha256, b.upload, b.size, b.chunks]),
        )),
      );
    }
    return kept;
  }

  private async find(sha256: string): Promise<BlobRow | undefined> {
    assertContentAddress(sha256);
    const [row] = await this.db.query<BlobRow>('SELECT upload_id, size, chunks FROM blobs WHERE sha256 = $1', [sha256]);
    return row;
  }

  async has(sha256: string): Promise<boolean> {
    return (await this.find(sha256)) !== undefined;
  }

  async size(sha256: string): Promise<number> {
    const row = await this.find(sha256);
    if (!row) throw new BlobStoreError(`no stored blob ${sha256}`);
    return Number(row.size);
  }

  open(sha256: string): Readable {
    const chunksOf = async function* (this: PostgresBlobStore): AsyncGenerator<Buffer> {
      const row = await this.find(sha256);
      if (!row) throw new BlobStoreError(`no stored blob ${sha256}`);
      // One chunk per query: a large blob streams with one chunk in memory at a time.
      for (let seq = 0; seq < row.chunks; seq++) {
        const [chunk] = await this.db.query<{ data: unknown }>('SELECT data FROM blob_chunks WHERE upload_id = $1 AND seq = $2', [row.upload_id, seq]);
        if (!chunk) throw new BlobStoreError(`blob ${sha256} is missing its chunk ${seq}`);
        yield asBuffer(chunk.data);
      }
    };
    return Readable.from(chunksOf.call(this), { objectMode: false, highWaterMark: 1 });
  }

  /** The database answers, and the local temporary folder's free space (large receptions spill there). */
  async check(): Promise<{ freeBytes: number }> {
    await this.db.query('SELECT 1 FROM blobs LIMIT 1');
    const fs = await statfs(this.tmpDir);
    return { freeBytes: Number(fs.bavail) * Number(fs.bsize) };
  }

  /** Pages through blobs by name (after `after`), keeping those last written before `writtenBefore`. */
  async collectionCandidates(writtenBefore: Date, limit: number, after = ''): Promise<string[]> {
    const rows = await this.db.query<{ sha256: string }>('SELECT sha256 FROM blobs WHERE sha256 > $1 AND written_at < $2 ORDER BY sha256 LIMIT $3', [after, writtenBefore, limit]);
    return rows.map((r) => r.sha256);
  }

  async remove(sha256s: readonly string[], writtenBefore: Date): Promise<number> {
    if (sha256s.length === 0) return 0;
    return this.db.transaction(async (tx) => {
      const gone = await tx.query<{ upload_id: string }>('DELETE FROM blobs WHERE sha256 = ANY($1::text[]) AND written_at < $2 RETURNING upload_id', [sha256s, writtenBefore]);
      if (gone.length > 0) await tx.query('DELETE FROM blob_chunks WHERE upload_id = ANY($1::uuid[])', [gone.map((g) => g.upload_id)]);
      return gone.length;
    });
  }

  /** The database connections belong to the database module; nothing of the store's own to release. */
  async close(): Promise<void> {}
}
