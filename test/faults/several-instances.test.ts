import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUES } from '../../src/queue/queues.js';
import type { RunningProcess } from '../support/processes.js';
import { FlowStack } from './support/flow-stack.js';
import { printCounts } from './support/ledger.js';
import { CartSender } from './support/sender.js';
import { sendCarts } from './support/traffic.js';
import { SEND_REPORTS_TASK } from '../../src/reporting/reporting.scheduler.js';
import { CHECK_ALERTS_TASK } from '../../src/alerts/alerts.scheduler.js';

const CARTS = 100;

function alive(p: RunningProcess): boolean {
  return p.child.exitCode === null && p.child.signalCode === null;
}

/**
 * Several instances, one truth: two API instances (as behind a load balancer: the sender goes to
 * the next one when an instance does not answer) and two worker instances on one PostgreSQL and
 * Redis, blobs in PostgreSQL. Under a stream of carts one API instance and one worker instance are
 * SIGKILLed and not restarted: every cart with a receipt becomes exactly one order at the OMS.
 * Scheduled work (reconciliation, housekeeping, the approval sweep, the monthly reports) exists once however many worker
 * processes scheduled it, and each period runs once.
 */
describe('fault: SIGKILL of one of two API instances and one of two worker instances under load', () => {
  const stack = new FlowStack({
    env: {
      STORAGE_BACKEND: 'postgres',
      RELIABILITY_RECONCILE_INTERVAL_SECONDS: '2',
      RELIABILITY_RECONCILE_GRACE_SECONDS: '5',
      RELIABILITY_HOUSEKEEPING_INTERVAL_SECONDS: '3',
    },
  });
  const apis: RunningProcess[] = [];
  const workers: RunningProcess[] = [];
  let maintenance: Queue;

  beforeAll(async () => {
    await stack.startFlow();
    apis.push(stack.api!, await stack.startInstance('main.js'));
    workers.push(stack.worker!, await stack.startInstance('worker.js'));
    let turn = 0;
    // A load balancer's view: the instances in turn, skipping one that is dead.
    stack.sender = new CartSender(stack.pki, () => {
      const live = apis.filter(alive);
      return `http://127.0.0.1:${live[turn++ % live.length]!.port}/as4`;
    });
    maintenance = new Queue(QUEUES.maintenance, { connection: { host: '127.0.0.1', port: 6379 }, prefix: stack.prefix });
  }, 400_000);
  afterAll(async () => {
    await maintenance?.close();
    await stack.stop();
  });

  it('delivers every receipted cart exactly once; scheduled work exists once', async () => {
    const kills: string[] = [];
    const traffic = await sendCarts(stack.sender, CARTS, {
      concurrency: 8,
      attempts: 30,
      delayMs: 300,
      during: async (i) => {
        if (i === 35) {
          await apis[1]!.stop('SIGKILL');
          kills.push('api');
        }
        if (i === 60) {
          await workers[1]!.stop('SIGKILL');
          kills.push('worker');
        }
      },
    });
    expect(kills).toEqual(['api', 'worker']);
    const counts = await stack.settle(traffic, 240_000);
    printCounts('several instances (2 API + 2 workers, one of each SIGKILLed)', counts, { retries: traffic.retries });
    if (counts.lost > 0) console.log(await stack.states());
    expect(counts).toMatchObject({ sent: CARTS, receipts: CARTS, delivered: CARTS, duplicates: 0, lost: 0, receiptsWithoutMessage: 0 });
    // The surviving instances did the work.
    expect(alive(apis[0]!) && alive(workers[0]!)).toBe(true);

    // Every worker process scheduled the same periodic tasks; each exists once, and each period is
    // one job (named by the scheduler and the period), whichever process ran it.
    const schedulers = await maintenance.getJobSchedulers(0, -1);
    expect(schedulers.map((s) => s.key).sort()).toEqual(['housekeeping', 'reconcile-pending', SEND_REPORTS_TASK, 'sweep-approvals', CHECK_ALERTS_TASK].sort());
    const runs = (await maintenance.getJobs(['completed'], 0, -1)).filter((j) => j.name === 'reconcile-pending' || j.data?.task === 'reconcile-pending');
    expect(runs.length).toBeGreaterThan(1);
    const periods = runs.map((j) => String(j.id).replace(/^repeat:[^:]+:/, ''));
    expect(new Set(periods).size).toBe(runs.length);
  }, 500_000);
});
