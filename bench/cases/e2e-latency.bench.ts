import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startDemoEnvironment } from '../../src/demo/demo-environment.js';
import { sendCartAsPartner } from '../../src/demo/partner-ap.js';
import { DEMO_BUYER, DEMO_SUPPLIER, freshCartXml } from '../../src/demo/scenario.js';
import type { StoredEvent } from '../../src/sample-oms/event-store.js';
import type { BenchCase } from '../case.js';

const WARMUP = 3;
const RUNS = Number(process.env.BENCH_E2E_RUNS ?? 30);
const PER_RUN_TIMEOUT_MS = 30_000;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Milliseconds from sending the cart until the sample OMS has verified and stored its order. */
async function oneCart(env: Awaited<ReturnType<typeof startDemoEnvironment>>, cartId: string): Promise<number> {
  const started = performance.now();
  const sent = await sendCartAsPartner(`${env.base}/as4`, env.pki, {
    cartXml: freshCartXml(cartId, new Date()),
    sender: DEMO_SUPPLIER,
    receiver: DEMO_BUYER,
  });
  if (sent.status !== 200) throw new Error(`AS4 endpoint answered HTTP ${sent.status}`);
  const deadline = started + PER_RUN_TIMEOUT_MS;
  for (;;) {
    // Carts go one at a time, so the newest order is ours once it arrived; a longer list would only
    // make the probe itself (serialising and parsing whole orders every few ms) compete for the CPU.
    const events = (await (await fetch(`${env.omsUrl}/events?type=order.created&limit=1`)).json()) as StoredEvent[];
    if (events.some((e) => (e.data as { order?: { quotationReference?: string } }).order?.quotationReference === cartId)) {
      return performance.now() - started;
    }
    if (performance.now() > deadline) throw new Error(`the order of ${cartId} did not reach the sample OMS in ${PER_RUN_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/**
 * Punch-out cart over AS4 into our access point (API and worker in one process, embedded database)
 * until the `order.created` webhook is verified and stored by the sample OMS: one cart at a time.
 */
const e2eLatency: BenchCase = {
  name: 'e2e-latency',
  async run() {
    const dir = await mkdtemp(path.join(tmpdir(), 'bench-e2e-'));
    const env = await startDemoEnvironment(dir, () => undefined);
    try {
      for (let i = 0; i < WARMUP; i++) await oneCart(env, `CART-WARM-${i}`);
      const samples: number[] = [];
      for (let i = 0; i < RUNS; i++) samples.push(await oneCart(env, `CART-BENCH-${i}`));
      samples.sort((a, b) => a - b);
      return { p50_ms: percentile(samples, 50), p99_ms: percentile(samples, 99), runs: samples.length };
    } finally {
      await env.stop();
      await rm(dir, { recursive: true, force: true });
    }
  },
};

export default e2eLatency;
