import type { Migration } from './index.js';

export const retention: Migration = {
  version: 15,
  name: 'Retention: purged messages take their back-end API submissions along by an index, not a scan',
  statements: [
    // Deleting a message cascades to api_submissions; without this index each deleted message scans the table.
    `CREATE INDEX IF NOT EXISTS api_submissions_message ON api_submissions (message_id)`,
  ],
};
