import type { BuyerConfig } from './buyer-config.js';
import { DEFAULT_CART_LIMITS, parseCart, type CartLimits } from './cart.js';
import { cartToOrder, type CartToOrderOptions, type CartToOrderResult } from './cart-to-order.js';

/** Cart document in, order out: the one path the worker, the CLI and the benchmark share. */
export function convertCartDocument(
  cartXml: string | Uint8Array,
  buyerConfig: BuyerConfig,
  options: CartToOrderOptions,
  limits: CartLimits = DEFAULT_CART_LIMITS,
): CartToOrderResult {
  return cartToOrder(parseCart(cartXml, limits), buyerConfig, options);
}
