import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Agent } from 'node:http';
import type { BenchCase } from '../case.js';
import { postAs4 } from '../support/as4-harness.js';
import { SoakMessages, checkReply, type SoakMessage } from '../support/soak/soak-traffic.js';
import { SoakStack } from '../support/soak/soak-stack.js';

const DATABASE_URL = process.env.SCALE_OUT_DATABASE_URL ?? process.env.SOAK_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CARTS = Number(process.env.SCALE_OUT_CARTS ?? 300);
const CONCURRENCY = 32;
const DRAIN_TIMEOUT_MS = 15 * 60_000;

interface Leg {
  receivePerSecond: number;
  deliverPerSecond: number;
  lost: number;
  duplicates: number;
}

/** Orders per cart at the sample OMS (order.created events, one per webhook-id). */
function ordersAtOms(omsDataDir: string): Map<string, number> {
  const perOrder = new Map<string, Set<string>>();
  for (const name of readdirSync(omsDataDir).filter((n) => n.endsWith('.jsonl'))) {
    for (const line of readFileSync(path.join(omsDataDir, name), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const event = JSON.parse(line) as { webhookId: string; type: string; data: { messageId?: string } };
      if (event.type !== 'order.created' || !event.data.messageId) continue;
      const ids = perOrder.get(event.data.messageId) ?? new Set<string>();
      ids.add(event.webhookId);
      perOrder.set(event.data.messageId, ids);
    }
  }
  return new Map([...perOrder].map(([order, ids]) => [order, ids.size]));
}

/**
 * One leg: an API with `apiProcesses` HTTP processes receives CARTS carts (32 in flight) with no
 * worker running (receive rate); then `workers` worker processes turn the queued carts into orders
 * delivered to the OMS (delivery rate). Counts carts with a receipt but no order at the OMS (lost)
 * and extra orders for a cart (duplicates).
 */
async function leg(apiProcesses: number, workers: number): Promise<Leg> {
  const stack = new SoakStack(DATABASE_URL, { apiProcesses, workers: 0, env: { STORAGE_BACKEND: 'postgres' } });
  await stack.start();
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  try {
    const factory = new SoakMessages(stack.pki);
    const carts: SoakMessage[] = [];
    for (let i = 0; i < CARTS; i++) carts.push(await factory.make('cart'));
    const receipted: string[] = [];
    let next = 0;
    let failure: string | null = null;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < carts.length) {
          const cart = carts[next++]!;
          const res = await postAs4(stack.apiPort, cart.contentType, cart.body, agent);
          const problem = await checkReply(cart, res.status, res.body);
          if (problem) failure ??= problem;
          else receipted.push(cart.built.messageId);
        }
      }),
    );
    const receiveSeconds = (performance.now() - started) / 1000;
    if (failure) throw new Error(`cart not accepted: ${failure}`);

    const drainStarted = performance.now();
    await stack.startWorkers(workers);
    const deadline = Date.now() + DRAIN_TIMEOUT_MS;
    let delivered = 0;
    while (Date.now() < deadline) {
      const [row] = await stack.db.query<{ n: string }>(`SELECT count(*) AS n FROM messages WHERE kind = 'order' AND state = 'delivered'`);
      delivered = Number(row!.n);
      if (delivered >= receipted.length) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const deliverSeconds = (performance.now() - drainStarted) / 1000;
    // A moment more, so a duplicate delivery racing in would be counted too.
    await new Promise((r) => setTimeout(r, 2_000));

    const carted = await stack.db.query<{ id: string; as4_message_id: string }>(`SELECT id, as4_message_id FROM messages WHERE as4_message_id = ANY($1::text[])`, [receipted]);
    const orders = await stack.db.query<{ id: string; related_message_id: string }>(`SELECT id, related_message_id FROM messages WHERE kind = 'order' AND related_message_id = ANY($1::uuid[])`, [carted.map((c) => c.id)]);
    const atOms = ordersAtOms(stack.omsDataDir);
    const perCart = new Map<string, number>();
    for (const o of orders) perCart.set(o.related_message_id, (perCart.get(o.related_message_id) ?? 0) + (atOms.get(o.id) ?? 0));
    let lost = receipted.length - carted.length;
    let duplicates = 0;
    for (const c of carted) {
      const n = perCart.get(c.id) ?? 0;
      if (n === 0) lost++;
      duplicates += Math.max(0, n - 1);
    }
    return { receivePerSecond: receipted.length / receiveSeconds, deliverPerSecond: delivered / deliverSeconds, lost, duplicates };
  } finally {
    agent.destroy();
    await stack.stop();
  }
}

/**
 * Scale-out on one PostgreSQL and Redis, blobs in PostgreSQL: 1 → 2 API processes (receive rate)
 * and 1 → 2 worker processes (carts turned into orders delivered to the OMS), in one run.
 */
const scaleOut: BenchCase = {
  name: 'scale-out',
  async run() {
    const one = await leg(1, 1);
    const two = await leg(2, 2);
    return {
      api_ratio: two.receivePerSecond / one.receivePerSecond,
      worker_ratio: two.deliverPerSecond / one.deliverPerSecond,
      lost: one.lost + two.lost,
      duplicates: one.duplicates + two.duplicates,
      api1_msgs_per_s: one.receivePerSecond,
      api2_msgs_per_s: two.receivePerSecond,
      worker1_orders_per_s: one.deliverPerSecond,
      worker2_orders_per_s: two.deliverPerSecond,
      carts: CARTS,
    };
  },
};

export default scaleOut;
