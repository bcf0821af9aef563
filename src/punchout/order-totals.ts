import { Decimal, formatAmount, toDecimal } from '../ubl/decimal.js';
import type { CartLine } from './cart-model.js';
import type { OrderAllowanceCharge, OrderTotals } from './order-model.js';

/**
 * Order arithmetic in decimals (never binary floats): line amounts rounded half-up to 2 decimals
 * (PEPPOL-T01-R024/R028), totals as sums of the rounded amounts (R008–R011, R016, R017).
 */

/** Quantity × (price ÷ base quantity), rounded to 2 decimals. Multiplies first so nothing is lost. */
export function lineExtensionAmount(line: Pick<CartLine, 'quantity' | 'price'>): Decimal {
  const base = line.price.baseQuantity ? toDecimal(line.price.baseQuantity.value) : new Decimal(1);
  return toDecimal(line.quantity.value)
    .times(toDecimal(line.price.amount))
    .dividedBy(base)
    .toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Price of one unit of the line's quantity unit. */
export function unitPrice(line: Pick<CartLine, 'price'>): Decimal {
  const base = line.price.baseQuantity ? toDecimal(line.price.baseQuantity.value) : new Decimal(1);
  return toDecimal(line.price.amount).dividedBy(base);
}

export interface TaxableLine {
  lineExtension: Decimal;
  taxCategory: { id: string; percent?: string };
}

export function computeTotals(
  lines: TaxableLine[],
  allowanceCharges: OrderAllowanceCharge[],
  includeTaxTotal: boolean,
): OrderTotals {
  const zero = new Decimal(0);
  const lineTotal = lines.reduce((sum, line) => sum.plus(line.lineExtension), zero);
  const allowances = allowanceCharges.filter((ac) => !ac.chargeIndicator);
  const charges = allowanceCharges.filter((ac) => ac.chargeIndicator);
  const allowanceTotal = allowances.reduce((sum, ac) => sum.plus(toDecimal(ac.amount)), zero);
  const chargeTotal = charges.reduce((sum, ac) => sum.plus(toDecimal(ac.amount)), zero);
  const taxExclusive = lineTotal.minus(allowanceTotal).plus(chargeTotal);

  // Tax per category (id + rate): taxable base × rate, each rounded, then summed.
  const bases = new Map<string, { base: Decimal; percent: Decimal }>();
  const add = (category: { id: string; percent?: string }, amount: Decimal) => {
    const percent = category.percent ? toDecimal(category.percent) : zero;
    const key = `${category.id}|${percent.toString()}`;
    const entry = bases.get(key) ?? { base: zero, percent };
    bases.set(key, { base: entry.base.plus(amount), percent });
  };
  for (const line of lines) add(line.taxCategory, line.lineExtension);
  for (const ac of allowanceCharges) add(ac.taxCategory, toDecimal(ac.amount).times(ac.chargeIndicator ? 1 : -1));
  const tax = [...bases.values()].reduce(
    (sum, { base, percent }) => sum.plus(base.times(percent).dividedBy(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP)),
    zero,
  );

  const taxInclusive = includeTaxTotal ? taxExclusive.plus(tax) : taxExclusive;
  return {
    lineExtension: formatAmount(lineTotal),
    ...(allowances.length > 0 ? { allowanceTotal: formatAmount(allowanceTotal) } : {}),
    ...(charges.length > 0 ? { chargeTotal: formatAmount(chargeTotal) } : {}),
    taxExclusive: formatAmount(taxExclusive),
    ...(includeTaxTotal ? { taxTotal: formatAmount(tax) } : {}),
    taxInclusive: formatAmount(taxInclusive),
    payable: formatAmount(taxInclusive),
  };
}
