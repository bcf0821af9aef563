import { type ConfigOf, defineConfig } from '../config/define-config.js';
import { env } from '../config/env.js';

export const storageConfig = defineConfig(
  'storage',
  {
    /** Where blobs live: `filesystem` (DATA_DIR/blobs: one machine) or `postgres` (the database: shared by every process that reaches it). */
    STORAGE_BACKEND: env.oneOf(['filesystem', 'postgres'], 'filesystem'),
    DATA_DIR: env.dataDir(),
    STORAGE_MIN_FREE_MB: env.int(64, 0),
    STORAGE_WRITER_THREADS: env.int(4, 1, 64),
    /** postgres backend: bytes per stored chunk (a stream is read and written one chunk at a time). */
    STORAGE_CHUNK_KB: env.int(1024, 16, 64 * 1024),
    /** postgres backend: a blob nothing refers to is removed by housekeeping once it was last written this long ago. */
    STORAGE_GC_RETENTION_HOURS: env.int(24, 1, 100 * 365 * 24),
  },
  (v) => ({
    backend: v.STORAGE_BACKEND,
    dataDir: v.DATA_DIR,
    /** Writes are refused (the sender retries) when the file system has less free space than this. */
    minFreeBytes: v.STORAGE_MIN_FREE_MB * 1024 * 1024,
    /** Threads that write and fsync small blobs (fsync waits on the disk: more threads, more in parallel). */
    writerThreads: v.STORAGE_WRITER_THREADS,
    chunkBytes: v.STORAGE_CHUNK_KB * 1024,
    gcRetentionMs: v.STORAGE_GC_RETENTION_HOURS * 3_600_000,
  }),
);

export type StorageConfig = ConfigOf<typeof storageConfig>;
