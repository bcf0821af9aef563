import type { Migration } from './index.js';

export const installation: Migration = {
  version: 13,
  name: 'Installation identity: one id per database, stamped on every queued job',
  statements: [
    // One row: the identity of this installation (its database). Jobs carry it, so a worker sharing a
    // Redis and queue prefix with another installation can tell that installation's jobs from its own.
    `CREATE TABLE IF NOT EXISTS installation (
       singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
       id text NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now()
     )`,
    `INSERT INTO installation (id) VALUES (gen_random_uuid()::text) ON CONFLICT DO NOTHING`,
  ],
};
