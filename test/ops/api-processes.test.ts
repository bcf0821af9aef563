import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CartSender } from '../faults/support/sender.js';
import { eventually, Stack } from '../faults/support/stack.js';

const MESSAGES = 12;

/** `peppol_ap_as4_inbound_total{outcome="receipt"}` in a Prometheus text scrape. */
function receipts(scrape: string): number {
  const m = /^peppol_ap_as4_inbound_total\{outcome="receipt"\} (\d+)/m.exec(scrape);
  return m ? Number(m[1]) : 0;
}

/** The pids of the HTTP processes that answered POST /as4 (one access-log line per request). */
function as4Pids(output: string): Set<number> {
  const pids = new Set<number>();
  for (const line of output.split('\n')) {
    if (!line.includes('"/as4"') || !line.startsWith('{')) continue;
    try {
      const entry = JSON.parse(line) as { pid?: number; req?: { method?: string; path?: string } };
      if (entry.req?.method === 'POST' && entry.req.path === '/as4' && entry.pid) pids.add(entry.pid);
    } catch {
      // not a log line
    }
  }
  return pids;
}

/**
 * The API role on every core: API_PROCESSES=2 runs a supervisor and two HTTP processes on one port,
 * each with its own pools. Requests are spread over both; /metrics counts for both together; a
 * process killed with SIGKILL is replaced; SIGTERM drains all and exits 0.
 */
describe('API_PROCESSES: several HTTP processes on one port', () => {
  const stack = new Stack();
  let sender: CartSender;

  beforeAll(async () => {
    await stack.start();
    await stack.startApi({ API_PROCESSES: '2' });
    sender = new CartSender(stack.pki, () => stack.as4Url);
  }, 120_000);
  afterAll(() => stack.stop());

  it('starts two processes on one port, spreads requests over them and aggregates their metrics', async () => {
    expect(stack.api!.output()).toMatch(/API listening on port \d+ \(2 processes\)/);
    // The start banner, once (from the first process), not once per process.
    await eventually(async () => (/AS4 endpoint {6}http:/.test(stack.api!.output()) ? true : undefined), 10_000, 'the start banner');
    expect(stack.api!.output().match(/AS4 endpoint {6}http:/g)).toHaveLength(1);
    for (let i = 0; i < MESSAGES; i++) {
      const outcome = await sender.sendUntilReceipt(await sender.prepare(), { attempts: 5, delayMs: 300 });
      expect(outcome.receipt).toBe(true);
    }
    // Round-robin: both processes answered AS4 requests.
    await eventually(async () => (as4Pids(stack.api!.output()).size === 2 ? true : undefined), 10_000, 'access-log lines of both processes');
    // Whichever process answers the scrape, it reports the receipts of both.
    for (let i = 0; i < 4; i++) {
      const scrape = await (await fetch(`${stack.apiUrl}/metrics`)).text();
      expect(receipts(scrape)).toBe(MESSAGES);
      expect(scrape).toMatch(/^peppol_ap_queue_jobs\{queue="inbound",state="waiting"\} \d+/m);
    }
  }, 120_000);

  it('replaces a process killed with SIGKILL and keeps answering', async () => {
    const [victim] = [...as4Pids(stack.api!.output())];
    process.kill(victim!, 'SIGKILL');
    await eventually(async () => (/API process died: started a replacement/.test(stack.api!.output()) ? true : undefined), 30_000, 'the replacement');
    for (let i = 0; i < 4; i++) {
      const outcome = await sender.sendUntilReceipt(await sender.prepare(), { attempts: 20, delayMs: 300 });
      expect(outcome.receipt).toBe(true);
    }
    expect((await fetch(`${stack.apiUrl}/health/ready`)).status).toBe(200);
  }, 120_000);

  it('SIGTERM drains every process and the supervisor exits 0', async () => {
    expect(await stack.api!.stop('SIGTERM')).toBe(0);
    expect(stack.api!.output().match(/"msg":"stopped"/g)?.length).toBeGreaterThanOrEqual(3);
  }, 60_000);
});
