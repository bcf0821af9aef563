import { defineConfig } from '../config/define-config.js';
import { env } from '../config/env.js';

export const storageConfig = defineConfig(
  'storage',
  {
    DATA_DIR: env.dataDir(),
    STORAGE_MIN_FREE_MB: env.int(64, 0),
    STORAGE_WRITER_THREADS: env.int(4, 1, 64),
  },
  (v) => ({
    dataDir: v.DATA_DIR,
    /** Writes are refused (the sender retries) when the file system has less free space than this. */
    minFreeBytes: v.STORAGE_MIN_FREE_MB * 1024 * 1024,
    /** Threads that write and fsync small blobs (fsync waits on the disk: more threads, more in parallel). */
    writerThreads: v.STORAGE_WRITER_THREADS,
  }),
);
