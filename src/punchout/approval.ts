import { Decimal, formatAmount, toDecimal } from '../ubl/decimal.js';
import type { BuyerConfig } from './buyer-config.js';
import { sellerKeys, type Cart, type CartLine } from './cart-model.js';
import { PunchoutError } from './errors.js';
import { assertCartStillValid, assertLineOrderable, documentCurrency, selectOrderLines, type OrderMoment } from './order-checks.js';
import { lineExtensionAmount, unitPrice } from './order-totals.js';

export { applyChanges, cartChangeSchema, type CartChange } from './cart-changes.js';

export interface ApprovalDecision {
  outcome: 'auto-approve' | 'manual';
  /** Why: every condition checked, each met or not, so a person can follow the decision. */
  reasons: string[];
}

/**
 * The buyer's approval policy for a cart. Auto-approval needs a configured policy and all of: the
 * seller on the allow-list, the net total at or under the limit (same currency), no unit price above
 * the ceiling, the cart orderable as it is, and every price territory matching the delivery country.
 * Anything else waits for a person, with the reasons why.
 */
export function decideApproval(cart: Cart, config: BuyerConfig, at: OrderMoment): ApprovalDecision {
  const policy = config.approval.autoApprove;
  if (!policy) return { outcome: 'manual', reasons: ['no auto-approval policy: every cart is approved by a person'] };
  const met: string[] = [];
  const unmet: string[] = [];

  let currency: string;
  let lines: CartLine[];
  try {
    currency = documentCurrency(cart);
    assertCartStillValid(cart, at);
    lines = selectOrderLines(cart);
    for (const line of lines) assertLineOrderable(line, at);
  } catch (error) {
    if (error instanceof PunchoutError) return { outcome: 'manual', reasons: [`cart cannot be ordered as it is: ${error.message}`] };
    throw error;
  }

  const sellers = sellerKeys(cart);
  const allowed = sellers.find((key) => policy.suppliers.includes(key));
  (allowed ? met : unmet).push(
    allowed ? `seller ${allowed} is on the allow-list` : `seller ${sellers.join(' / ') || cart.provider.registrationName} is not on the allow-list`,
  );

  const zero = new Decimal(0);
  const charges = config.allowanceCharges.reduce(
    (sum, ac) => sum.plus(toDecimal(ac.amount).times(ac.chargeIndicator ? 1 : -1)),
    zero,
  );
  const total = lines.reduce((sum, line) => sum.plus(lineExtensionAmount(line)), zero).plus(charges);
  const limit = policy.totalLimit;
  if (limit.currency !== currency) {
    unmet.push(`cart is in ${currency}, the limit in ${limit.currency}`);
  } else if (total.greaterThan(toDecimal(limit.amount))) {
    unmet.push(`net total ${formatAmount(total)} ${currency} is above the limit ${limit.amount} ${currency}`);
  } else {
    met.push(`net total ${formatAmount(total)} ${currency} is within the limit ${limit.amount} ${currency}`);
  }

  const ceiling = policy.unitPriceCeiling;
  if (ceiling) {
    if (ceiling.currency !== currency) {
      unmet.push(`cart is in ${currency}, the unit price ceiling in ${ceiling.currency}`);
    } else {
      const above = lines.filter((line) => unitPrice(line).greaterThan(toDecimal(ceiling.amount)));
      if (above.length > 0) {
        for (const line of above) {
          unmet.push(`line ${line.id}: unit price ${unitPrice(line).toSignificantDigits(12).toString()} ${currency} is above the ceiling ${ceiling.amount} ${currency}`);
        }
      } else {
        met.push(`no unit price above ${ceiling.amount} ${currency}`);
      }
    }
  }

  const deliveryCountry = config.delivery?.address.countryCode;
  for (const line of lines) {
    const territory = line.territory?.countryCode;
    if (territory && deliveryCountry && territory !== deliveryCountry) {
      unmet.push(`line ${line.id}: price applies in ${territory}, delivery is to ${deliveryCountry}`);
    }
  }

  return unmet.length === 0 ? { outcome: 'auto-approve', reasons: met } : { outcome: 'manual', reasons: [...unmet, ...met] };
}

/** When a cart still waiting for a decision becomes abandoned (the buyer's configured timeout). */
export function abandonDeadline(receivedAt: Date, config: BuyerConfig): Date {
  return new Date(receivedAt.getTime() + config.approval.abandonAfterHours * 3_600_000);
}
