import type { Migration } from './index.js';

export const receiptsWithoutClaims: Migration = {
  version: 7,
  name: 'AS4 receipts: every row is a receipt answered (no claim state)',
  statements: [
    // No version of the receiver writes a claim without its receipt: the state column only ever said 'done'.
    `DELETE FROM as4_receipts WHERE state <> 'done' OR receipt IS NULL OR keep_until IS NULL`,
    `ALTER TABLE as4_receipts DROP COLUMN state`,
    `ALTER TABLE as4_receipts ALTER COLUMN receipt SET NOT NULL`,
    `ALTER TABLE as4_receipts ALTER COLUMN keep_until SET NOT NULL`,
  ],
};
