import type { Migration } from './index.js';

export const sharedBlobStore: Migration = {
  version: 14,
  name: 'Blob store in the database (STORAGE_BACKEND=postgres): content-addressed blobs in chunks',
  statements: [
    // One row per blob, named by the SHA-256 of its bytes. Its chunks are those of `upload_id`: the
    // write that stored it first (a second write of the same bytes keeps the first one's chunks).
    // `written_at` is the last time anything wrote these bytes: garbage collection leaves a blob
    // alone until it is older than the retention, so a writer about to refer to it is never robbed.
    `CREATE TABLE IF NOT EXISTS blobs (
       sha256      text PRIMARY KEY,
       upload_id   uuid NOT NULL,
       size        bigint NOT NULL,
       chunks      integer NOT NULL,
       written_at  timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE TABLE IF NOT EXISTS blob_chunks (
       upload_id  uuid NOT NULL,
       seq        integer NOT NULL,
       data       bytea NOT NULL,
       PRIMARY KEY (upload_id, seq)
     )`,
  ],
};
