import type { Migration } from './index.js';

export const delivery: Migration = {
  version: 3,
  name: 'delivery: routes per supplier, webhook events, deliveries and their attempts',
  statements: [
    // Where a supplier's documents and events go: its OMS webhook, or onward over AS4 to its own AP.
    `CREATE TABLE delivery_routes (
       id                uuid PRIMARY KEY,
       supplier_id       text NOT NULL REFERENCES participants(id),
       document_type_id  text,                      -- scheme::value; NULL = every document type
       kind              text NOT NULL CHECK (kind IN ('webhook', 'as4')),
       name              text NOT NULL DEFAULT '',
       enabled           boolean NOT NULL DEFAULT true,
       url               text,                      -- webhook only
       event_types       jsonb NOT NULL DEFAULT '[]'::jsonb,
       timeout_ms        integer,
       disabled_reason   text,
       created_at        timestamptz NOT NULL,
       updated_at        timestamptz NOT NULL,
       CHECK ((kind = 'webhook') = (url IS NOT NULL))
     )`,
    `CREATE INDEX delivery_routes_supplier ON delivery_routes (supplier_id)`,
    // One AS4 destination per supplier and document type (NULL counts as one value).
    `CREATE UNIQUE INDEX delivery_routes_one_as4 ON delivery_routes (supplier_id, COALESCE(document_type_id, '')) WHERE kind = 'as4'`,
    // Signing secrets; two or more are active during a rotation until the old one expires.
    `CREATE TABLE delivery_route_secrets (
       route_id    uuid NOT NULL REFERENCES delivery_routes(id) ON DELETE CASCADE,
       secret      text NOT NULL,
       created_at  timestamptz NOT NULL,
       expires_at  timestamptz,
       PRIMARY KEY (route_id, secret)
     )`,
    // An event, serialised once: every attempt and replay sends exactly these bytes (blob store).
    `CREATE TABLE webhook_events (
       id                text PRIMARY KEY,          -- webhook-id is msg_<id>
       type              text NOT NULL,
       supplier_id       text NOT NULL,
       document_type_id  text,
       message_id        uuid,
       body_sha256       text NOT NULL,
       body_size         integer NOT NULL,
       occurred_at       timestamptz NOT NULL,
       created_at        timestamptz NOT NULL
     )`,
    `CREATE INDEX webhook_events_message ON webhook_events (message_id)`,
    `CREATE TABLE webhook_deliveries (
       id               uuid PRIMARY KEY,
       event_id         text NOT NULL REFERENCES webhook_events(id),
       route_id         uuid NOT NULL REFERENCES delivery_routes(id),
       event_type       text NOT NULL,
       webhook_id       text NOT NULL,
       state            text NOT NULL CHECK (state IN ('pending', 'sending', 'delivered', 'failed')),
       generation       integer NOT NULL DEFAULT 1,  -- 1 + replays
       attempts         integer NOT NULL DEFAULT 0,  -- attempts of the current generation
       job_seq          integer NOT NULL DEFAULT 1,  -- the queue job that may work on it now
       next_attempt_at  timestamptz,
       lease_until      timestamptz,
       last_error       text,
       created_at       timestamptz NOT NULL,
       updated_at       timestamptz NOT NULL,
       delivered_at     timestamptz,
       failed_at        timestamptz,
       UNIQUE (event_id, route_id)
     )`,
    `CREATE INDEX webhook_deliveries_route_failed ON webhook_deliveries (route_id, state, failed_at)`,
    `CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, next_attempt_at)`,
    `CREATE TABLE webhook_delivery_attempts (
       id                  bigserial PRIMARY KEY,
       delivery_id         uuid NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
       generation          integer NOT NULL,
       number              integer NOT NULL,
       attempted_at        timestamptz NOT NULL,
       latency_ms          double precision NOT NULL,
       status              integer,
       network_error       text,
       response_excerpt    text,
       response_truncated  boolean NOT NULL DEFAULT false,
       retry_after         text,
       verdict             text NOT NULL,
       reason              text
     )`,
    `CREATE INDEX webhook_delivery_attempts_delivery ON webhook_delivery_attempts (delivery_id, id)`,
  ],
};
