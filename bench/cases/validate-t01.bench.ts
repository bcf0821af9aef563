import { officialExample } from '../support/validation/official-example.js';
import { benchValidation } from '../support/validation/validation-bench.js';
import { TRANSACTIONS } from '../../src/peppol/index.js';

/** T01 order (the official example), UBL schema + official rules, one thread. */
export default {
  name: 'validate-t01',
  async run(): Promise<Record<string, number | string>> {
    const xml = await officialExample('Order_Example.xml');
    if (!xml) return { skipped: 'official example absent (../shared/conformance)' };
    return benchValidation({ transaction: TRANSACTIONS.order.id, xml, warmup: 80, timed: 150, javaRepeat: 200, peakRss: false, timeoutMs: 300_000, rounds: 5 });
  },
};
