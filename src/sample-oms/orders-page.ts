import type { StoredEvent } from './event-store.js';

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface PartyView {
  registrationName?: string;
  name?: string;
  endpointId?: { scheme?: string; value?: string };
}
interface LineView {
  id?: string;
  quantity?: { value?: string; unitCode?: string };
  price?: { amount?: string };
  lineExtensionAmount?: string;
  item?: { name?: string; sellersItemId?: string };
}
interface OrderView {
  id?: string;
  issueDate?: string;
  buyer?: PartyView;
  seller?: PartyView;
  lines?: LineView[];
  totals?: { currency?: string; payableAmount?: string };
}

/**
 * The events that carry an order for the supplier: one this access point made from a punch-out cart
 * (`order.created`), and one any buyer's access point sent over Peppol (`order.received`).
 */
export const ORDER_EVENT_TYPES: readonly string[] = ['order.created', 'order.received'];

/** The order JSON of an order event as a listing entry (without the UBL XML). */
export function orderSummary(event: StoredEvent): Record<string, unknown> {
  const data = event.data as { messageId?: string; order?: OrderView; content?: { href?: string } };
  return {
    webhookId: event.webhookId,
    type: event.type,
    receivedAt: event.receivedAt,
    messageId: data.messageId,
    order: data.order,
    ...(data.content?.href ? { contentHref: data.content.href } : {}),
  };
}

function partyName(party: PartyView | undefined): string {
  if (!party) return '';
  const id = party.endpointId ? ` (${party.endpointId.scheme}:${party.endpointId.value})` : '';
  return `${party.name ?? party.registrationName ?? ''}${id}`;
}

function orderRow(event: StoredEvent): string {
  const order = ((event.data as { order?: OrderView }).order ?? {}) as OrderView;
  const lines = (order.lines ?? [])
    .map(
      (line) =>
        `<li>${escapeHtml(line.quantity?.value)} ${escapeHtml(line.quantity?.unitCode)} × ${escapeHtml(line.item?.name)}` +
        (line.item?.sellersItemId ? ` <code>${escapeHtml(line.item.sellersItemId)}</code>` : '') +
        ` @ ${escapeHtml(line.price?.amount)} = ${escapeHtml(line.lineExtensionAmount)}</li>`,
    )
    .join('');
  // The UBL came inline, or (a large order received over Peppol) is fetched from the access point's API.
  const data = event.data as { ublXml?: unknown; content?: { href?: string } };
  const ubl = typeof data.ublXml === 'string' ? `orders/${encodeURIComponent(event.webhookId)}/ubl.xml` : (data.content?.href ?? '');
  const how = event.type === 'order.received' ? 'received over Peppol' : 'made from a punch-out cart';
  return `<tr>
<td>${escapeHtml(event.receivedAt)}<br><small>${escapeHtml(how)}</small></td>
<td>${escapeHtml(order.id)}<br><small>${escapeHtml(order.issueDate)}</small></td>
<td>${escapeHtml(partyName(order.buyer))}</td>
<td>${escapeHtml(partyName(order.seller))}</td>
<td><ul>${lines}</ul></td>
<td class="num">${escapeHtml(order.totals?.payableAmount)} ${escapeHtml(order.totals?.currency)}</td>
<td><a href="${escapeHtml(ubl)}">UBL</a><br><small><code>${escapeHtml(event.webhookId)}</code></small></td>
</tr>`;
}

function eventRow(event: StoredEvent): string {
  return `<tr><td>${escapeHtml(event.receivedAt)}</td><td>${escapeHtml(event.type)}</td><td><code>${escapeHtml(event.webhookId)}</code></td></tr>`;
}

/** Plain page listing received orders and events; it refreshes itself every 5 seconds. */
export function renderOrdersPage(input: { orders: StoredEvent[]; events: StoredEvent[]; total: number }): string {
  const orders = input.orders.length
    ? input.orders.map(orderRow).join('\n')
    : '<tr><td colspan="7">No orders received yet.</td></tr>';
  const events = input.events.map(eventRow).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="5">
<title>Sample OMS</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; }
table { border-collapse: collapse; width: 100%; margin-bottom: 2rem; }
th, td { border: 1px solid #ccc; padding: .4rem; text-align: left; vertical-align: top; }
td.num { text-align: right; white-space: nowrap; }
ul { margin: 0; padding-left: 1.2rem; }
</style>
</head>
<body>
<h1>Sample OMS</h1>
<p>${escapeHtml(input.total)} events received. JSON: <a href="orders">/orders</a>, <a href="events">/events</a>.</p>
<h2>Orders</h2>
<table>
<thead><tr><th>Received</th><th>Order</th><th>Buyer</th><th>Seller</th><th>Lines</th><th>Payable</th><th></th></tr></thead>
<tbody>
${orders}
</tbody>
</table>
<h2>Recent events</h2>
<table>
<thead><tr><th>Received</th><th>Type</th><th>webhook-id</th></tr></thead>
<tbody>
${events}
</tbody>
</table>
</body>
</html>
`;
}
