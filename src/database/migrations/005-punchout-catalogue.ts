import type { Migration } from './index.js';

export const punchoutCatalogueSchema: Migration = {
  version: 5,
  name: 'punch-out and catalogues: buyer configurations, order number series, approvals, catalogue versions and lines',
  statements: [
    // One configuration per buyer participant; '*' is the default for buyers without their own.
    `CREATE TABLE buyer_configs (
       buyer_id    text PRIMARY KEY,              -- participant id scheme:value, lower-cased, or '*'
       config      jsonb NOT NULL,
       source      text NOT NULL CHECK (source IN ('file', 'api')),
       updated_at  timestamptz NOT NULL DEFAULT now()
     )`,
    // Purchase order numbers: one counter per buyer, incremented atomically.
    `CREATE TABLE order_number_series (
       buyer_id    text PRIMARY KEY,
       last_value  bigint NOT NULL CHECK (last_value >= 0)
     )`,
    // A cart waiting for (or past) a buyer's decision.
    `CREATE TABLE cart_approvals (
       message_id  uuid PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
       buyer_id    text NOT NULL,
       seller_id   text,
       cart_id     text NOT NULL,
       currency    text,
       net_total   text,
       line_count  integer NOT NULL,
       reasons     jsonb NOT NULL DEFAULT '[]'::jsonb,
       deadline    timestamptz NOT NULL,
       created_at  timestamptz NOT NULL DEFAULT now(),
       decided_at  timestamptz,
       decision    text CHECK (decision IN ('approved', 'changed', 'rejected', 'abandoned')),
       decided_by  text
     )`,
    `CREATE INDEX cart_approvals_pending ON cart_approvals (deadline) WHERE decided_at IS NULL`,
    // Every received catalogue is a version; at most one version per catalogue key is active.
    `CREATE TABLE catalogue_versions (
       id            uuid PRIMARY KEY,
       message_id    uuid NOT NULL UNIQUE REFERENCES messages(id) ON DELETE CASCADE,
       supplier_id   text NOT NULL,               -- provider endpoint scheme:value, lower-cased
       catalogue_key text NOT NULL,               -- provider + contract (or catalogue id)
       catalogue_id  text,
       version_id    text,
       issue_date    text,
       operation     text NOT NULL CHECK (operation IN ('add', 'replace', 'update', 'delete')),
       status        text NOT NULL CHECK (status IN ('loading', 'active', 'superseded', 'deleted', 'refused')),
       line_count    integer NOT NULL DEFAULT 0,
       header        jsonb NOT NULL,
       created_at    timestamptz NOT NULL DEFAULT now(),
       activated_at  timestamptz
     )`,
    `CREATE UNIQUE INDEX catalogue_versions_one_active ON catalogue_versions (catalogue_key) WHERE status = 'active'`,
    `CREATE INDEX catalogue_versions_supplier ON catalogue_versions (supplier_id, status)`,
    `CREATE TABLE catalogue_lines (
       version_id   uuid NOT NULL REFERENCES catalogue_versions(id) ON DELETE CASCADE,
       item_key     text NOT NULL,                -- seller's item id, else scheme:value of the standard id
       line_id      text,
       operation    text NOT NULL CHECK (operation IN ('upsert', 'delete')),
       search_ids   text[] NOT NULL,              -- seller's, standard, buyer's and manufacturer's ids
       name         text,
       price_amount text,
       currency     text,
       line         jsonb NOT NULL,
       PRIMARY KEY (version_id, item_key)
     )`,
    `CREATE INDEX catalogue_lines_search ON catalogue_lines USING gin (search_ids)`,
  ],
};
