import type { Migration } from './index.js';

export const operatorAlerts: Migration = {
  version: 16,
  name: 'operator alerts: routes of kind operator (no participant), alert events without a participant, the alerts raised',
  statements: [
    // An operator route belongs to no participant; every other route belongs to exactly one.
    `ALTER TABLE delivery_routes DROP CONSTRAINT IF EXISTS delivery_routes_kind_check`,
    `ALTER TABLE delivery_routes DROP CONSTRAINT IF EXISTS delivery_routes_check`,
    `ALTER TABLE delivery_routes ALTER COLUMN participant_id DROP NOT NULL`,
    `ALTER TABLE delivery_routes ADD CONSTRAINT delivery_routes_kind CHECK (kind IN ('webhook', 'as4', 'operator'))`,
    `ALTER TABLE delivery_routes ADD CONSTRAINT delivery_routes_url CHECK ((kind IN ('webhook', 'operator')) = (url IS NOT NULL))`,
    `ALTER TABLE delivery_routes ADD CONSTRAINT delivery_routes_owner CHECK ((kind = 'operator') = (participant_id IS NULL))`,
    // An alert event goes to the operator routes, not to a participant's.
    `ALTER TABLE webhook_events ALTER COLUMN supplier_id DROP NOT NULL`,
    // Every alert raised, once per condition key (the periodic checks put the day in it): counted once,
    // listed for operators, whether or not an operator route was there to take it.
    `CREATE TABLE IF NOT EXISTS operator_alerts (
       id          text PRIMARY KEY,   -- the alert's webhook event id (type and condition key, hashed)
       type        text NOT NULL,
       condition   text NOT NULL,
       severity    text NOT NULL,
       summary     text NOT NULL,
       data        jsonb NOT NULL,
       raised_at   timestamptz NOT NULL
     )`,
    `CREATE INDEX IF NOT EXISTS operator_alerts_raised ON operator_alerts (raised_at)`,
  ],
};
