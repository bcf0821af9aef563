import type { Cart, CartLine } from './cart-model.js';
import { configuredProductOf } from './cart-model.js';
import { PunchoutError } from './errors.js';
import { toDecimal } from '../ubl/decimal.js';

/** The moment an order is created, as written into it. */
export interface OrderMoment {
  date: string;
  time?: string;
}

/** True when `moment` lies after the end of a validity (end of day when no end time is given). */
function isPast(moment: OrderMoment, end: { date: string; time?: string }): boolean {
  if (moment.date !== end.date) return moment.date > end.date;
  return end.time !== undefined && moment.time !== undefined && moment.time.slice(0, 8) > end.time.slice(0, 8);
}

/** The one currency of the cart (PEPPOL-T01-R003); a cart mixing currencies cannot become an order. */
export function documentCurrency(cart: Cart): string {
  const currency = cart.lines[0]!.price.currency;
  const other = cart.lines.find((line) => line.price.currency !== currency);
  if (other) {
    throw new PunchoutError('mixed-currency', `price in ${other.price.currency}, but line ${cart.lines[0]!.id} is in ${currency}`, {
      lineId: other.id,
      field: 'cac:Price/cbc:PriceAmount/@currencyID',
    });
  }
  return currency;
}

/** The cart as a whole may still be ordered at its prices. */
export function assertCartStillValid(cart: Cart, at: OrderMoment): void {
  if (cart.validity && isPast(at, { date: cart.validity.endDate, time: cart.validity.endTime })) {
    const end = [cart.validity.endDate, cart.validity.endTime].filter(Boolean).join(' ');
    throw new PunchoutError('cart-expired', `cart was valid until ${end}, order is created ${at.date}`, {
      field: 'cac:ValidityPeriod/cbc:EndDate',
    });
  }
}

/**
 * The cart lines that become order lines. A component of a configured product (BIS 18: property
 * `PartOf` = the product's seller item id) is ordered through its product, never on its own.
 */
export function selectOrderLines(cart: Cart): CartLine[] {
  const orderedProducts = new Set(
    cart.lines.filter((line) => !configuredProductOf(line) && line.item.sellersId).map((line) => line.item.sellersId!),
  );
  const selected: CartLine[] = [];
  for (const line of cart.lines) {
    const product = configuredProductOf(line);
    if (product === undefined) {
      selected.push(line);
    } else if (!orderedProducts.has(product)) {
      throw new PunchoutError('component-alone', `is part of configured product ${product}, which is not ordered; a component cannot be ordered on its own`, {
        lineId: line.id,
        field: 'cac:Item/cac:AdditionalItemProperty',
      });
    }
  }
  if (selected.length === 0) throw new PunchoutError('empty-order', 'no cart line can be ordered');
  return selected;
}

/** A single line can be ordered: its price still valid and its price base in the line's unit. */
export function assertLineOrderable(line: CartLine, at: OrderMoment): void {
  const end = line.validity?.endDate;
  if (end && isPast(at, { date: end, time: line.validity?.endTime })) {
    throw new PunchoutError('line-expired', `line price was valid until ${[end, line.validity?.endTime].filter(Boolean).join(' ')}`, {
      lineId: line.id,
      field: 'cac:LineValidityPeriod/cbc:EndDate',
    });
  }
  const base = line.price.baseQuantity;
  if (base && base.unitCode !== line.quantity.unitCode) {
    throw new PunchoutError('unit-mismatch', `price base quantity is in ${base.unitCode}, the line quantity in ${line.quantity.unitCode}`, {
      lineId: line.id,
      field: 'cac:Price/cbc:BaseQuantity/@unitCode',
    });
  }
  if (base && !toDecimal(base.value).greaterThan(0)) {
    throw new PunchoutError('invalid-cart', 'price base quantity must be greater than zero', { lineId: line.id, field: 'cac:Price/cbc:BaseQuantity' });
  }
}
