import { buildCartXml, sampleCart } from './sample-cart.js';

/** The demo's parties, as in the sample cart: the supplier sends its cart to the buyer we serve. */
export const DEMO_BUYER = '0192:123456785';
export const DEMO_SUPPLIER = '0192:987654325';

/**
 * Buyer configuration file (WORKFLOW_BUYER_CONFIG_FILE) for the demo: delivery address and seller
 * country for the order, and automatic approval of the supplier's carts up to a limit; `ordering` when
 * the buyer expects an Order Response (T76) to its orders.
 */
export function demoBuyerConfigFile(supplier = DEMO_SUPPLIER, process: 'ordering' | 'order_only' = 'order_only'): Record<string, unknown> {
  return {
    default: {
      process,
      orderNumber: { prefix: 'PO-DEMO-', digits: 6 },
      sellerFallback: { countryCode: 'NO' },
      delivery: { address: { streetName: 'Storgata 1', cityName: 'Oslo', postalZone: '0155', countryCode: 'NO' } },
      approval: { autoApprove: { totalLimit: { amount: '1000000', currency: 'EUR' }, suppliers: [supplier] } },
    },
  };
}

/** A punch-out cart (T77) issued now and valid for a month, from our own sample cart generator. */
export function freshCartXml(cartId: string, now: Date, lines = 3, supplier = DEMO_SUPPLIER): string {
  const [scheme, value] = supplier.split(':') as [string, string];
  const iso = now.toISOString();
  const validUntil = new Date(now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
  return buildCartXml(
    sampleCart(lines, {
      id: cartId,
      issueDate: iso.slice(0, 10),
      issueTime: iso.slice(11, 19),
      validUntil: { date: validUntil },
      provider: { endpoint: { schemeId: scheme, value }, partyId: { schemeId: '0088', value: '5790000435951' }, name: 'ABC Supplier Ltd.' },
    }),
  );
}
