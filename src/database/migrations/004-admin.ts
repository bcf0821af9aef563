import type { Migration } from './index.js';

export const adminSchema: Migration = {
  version: 4,
  name: 'admin API: hashed API keys and the append-only audit trail',
  statements: [
    `CREATE TABLE admin_api_keys (
       id            text PRIMARY KEY,              -- public part of the key, used for lookup
       key_hash      text NOT NULL,                 -- SHA-256 (hex) of the whole key; the key itself is never stored
       role          text NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
       label         text NOT NULL DEFAULT '',
       source        text NOT NULL CHECK (source IN ('config', 'api', 'cli')),
       created_by    text,                          -- key id of the creator, or cli/config
       created_at    timestamptz NOT NULL DEFAULT now(),
       revoked_at    timestamptz,
       last_used_at  timestamptz
     )`,
    `CREATE TABLE admin_audit (
       id              bigserial PRIMARY KEY,
       at              timestamptz NOT NULL DEFAULT now(),
       key_id          text NOT NULL,
       role            text NOT NULL,
       method          text NOT NULL,
       route           text NOT NULL,              -- the route pattern, e.g. /admin/queues/{queue}/pause
       path            text NOT NULL,              -- the path as called
       target          text,                       -- what was acted on (message id, queue, key id, ...)
       status          integer NOT NULL,
       before          jsonb,
       after           jsonb,
       correlation_id  text
     )`,
    `CREATE INDEX admin_audit_at ON admin_audit (at DESC, id DESC)`,
    // The audit trail is append-only: updates and deletes are refused by the database itself.
    `CREATE FUNCTION admin_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       RAISE EXCEPTION 'admin_audit is append-only';
     END
     $$`,
    `CREATE TRIGGER admin_audit_no_change BEFORE UPDATE OR DELETE ON admin_audit
       FOR EACH ROW EXECUTE FUNCTION admin_audit_append_only()`,
    `CREATE TRIGGER admin_audit_no_truncate BEFORE TRUNCATE ON admin_audit
       FOR EACH STATEMENT EXECUTE FUNCTION admin_audit_append_only()`,
  ],
};
