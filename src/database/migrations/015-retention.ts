import type { Migration } from './index.js';

export const retention: Migration = {
  version: 15,
  name: 'Retention: candidates read oldest change first by an index; purged messages take their back-end API submissions along by an index',
  statements: [
    // The purge pages through messages by their last change, oldest first (state and kind filtered on the way).
    `CREATE INDEX IF NOT EXISTS messages_updated ON messages (updated_at, id)`,
    // Deleting a message cascades to api_submissions; without this index each deleted message scans the table.
    `CREATE INDEX IF NOT EXISTS api_submissions_message ON api_submissions (message_id)`,
  ],
};
