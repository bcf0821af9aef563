import type { Migration } from './index.js';

export const backendApiSchema: Migration = {
  version: 10,
  name: 'back-end API: keys scoped to participants, idempotent submissions, documents listed by participant',
  statements: [
    // A `backend` key acts for the participants it names, and only for them; the other roles name none.
    `ALTER TABLE admin_api_keys DROP CONSTRAINT IF EXISTS admin_api_keys_role_check`,
    `ALTER TABLE admin_api_keys ADD CONSTRAINT admin_api_keys_role_check CHECK (role IN ('viewer', 'operator', 'admin', 'backend'))`,
    `ALTER TABLE admin_api_keys ADD COLUMN participants text[] NOT NULL DEFAULT '{}'`,
    `ALTER TABLE admin_api_keys ADD CONSTRAINT admin_api_keys_backend_participants CHECK ((role = 'backend') = (cardinality(participants) > 0))`,
    // Idempotency-Key of a submission, per API key: the same key and body find the first message again.
    `CREATE TABLE api_submissions (
       api_key_id       text NOT NULL,
       idempotency_key  text NOT NULL,
       request_sha256   text NOT NULL,             -- the body and the query that shaped the submission
       message_id       uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
       created_at       timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (api_key_id, idempotency_key)
     )`,
    // Back ends poll their documents: sent by their participants, received for them.
    `CREATE INDEX messages_sender_created ON messages (sender_id, created_at DESC, id DESC)`,
    `CREATE INDEX messages_receiver_created ON messages (receiver_id, created_at DESC, id DESC)`,
  ],
};
