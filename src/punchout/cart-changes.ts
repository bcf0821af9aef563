import { z } from 'zod';
import { isDecimalText, toDecimal } from '../ubl/decimal.js';
import type { Cart, CartLine } from './cart-model.js';
import { PunchoutError } from './errors.js';

/** One edit a buyer makes while approving a cart ("approve with changes"). */
export type CartChange =
  | { kind: 'set-quantity'; lineId: string; quantity: string }
  | { kind: 'set-price'; lineId: string; price: string }
  | { kind: 'remove'; lineId: string };

const decimalText = z.string().refine(isDecimalText, 'expected a decimal number such as "2" or "12.50"');

/** Schema for changes arriving from outside (admin API, CLI). */
export const cartChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('set-quantity'), lineId: z.string().min(1).max(200), quantity: decimalText }),
  z.object({ kind: z.literal('set-price'), lineId: z.string().min(1).max(200), price: decimalText }),
  z.object({ kind: z.literal('remove'), lineId: z.string().min(1).max(200) }),
]);

export interface ChangedCart {
  cart: Cart;
  /** One human-readable entry per change, for the message timeline. */
  changeLog: string[];
}

/**
 * Applies a buyer's edits to a cart. Rejects negative or zero quantities (remove the line instead),
 * negative prices, unknown or twice-edited lines, and — for a complete cart (ActionCode true) — any
 * change to which lines or how much is ordered. The input cart is left untouched.
 */
export function applyChanges(cart: Cart, changes: readonly CartChange[]): ChangedCart {
  if (changes.length > cart.lines.length * 3) {
    throw new PunchoutError('invalid-change', `${changes.length} changes for a cart of ${cart.lines.length} lines`);
  }
  const lines = new Map<string, CartLine>(cart.lines.map((line) => [line.id, structuredClone(line)]));
  const removed = new Set<string>();
  const touched = new Set<string>();
  const changeLog: string[] = [];

  for (const change of changes) {
    const line = lines.get(change.lineId);
    const where = { lineId: change.lineId };
    if (!line) throw new PunchoutError('unknown-line', 'no such line in the cart', where);
    const key = `${change.kind}:${change.lineId}`;
    if (removed.has(change.lineId) || touched.has(key)) {
      throw new PunchoutError('invalid-change', `line changed twice (${change.kind})`, where);
    }
    if (change.kind === 'remove' && [...touched].some((k) => k.endsWith(`:${change.lineId}`))) {
      throw new PunchoutError('invalid-change', 'line both changed and removed', where);
    }
    touched.add(key);
    const label = `line ${line.id} "${line.item.name}"`;

    switch (change.kind) {
      case 'remove':
        if (cart.completeCart) {
          throw new PunchoutError('complete-cart', 'the cart must be ordered complete (ActionCode true); lines cannot be removed', where);
        }
        removed.add(change.lineId);
        changeLog.push(`${label}: removed`);
        break;
      case 'set-quantity': {
        const quantity = checkedDecimal(change.quantity, 'quantity', where);
        if (quantity.isNegative()) throw new PunchoutError('invalid-change', `quantity must not be negative, got ${change.quantity}`, where);
        if (quantity.isZero()) throw new PunchoutError('invalid-change', 'quantity 0: remove the line instead', where);
        if (toDecimal(line.quantity.value).equals(quantity)) break;
        if (cart.completeCart) {
          throw new PunchoutError('complete-cart', 'the cart must be ordered complete (ActionCode true); quantities cannot change', where);
        }
        changeLog.push(`${label}: quantity ${line.quantity.value} ${line.quantity.unitCode} → ${change.quantity} ${line.quantity.unitCode}`);
        line.quantity = { ...line.quantity, value: change.quantity };
        break;
      }
      case 'set-price': {
        const price = checkedDecimal(change.price, 'price', where);
        if (price.isNegative()) throw new PunchoutError('invalid-change', `price must not be negative, got ${change.price}`, where);
        if (toDecimal(line.price.amount).equals(price)) break;
        changeLog.push(`${label}: price ${line.price.amount} ${line.price.currency} → ${change.price} ${line.price.currency}`);
        line.price = { ...line.price, amount: change.price };
        break;
      }
    }
  }

  const remaining = cart.lines.filter((line) => !removed.has(line.id)).map((line) => lines.get(line.id)!);
  if (remaining.length === 0) throw new PunchoutError('empty-order', 'every line was removed; reject the cart instead');
  return { cart: { ...cart, lines: remaining }, changeLog };
}

function checkedDecimal(value: string, what: string, where: { lineId: string }) {
  if (!isDecimalText(value)) throw new PunchoutError('invalid-change', `${what} is not a decimal number: "${value}"`, where);
  return toDecimal(value);
}
