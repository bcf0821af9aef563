import { performance } from 'node:perf_hooks';
import { parseBuyerConfig } from '../../src/punchout/buyer-config.js';
import { convertCartDocument } from '../../src/punchout/convert-cart.js';
import { buildCartXml, sampleCart } from '../../src/demo/sample-cart.js';
import { validationConfig } from '../../src/validation/validation.config.js';
import { Validator } from '../../src/validation/validator.js';
import { TRANSACTIONS } from '../../src/peppol/index.js';
import type { BenchCase } from '../case.js';

const buyerConfig = parseBuyerConfig({
  sellerFallback: { countryCode: 'NO' },
  delivery: { address: { streetName: 'Storgata 1', cityName: 'Oslo', postalZone: '0155', countryCode: 'NO' } },
});
const options = { orderId: 'PO-000001', issueDate: '2026-01-11', issueTime: '10:00:00' };

/** Runs `work` after `warmup` runs, `maxRuns` times or until `budgetMs` is spent; returns runs per second. */
async function rate(work: () => Promise<void> | void, warmup: number, maxRuns: number, budgetMs: number): Promise<number> {
  for (let i = 0; i < warmup; i++) await work();
  const start = performance.now();
  let runs = 0;
  while (runs < maxRuns && (runs === 0 || performance.now() - start < budgetMs)) {
    await work();
    runs++;
  }
  return runs / ((performance.now() - start) / 1000);
}

/** Punch-out cart (T77) → order (T01): conversion alone, and conversion + official T01 validation. */
const cartToOrder: BenchCase = {
  name: 'cart-to-order',
  async run() {
    const validator = new Validator({ ...validationConfig.load(), poolSize: 0, transactions: [TRANSACTIONS.order.id] });
    try {
      await validator.start();
      const figures: Record<string, number> = {};
      for (const [lines, maxRuns, budgetMs] of [
        [10, 300, 15_000],
        [500, 20, 30_000],
      ] as const) {
        const cart = buildCartXml(sampleCart(lines));
        const first = await validator.validate(convertCartDocument(cart, buyerConfig, options).xml);
        if (!first.valid) throw new Error(`the ${lines}-line order is not valid: ${first.fired.filter((f) => f.flag === 'fatal').map((f) => f.id).join(' ')}`);
        figures[`convert_only_per_s_${lines}`] = await rate(() => void convertCartDocument(cart, buyerConfig, options), 3, maxRuns * 10, budgetMs / 3);
        figures[`carts_per_s_${lines}`] = await rate(
          async () => {
            const report = await validator.validate(convertCartDocument(cart, buyerConfig, options).xml);
            if (!report.valid) throw new Error('order became invalid');
          },
          2,
          maxRuns,
          budgetMs,
        );
      }
      return figures;
    } finally {
      await validator.close();
    }
  },
};

export default cartToOrder;
