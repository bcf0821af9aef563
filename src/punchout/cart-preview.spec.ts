import { describe, expect, it } from 'vitest';
import { buildCartXml, sampleCart, type SampleCart } from '../demo/sample-cart.js';
import { parseBuyerConfig } from './buyer-config.js';
import { parseCart } from './cart.js';
import { previewCart } from './cart-preview.js';
import { cartToOrder } from './cart-to-order.js';
import type { CartChange } from './cart-changes.js';

const config = parseBuyerConfig({
  sellerFallback: { countryCode: 'NO' },
  delivery: { address: { streetName: 'Storgata 1', cityName: 'Oslo', postalZone: '0155', countryCode: 'NO' } },
});
const at = { date: '2026-01-11', time: '10:00:00' };

/** Two plain lines: 2 × 10.00 EA and 3 × 5.50 EA, 25 % VAT. */
function twoLineCart(overrides: Partial<SampleCart> = {}) {
  const base = sampleCart(2);
  return parseCart(
    buildCartXml({
      ...base,
      lines: [
        { id: '1', name: 'Paper A4', sellersId: 'SKU-1', price: '10.00', quantity: { value: '2', unitCode: 'EA' }, tax: { id: 'S', percent: '25' } },
        { id: '2', name: 'Stapler', sellersId: 'SKU-2', price: '5.50', baseQuantity: { value: '1', unitCode: 'EA' }, quantity: { value: '3', unitCode: 'EA' }, tax: { id: 'S', percent: '25' } },
      ],
      ...overrides,
    }),
  );
}

describe('previewCart', () => {
  it('shows the cart as sent with the totals the order would carry', () => {
    const preview = previewCart(twoLineCart(), config, at);
    expect(preview.problem).toBeNull();
    expect(preview.totals).toMatchObject({ lineExtension: '36.50', taxExclusive: '36.50', payable: '45.63' });
    expect(preview.lines.map((l) => [l.id, l.orderedQuantity?.value, l.lineExtension, l.removed])).toEqual([
      ['1', '2', '20.00', false],
      ['2', '3', '16.50', false],
    ]);
    expect(preview.lines[1]!.baseQuantity).toEqual({ value: '1', unitCode: 'EA' });
    expect(preview.allowed).toEqual({ quantities: true, removeLines: true, prices: true });
    expect(preview.currency).toBe('EUR');
    expect(preview.changeLog).toEqual([]);
  });

  it('recomputes the totals for a changed quantity, a changed price and a removed line, equal to the order made with them', () => {
    const cart = twoLineCart();
    const changes: CartChange[] = [
      { kind: 'set-quantity', lineId: '1', quantity: '5' },
      { kind: 'set-price', lineId: '1', price: '9.00' },
    ];
    const preview = previewCart(cart, config, at, changes);
    const order = cartToOrder(cart, config, { orderId: 'PO-1', issueDate: at.date, issueTime: at.time, changes }).order;
    expect(preview.totals).toEqual(order.totals);
    expect(preview.totals!.lineExtension).toBe('61.50');
    expect(preview.lines[0]).toMatchObject({ quantity: { value: '2' }, orderedQuantity: { value: '5' }, price: '10.00', orderedPrice: '9.00', lineExtension: '45.00' });
    expect(preview.changeLog).toHaveLength(2);

    const removed = previewCart(cart, config, at, [{ kind: 'remove', lineId: '2' }]);
    expect(removed.lines[1]).toMatchObject({ removed: true, orderedQuantity: null, lineExtension: null });
    expect(removed.totals!.lineExtension).toBe('20.00');
  });

  it('names the problem instead of totals when the changes are refused, and keeps the lines as sent', () => {
    const preview = previewCart(twoLineCart(), config, at, [{ kind: 'set-quantity', lineId: '9', quantity: '1' }]);
    expect(preview.totals).toBeNull();
    expect(preview.problem).toMatchObject({ code: 'unknown-line', lineId: '9' });
    expect(preview.lines.map((l) => l.orderedQuantity?.value)).toEqual(['2', '3']);

    const empty = previewCart(twoLineCart(), config, at, [{ kind: 'remove', lineId: '1' }, { kind: 'remove', lineId: '2' }]);
    expect(empty.problem).toMatchObject({ code: 'empty-order' });
  });

  it('offers no quantity change or removal on a complete cart, and refuses one', () => {
    const complete = twoLineCart({ completeCart: true });
    const preview = previewCart(complete, config, at);
    expect(preview.allowed).toEqual({ quantities: false, removeLines: false, prices: true });
    expect(previewCart(complete, config, at, [{ kind: 'remove', lineId: '1' }]).problem).toMatchObject({ code: 'complete-cart' });
    expect(previewCart(complete, config, at, [{ kind: 'set-price', lineId: '1', price: '8' }]).problem).toBeNull();
  });

  it('reports an expired cart as the problem, with its validity', () => {
    const preview = previewCart(twoLineCart(), config, { date: '2026-03-01', time: '08:00:00' });
    expect(preview.validUntil).toBe('2026-02-10');
    expect(preview.totals).toBeNull();
    expect(preview.problem).toMatchObject({ code: 'cart-expired' });
  });
});
