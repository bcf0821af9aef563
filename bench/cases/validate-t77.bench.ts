import { officialExample } from '../support/validation/official-example.js';
import { benchValidation } from '../support/validation/validation-bench.js';
import { TRANSACTIONS } from '../../src/peppol/index.js';

/** T77 punch-out shopping cart (the official example), UBL schema + official rules, one thread. */
export default {
  name: 'validate-t77',
  async run(): Promise<Record<string, number | string>> {
    const xml = await officialExample('PunchOut_Example.xml');
    if (!xml) return { skipped: 'official example absent (../shared/conformance)' };
    return benchValidation({ transaction: TRANSACTIONS.punchOut.id, xml, warmup: 150, timed: 300, javaRepeat: 300, peakRss: false, timeoutMs: 300_000, rounds: 3 });
  },
};
