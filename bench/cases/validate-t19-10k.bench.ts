import { generateCatalogue } from '../../test/support/catalogue-generator.js';
import { benchValidation } from '../support/validation/validation-bench.js';
import { TRANSACTIONS } from '../../src/peppol/index.js';

/** A generated valid T19 catalogue of 10,000 lines: one run in a fresh process, with its peak RSS. */
export default {
  name: 'validate-t19-10k',
  async run(): Promise<Record<string, number | string>> {
    return benchValidation({ transaction: TRANSACTIONS.catalogue.id, xml: generateCatalogue(10_000), warmup: 0, timed: 0, javaRepeat: 2, peakRss: true, timeoutMs: 1_800_000 });
  },
};
