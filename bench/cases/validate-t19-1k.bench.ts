import { generateCatalogue } from '../../test/support/catalogue-generator.js';
import { benchValidation } from '../support/validation/validation-bench.js';
import { TRANSACTIONS } from '../../src/peppol/index.js';

/** A generated valid T19 catalogue of 1,000 lines, UBL schema + official rules, one thread. */
export default {
  name: 'validate-t19-1k',
  async run(): Promise<Record<string, number | string>> {
    return benchValidation({ transaction: TRANSACTIONS.catalogue.id, xml: generateCatalogue(1_000), warmup: 1, timed: 2, javaRepeat: 5, peakRss: false, timeoutMs: 900_000, rounds: 3 });
  },
};
