import { describe, expect, it } from 'vitest';
import { webhookExamples } from '../delivery/webhook/examples.js';
import type { StoredEvent } from './event-store.js';
import { escapeHtml, orderSummary, renderOrdersPage } from './orders-page.js';

const hostile = `<script>alert("x")</script>&'\``;

function orderEvent(name: string): StoredEvent {
  const data = structuredClone(webhookExamples['order.created']);
  data.order.lines[0]!.item.name = name;
  data.order.buyer.name = name;
  return {
    webhookId: `msg_${'"><img src=x>'}`,
    webhookTimestamp: 1,
    receivedAt: '2026-11-23T10:00:00.000Z',
    type: 'order.created',
    timestamp: '2026-11-23T10:00:00.000Z',
    data,
  };
}

describe('orders page', () => {
  it('escapes markup characters', () => {
    expect(escapeHtml(hostile)).toBe('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;&#38;&#39;&#96;');
    expect(escapeHtml(undefined)).toBe('');
  });

  it('shows orders with lines and totals, and escapes everything taken from events', () => {
    const event = orderEvent(hostile);
    const html = renderOrdersPage({ orders: [event], events: [event], total: 1 });
    expect(html).toContain('PO-1001');
    expect(html).toContain('250.00 NOK');
    expect(html).toContain('&#60;script&#62;alert');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('"><');
  });

  it('lists orders received over Peppol from any buyer beside the ones made from carts', () => {
    const received: StoredEvent = {
      webhookId: 'msg_received',
      webhookTimestamp: 1,
      receivedAt: '2026-11-23T11:00:00.000Z',
      type: 'order.received',
      timestamp: '2026-11-23T11:00:00.000Z',
      data: { ...structuredClone(webhookExamples['order.received']), ublXml: undefined },
    };
    const html = renderOrdersPage({ orders: [received, orderEvent('Gloves')], events: [], total: 2 });
    expect(html).toContain('received over Peppol');
    expect(html).toContain('made from a punch-out cart');
    // Without the UBL inline, the link is the access point's content endpoint.
    expect(html).toContain(webhookExamples['order.received'].content.href);
    expect(orderSummary(received)).toMatchObject({ type: 'order.received', contentHref: webhookExamples['order.received'].content.href });
  });

  it('says when there are no orders', () => {
    expect(renderOrdersPage({ orders: [], events: [], total: 0 })).toContain('No orders received yet.');
  });
});
