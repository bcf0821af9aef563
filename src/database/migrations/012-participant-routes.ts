import type { Migration } from './index.js';

export const participantRoutes: Migration = {
  version: 12,
  name: 'routes belong to any served participant (buyer or supplier); received orders found by their order number',
  statements: [
    // A route is the back end of a participant we serve, whichever side of the trade it is on.
    `ALTER TABLE delivery_routes RENAME COLUMN supplier_id TO participant_id`,
    `ALTER INDEX delivery_routes_supplier RENAME TO delivery_routes_participant`,
    // An Order Response names the order it answers by the order's number (T01 cbc:ID).
    `CREATE INDEX IF NOT EXISTS messages_order_number ON messages ((attributes->>'orderNumber')) WHERE kind = 'order' AND direction = 'outbound'`,
  ],
};
