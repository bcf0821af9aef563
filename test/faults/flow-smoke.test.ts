import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOms, tempDir, type RunningOms } from '../sample-oms/harness.js';
import { countOutcome, printCounts } from './support/ledger.js';
import { CartSender } from './support/sender.js';
import { eventually, Stack } from './support/stack.js';
import { sendCarts } from './support/traffic.js';

describe('fault harness: carts over AS4 to orders at the sample OMS (API, worker, OMS)', () => {
  const stack = new Stack({ flow: true });
  let oms: RunningOms;
  let omsDir: { dir: string; remove(): Promise<void> };

  beforeAll(async () => {
    await stack.start();
    omsDir = await tempDir('ap-fault-oms-');
    oms = await startOms({ dataDir: omsDir.dir });
    await stack.startApi();
    await stack.createWebhookRoute(`${oms.url}/webhooks`, oms.secret);
    await stack.startWorker();
  });
  afterAll(async () => {
    await stack.stop();
    await oms?.server.stop();
    rmSync(omsDir.dir, { recursive: true, force: true });
  });

  it('delivers every cart exactly once with nothing going wrong', async () => {
    const sender = new CartSender(stack.pki, () => stack.as4Url);
    const started = Date.now();
    const traffic = await sendCarts(sender, 20, { concurrency: 4, attempts: 5, delayMs: 500 });
    const counts = await eventually(async () => {
      const c = await countOutcome(stack.db.db, omsDir.dir, traffic.sent, traffic.receipted);
      return c.delivered === traffic.sent.length ? c : undefined;
    }, 120_000, 'every order at the OMS').catch(async (e: Error) => {
      console.log(await stack.db.db.query(`SELECT kind, state, count(*) FROM messages GROUP BY 1, 2`));
      console.log(stack.worker?.output().slice(-3000));
      throw e;
    });
    printCounts('smoke', counts, { seconds: Math.round((Date.now() - started) / 1000) });
    expect(counts).toMatchObject({ receipts: 20, delivered: 20, duplicates: 0, lost: 0, receiptsWithoutMessage: 0 });
  }, 180_000);
});
