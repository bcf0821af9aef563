import { TRANSACTIONS } from '../../peppol/index.js';
import { officialExample } from '../../validation/bench/official-example.js';
import { benchValidation } from '../../validation/bench/validation-bench.js';

/** T01 order (the official example), UBL schema + official rules, one thread. */
export default {
  name: 'validate-t01',
  async run(): Promise<Record<string, number | string>> {
    const xml = await officialExample('Order_Example.xml');
    if (!xml) return { skipped: 'official example absent (../shared/conformance)' };
    return benchValidation({ transaction: TRANSACTIONS.order.id, xml, warmup: 80, timed: 150, javaRepeat: 200, peakRss: false, timeoutMs: 300_000, rounds: 3 });
  },
};
