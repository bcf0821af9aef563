import type { Quantity } from '../ubl/model.js';
import type { BuyerConfig } from './buyer-config.js';
import type { Cart, CartLine } from './cart-model.js';
import { applyChanges, type CartChange } from './cart-changes.js';
import { cartToOrder } from './cart-to-order.js';
import { PunchoutError } from './errors.js';
import type { OrderMoment } from './order-checks.js';
import type { OrderTotals } from './order-model.js';

/** One cart line as an approver sees it: as the seller sent it, and as it would be ordered. */
export interface PreviewLine {
  id: string;
  name: string;
  sellersId: string | null;
  quantity: Quantity;
  price: string;
  /** Price base quantity; absent in the cart means 1 of the line's unit. */
  baseQuantity: Quantity | null;
  /** After the changes; equal to the cart's when unchanged. */
  orderedQuantity: Quantity | null;
  orderedPrice: string | null;
  removed: boolean;
  /** Net line amount as the order would carry it; null when the line is removed or not ordered on its own. */
  lineExtension: string | null;
}

/** What a buyer may change on this cart: a complete cart (ActionCode true) keeps its lines and quantities. */
export interface AllowedChanges {
  quantities: boolean;
  removeLines: boolean;
  prices: boolean;
}

export interface CartPreview {
  cartId: string;
  sellerName: string;
  completeCart: boolean;
  currency: string | null;
  validUntil: string | null;
  allowed: AllowedChanges;
  lines: PreviewLine[];
  /** The order's totals with the changes applied; null when no order can be made (see `problem`). */
  totals: OrderTotals | null;
  /** Readable list of the changes, as the timeline will record them. */
  changeLog: string[];
  /** Why the cart (with the changes) cannot become an order as it stands. */
  problem: { code: string; message: string; lineId: string | null } | null;
}

/**
 * What approving the cart with `changes` would order, computed by the same code that makes the
 * order (so the totals shown are the order's totals): lines before and after, totals, and the first
 * reason it cannot be ordered, if any. Pure.
 */
export function previewCart(cart: Cart, config: BuyerConfig, at: OrderMoment, changes: readonly CartChange[] = []): CartPreview {
  // Stays the cart as sent when the changes themselves are refused.
  let changed: Cart = cart;
  let problem: CartPreview['problem'] = null;
  let changeLog: string[] = [];
  let totals: OrderTotals | null = null;
  let orderedAmounts = new Map<string, string>();
  try {
    if (changes.length) {
      const applied = applyChanges(cart, changes);
      changed = applied.cart;
      changeLog = applied.changeLog;
    }
    const { order } = cartToOrder(cart, config, { orderId: 'PREVIEW', issueDate: at.date, issueTime: at.time, changes });
    totals = order.totals;
    orderedAmounts = new Map(order.lines.map((line) => [line.id, line.lineExtension]));
  } catch (error) {
    if (!(error instanceof PunchoutError)) throw error;
    problem = { code: error.code, message: error.message, lineId: error.lineId ?? null };
  }
  const after = new Map<string, CartLine>(changed.lines.map((line) => [line.id, line]));
  return {
    cartId: cart.id,
    sellerName: cart.provider.registrationName,
    completeCart: cart.completeCart,
    currency: cart.lines[0]?.price.currency ?? null,
    validUntil: cart.validity ? [cart.validity.endDate, cart.validity.endTime].filter(Boolean).join('T') : null,
    allowed: { quantities: !cart.completeCart, removeLines: !cart.completeCart && cart.lines.length > 1, prices: true },
    lines: cart.lines.map((line) => {
      const ordered = after.get(line.id);
      return {
        id: line.id,
        name: line.item.name,
        sellersId: line.item.sellersId ?? null,
        quantity: line.quantity,
        price: line.price.amount,
        baseQuantity: line.price.baseQuantity ?? null,
        orderedQuantity: ordered?.quantity ?? null,
        orderedPrice: ordered?.price.amount ?? null,
        removed: !ordered,
        lineExtension: orderedAmounts.get(line.id) ?? null,
      };
    }),
    totals,
    changeLog,
    problem,
  };
}
