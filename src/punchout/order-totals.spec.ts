import { describe, expect, it } from 'vitest';
import { Decimal } from '../ubl/decimal.js';
import { computeTotals, lineExtensionAmount, unitPrice } from './order-totals.js';

const line = (quantity: string, price: string, base?: string) => ({
  quantity: { value: quantity, unitCode: 'C62' },
  price: { amount: price, currency: 'EUR', ...(base ? { baseQuantity: { value: base, unitCode: 'C62' } } : {}) },
});

describe('lineExtensionAmount', () => {
  it.each([
    ['1', '10.00', undefined, '10'],
    ['3', '0.333', undefined, '1'], // 0.999 → 1.00
    ['7', '42.222', '100', '2.96'], // 2.95554
    ['2.25', '7.037', '10', '1.58'], // 1.583325
    ['1', '10', '3', '3.33'], // 3.333… : multiply first, divide once
    ['3', '10', '3', '10'], // 10/3*3 must be exactly 10.00, not 9.99
    ['0.5', '0.01', undefined, '0.01'], // 0.005 rounds half-up
    ['1000000', '1234.5678', '0.5', '2469135600'],
  ])('%s × %s / %s = %s', (quantity, price, base, expected) => {
    expect(lineExtensionAmount(line(quantity, price, base)).toFixed(2)).toBe(new Decimal(expected).toFixed(2));
  });

  it('gives the unit price per quantity unit', () => {
    expect(unitPrice(line('1', '25', '10')).toString()).toBe('2.5');
  });
});

describe('computeTotals', () => {
  const lines = [
    { lineExtension: new Decimal('100.00'), taxCategory: { id: 'S', percent: '25' } },
    { lineExtension: new Decimal('10.05'), taxCategory: { id: 'S', percent: '12' } },
    { lineExtension: new Decimal('50.00'), taxCategory: { id: 'Z', percent: '0' } },
  ];

  it('sums lines, computes tax per category and the payable amount', () => {
    expect(computeTotals(lines, [], true)).toEqual({
      lineExtension: '160.05',
      taxExclusive: '160.05',
      taxTotal: '26.21', // 25.00 + 1.206 → 1.21
      taxInclusive: '186.26',
      payable: '186.26',
    });
  });

  it('applies document allowances and charges to totals and their tax category', () => {
    const totals = computeTotals(
      lines,
      [
        { chargeIndicator: true, reason: 'Freight', amount: '20.00', taxCategory: { id: 'S', percent: '25' } },
        { chargeIndicator: false, reason: 'Discount', amount: '5.00', taxCategory: { id: 'S', percent: '25' } },
      ],
      true,
    );
    expect(totals).toEqual({
      lineExtension: '160.05',
      allowanceTotal: '5.00',
      chargeTotal: '20.00',
      taxExclusive: '175.05',
      taxTotal: '29.96', // (100 + 20 - 5) × 25% = 28.75, + 1.21
      taxInclusive: '205.01',
      payable: '205.01',
    });
  });

  it('leaves the tax total out when asked to', () => {
    const totals = computeTotals(lines, [], false);
    expect(totals.taxTotal).toBeUndefined();
    expect(totals.payable).toBe('160.05');
  });

  it('rounds tax per category, not per line', () => {
    const many = Array.from({ length: 3 }, () => ({ lineExtension: new Decimal('0.02'), taxCategory: { id: 'S', percent: '25' } }));
    // per line 0.005 → 0.01 each (0.03); per category 0.06 × 25% = 0.015 → 0.02
    expect(computeTotals(many, [], true).taxTotal).toBe('0.02');
  });
});
