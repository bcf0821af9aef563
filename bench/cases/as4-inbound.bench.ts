import type { BenchCase } from '../case.js';
import { measureAs4Inbound } from '../support/as4-inbound-load.js';

/**
 * Inbound AS4 throughput of the running API (real database, blob store and queue) on loopback:
 * signed, encrypted punch-out carts of about 10 KB, 32 in flight; latency to receipt; and the
 * machine's RSA-bound ceiling (key unwrap + receipt signature per message) for comparison. The API
 * runs the product's default number of HTTP processes (one per core; BENCH_API_PROCESSES overrides).
 */
const as4Inbound: BenchCase = {
  name: 'as4-inbound',
  run: () => measureAs4Inbound('api'),
};

export default as4Inbound;
