import { Agent } from 'node:http';
import { cpuByThread, cpuMs, percentile, threadCpuLine, postAs4, rsaBoundMessagesPerSecond, startApi } from './as4-harness.js';
import { BENCH_SELLER as SELLER, partnerCatalogueMessages } from './partner-messages.js';
import { buildCartXml, sampleCart } from '../../src/demo/sample-cart.js';
import { transactionRegistry, TRANSACTIONS } from '../../src/peppol/index.js';

const CONCURRENCY = 32;
// Messages sent before the measured ones, so that the API runs optimised code: with 64, a perf
// profile of the measured window had a tenth of the API's samples in V8's optimising compiler.
const WARMUP = 1_000;
const MESSAGES = 1_000;
const CART_LINES = 12;
const T77 = transactionRegistry.identifiersOf(TRANSACTIONS.punchOut.id);

/**
 * Inbound AS4 throughput of the running API (`entry: 'all'`: what `npm start` runs) (real database, blob store and queue) on loopback:
 * signed, encrypted punch-out carts of about 10 KB, 32 in flight; latency to receipt; and the
 * machine's RSA-bound ceiling (key unwrap + receipt signature per message) for comparison.
 */
export async function measureAs4Inbound(entry: 'api' | 'all' | 'floor' = 'api'): Promise<Record<string, number | string>> {
    const api = await startApi([SELLER], {}, undefined, { entry });
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    try {
      const cart = Buffer.from(buildCartXml(sampleCart(CART_LINES)), 'utf8');
      const messageOf = partnerCatalogueMessages(api, T77);
      const messages = await Promise.all(Array.from({ length: WARMUP + MESSAGES }, () => messageOf(cart)));
      const latencies: number[] = [];
      let failure: string | undefined;
      const sendRange = async (from: number, to: number, record: boolean) => {
        let next = from;
        const worker = async () => {
          while (next < to) {
            const m = messages[next++]!;
            const res = await postAs4(api.port, m.contentType, m.body, agent);
            if (res.status !== 200 || !res.body.includes('Receipt')) failure ??= `HTTP ${res.status}: ${res.body.toString('utf8').slice(0, 600)}`;
            if (record) latencies.push(res.ms);
          }
        };
        await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      };
      await sendRange(0, WARMUP, false);
      if (failure) throw new Error(`warm-up message not accepted: ${failure}`);
      const cpuBefore = await cpuMs(api.pid);
      const threadsBefore = await cpuByThread(api.pid);
      const started = performance.now();
      await sendRange(WARMUP, WARMUP + MESSAGES, true);
      const seconds = (performance.now() - started) / 1000;
      const apiCpuMsPerMessage = ((await cpuMs(api.pid)) - cpuBefore) / MESSAGES;
      process.stderr.write(`as4-inbound API CPU ms per message by thread (user+system): ${threadCpuLine(threadsBefore, await cpuByThread(api.pid), MESSAGES)}\n`);
      if (failure) throw new Error(`message not accepted: ${failure}`);
      latencies.sort((a, b) => a - b);
      const throughput = MESSAGES / seconds;
      if (entry !== 'floor') process.stderr.write(`as4-inbound (${entry === 'all' ? 'npm start' : api.db}) mean ms per pipeline step (warm-up included): ${await stepMeans(api.port)}\n`);
      const limit = await rsaBoundMessagesPerSecond();
      return {
        msgs_per_s: throughput,
        p50_ms: percentile(latencies, 50),
        p99_ms: percentile(latencies, 99),
        limit_msgs_per_s: limit.perSecond,
        ratio: throughput / limit.perSecond,
        // CPU the API spent per message (all its processes and threads): the cost side of the throughput.
        api_cpu_ms_per_msg: apiCpuMsPerMessage,
        api_processes: api.apiProcesses,
        messages: MESSAGES,
        concurrency: CONCURRENCY,
        cart_bytes: cart.length,
        cores: limit.cores,
        db: api.db,
      };
    } finally {
      agent.destroy();
      await api.stop();
    }
}

/** Mean time per receive step from the API's own histogram, for finding where the time goes. */
async function stepMeans(port: number): Promise<string> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const sums = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const match of text.matchAll(/^peppol_ap_as4_inbound_step_duration_seconds_(sum|count)\{step="([^"]+)"\} (\S+)$/gm)) {
    (match[1] === 'sum' ? sums : counts).set(match[2]!, Number(match[3]));
  }
  return [...sums].map(([step, sum]) => `${step}=${((sum / (counts.get(step) || 1)) * 1000).toFixed(2)}`).join(' ');
}

