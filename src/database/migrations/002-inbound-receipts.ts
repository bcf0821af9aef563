import type { Migration } from './index.js';

export const inboundReceipts: Migration = {
  version: 2,
  name: 'AS4 duplicate detection: claims and the receipts answered for them',
  statements: [
    `CREATE TABLE as4_receipts (
       sending_ap  text NOT NULL,
       message_id  text NOT NULL,
       state       text NOT NULL CHECK (state IN ('in-progress', 'done')),
       claimed_at  timestamptz NOT NULL,
       receipt     bytea,
       keep_until  timestamptz,
       PRIMARY KEY (sending_ap, message_id)
     )`,
    `CREATE INDEX as4_receipts_keep_until ON as4_receipts (keep_until)`,
  ],
};
