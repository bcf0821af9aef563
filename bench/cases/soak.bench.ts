import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import type { BenchCase } from '../case.js';
import { Clock } from '../../src/common/clock.js';
import { MessageRepository } from '../../src/messages/message-repository.js';
import { mean, percentile, SoakMonitor } from '../support/soak/soak-monitor.js';
import { SoakStack } from '../support/soak/soak-stack.js';
import { checkReply, SOAK_MIX, SoakMessages, type SoakMessage } from '../support/soak/soak-traffic.js';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const RATE = Number(process.env.SOAK_RATE ?? 4);
const DATABASE_URL = process.env.SOAK_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const MAX_IN_FLIGHT = 64;
const DRAIN_MS = 180_000;

function post(port: number, m: SoakMessage): Promise<{ status: number; body: Buffer; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/as4', headers: { 'Content-Type': m.contentType, 'Content-Length': m.body.length } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), ms: performance.now() - started }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(m.body);
  });
}

/** order.created events the sample OMS accepted. */
function ordersAtOms(omsDir: string): number {
  let n = 0;
  for (const name of readdirSync(omsDir).filter((f) => f.endsWith('.jsonl'))) {
    n += readFileSync(path.join(omsDir, name), 'utf8').split('\n').filter((l) => l.includes('"type":"order.created"')).length;
  }
  return n;
}

/**
 * Mixed traffic at a fixed rate against the API and worker processes (carts, catalogues, resent
 * duplicates, refused messages) for SOAK_SECONDS (10 minutes by default): every reply as it must
 * be, every cart's order at the OMS afterwards, and RSS and event-loop lag in the first and the
 * last minute side by side.
 */
const soak: BenchCase = {
  name: 'soak',
  async run() {
    const stack = new SoakStack(DATABASE_URL);
    try {
      await stack.start();
    } catch (error) {
      // What did start (the API, the OMS, the schema) must not outlive a failed start.
      await stack.stop().catch(() => undefined);
      throw error;
    }
    const monitor = new SoakMonitor(stack.apiPort, stack.worker!.pid);
    const messages = new SoakMessages(stack.pki);
    const accepted: SoakMessage[] = [];
    const replies: Array<{ at: number; ms: number }> = [];
    const errors: string[] = [];
    const counts = { cart: 0, catalogue: 0, duplicate: 0, invalid: 0 };
    let inFlight = 0;
    try {
      monitor.start(5_000);
      const started = performance.now();
      const total = Math.round(SECONDS * RATE);
      const pending: Array<Promise<void>> = [];
      for (let i = 0; i < total; i++) {
        // Fixed rate: message i leaves at i / RATE seconds, whatever the replies do.
        const due = started + (i * 1000) / RATE;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        let kind = SOAK_MIX[i % SOAK_MIX.length]!;
        if (kind === 'duplicate' && accepted.length === 0) kind = 'cart';
        if (inFlight >= MAX_IN_FLIGHT) {
          errors.push(`message ${i}: ${inFlight} replies outstanding, the API is not keeping up`);
          continue;
        }
        const message: SoakMessage =
          kind === 'duplicate' ? { ...accepted[Math.floor(Math.random() * accepted.length)]!, kind: 'duplicate' } : await messages.make(kind);
        counts[kind]++;
        inFlight++;
        pending.push(
          post(stack.apiPort, message)
            .then(async (res) => {
              replies.push({ at: (performance.now() - started) / 1000, ms: res.ms });
              const problem = await checkReply(message, res.status, res.body);
              if (problem) errors.push(problem);
              else if (kind === 'cart' || kind === 'catalogue') accepted.push({ ...message, firstReply: res.body });
            })
            .catch((error: Error) => void errors.push(`${kind}: ${error.message}`))
            .finally(() => inFlight--),
        );
      }
      await Promise.all(pending);
      const seconds = (performance.now() - started) / 1000;
      monitor.stop();

      // Drain: every accepted cart's order must reach the OMS.
      const carts = accepted.filter((m) => m.kind === 'cart').length;
      const omsDir = path.join(stack.dataDir, 'oms');
      const drainUntil = Date.now() + DRAIN_MS;
      while (ordersAtOms(omsDir) < carts && Date.now() < drainUntil) await new Promise((r) => setTimeout(r, 1_000));
      const delivered = ordersAtOms(omsDir);
      if (delivered !== carts) errors.push(`${carts} carts accepted, ${delivered} orders at the OMS`);
      const byState = await new MessageRepository(stack.db, new Clock()).countByDirectionAndState();
      const failed = byState.filter((c) => c.state === 'failed').reduce((sum, c) => sum + c.count, 0);
      if (failed > 0) errors.push(`${failed} messages failed`);

      const window = Math.min(60, seconds / 3);
      const first = monitor.samples.filter((s) => s.at <= window);
      const last = monitor.samples.filter((s) => s.at >= seconds - window);
      const latencies = (from: number, to: number) => replies.filter((r) => r.at >= from && r.at <= to).map((r) => r.ms);
      for (const e of new Set(errors)) process.stderr.write(`soak: ${e}\n`);
      return {
        seconds,
        rate_msgs_per_s: RATE,
        sent: counts.cart + counts.catalogue + counts.duplicate + counts.invalid,
        carts: counts.cart,
        catalogues: counts.catalogue,
        duplicates: counts.duplicate,
        invalid: counts.invalid,
        errors: errors.length,
        orders_delivered: delivered,
        window_s: window,
        api_rss_first_mb: mean(first.map((s) => s.apiRssMb)),
        api_rss_last_mb: mean(last.map((s) => s.apiRssMb)),
        worker_rss_first_mb: mean(first.map((s) => s.workerRssMb)),
        worker_rss_last_mb: mean(last.map((s) => s.workerRssMb)),
        lag_p99_first_ms: Math.max(...first.map((s) => s.apiLagP99Ms)),
        lag_p99_last_ms: Math.max(...last.map((s) => s.apiLagP99Ms)),
        reply_p99_first_ms: percentile(latencies(0, window), 99),
        reply_p99_last_ms: percentile(latencies(seconds - window, seconds), 99),
      };
    } finally {
      monitor.stop();
      await stack.stop();
    }
  },
};

export default soak;
