import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '../../../src/database/database.js';

export interface FaultCounts {
  sent: number;
  receipts: number;
  /** Carts whose order reached the OMS. */
  delivered: number;
  /** Extra orders at the OMS for a cart (a second webhook-id for the same cart); must be 0. */
  duplicates: number;
  /** Carts with a receipt whose order never reached the OMS; must be 0. */
  lost: number;
  /** Receipts for which no message was stored; must be 0. */
  receiptsWithoutMessage: number;
}

/** order.created events the sample OMS accepted (its JSON-lines files), by webhook-id. */
export function omsOrderEvents(omsDataDir: string): Map<string, string> {
  const byWebhookId = new Map<string, string>();
  for (const name of readdirSync(omsDataDir).filter((n) => n.endsWith('.jsonl'))) {
    for (const line of readFileSync(path.join(omsDataDir, name), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const event = JSON.parse(line) as { webhookId: string; type: string; data: { messageId?: string } };
      if (event.type === 'order.created' && event.data.messageId) byWebhookId.set(event.webhookId, event.data.messageId);
    }
  }
  return byWebhookId;
}

/**
 * Counts what happened to the carts sent (by AS4 MessageId): receipts, stored messages, orders
 * made from them and order events at the OMS (one webhook-id per order is one delivery).
 */
export async function countOutcome(db: Database, omsDataDir: string | null, sent: readonly string[], receipted: ReadonlySet<string>): Promise<FaultCounts> {
  const carts = await db.query<{ id: string; as4_message_id: string }>(`SELECT id, as4_message_id FROM messages WHERE as4_message_id = ANY($1::text[])`, [sent as string[]]);
  const cartByAs4 = new Map(carts.map((c) => [c.as4_message_id, c.id]));
  const orders = await db.query<{ id: string; related_message_id: string }>(`SELECT id, related_message_id FROM messages WHERE kind = 'order' AND related_message_id = ANY($1::uuid[])`, [
    carts.map((c) => c.id),
  ]);
  const cartOfOrder = new Map(orders.map((o) => [o.id, o.related_message_id]));
  const deliveriesPerCart = new Map<string, number>();
  if (omsDataDir) {
    for (const orderMessageId of omsOrderEvents(omsDataDir).values()) {
      const cart = cartOfOrder.get(orderMessageId);
      if (cart) deliveriesPerCart.set(cart, (deliveriesPerCart.get(cart) ?? 0) + 1);
    }
  }
  let delivered = 0;
  let duplicates = 0;
  let lost = 0;
  let receiptsWithoutMessage = 0;
  for (const as4Id of sent) {
    const cart = cartByAs4.get(as4Id);
    const n = cart ? (deliveriesPerCart.get(cart) ?? 0) : 0;
    if (n > 0) delivered++;
    duplicates += Math.max(0, n - 1);
    if (receipted.has(as4Id) && !cart) receiptsWithoutMessage++;
    if (receipted.has(as4Id) && n === 0) lost++;
  }
  return { sent: sent.length, receipts: receipted.size, delivered, duplicates, lost, receiptsWithoutMessage };
}

export function printCounts(name: string, counts: FaultCounts, extra: Record<string, number | string> = {}): void {
  const parts = Object.entries({ ...counts, ...extra }).map(([k, v]) => `${k}=${v}`);
  console.log(`fault ${name}: ${parts.join(' ')}`);
}
