import { rmSync } from 'node:fs';
import { startOms, tempDir, type RunningOms } from '../../sample-oms/harness.js';
import { countOutcome, type FaultCounts } from './ledger.js';
import { CartSender } from './sender.js';
import { eventually, Stack, type StackOptions } from './stack.js';
import type { Traffic } from './traffic.js';

/** A stack running the whole flow: API, worker, and the sample OMS behind the supplier's webhook route. */
export class FlowStack extends Stack {
  oms!: RunningOms;
  private omsDir!: { dir: string; remove(): Promise<void> };
  sender!: CartSender;

  constructor(options: Omit<StackOptions, 'flow'> = {}) {
    super({ ...options, flow: true });
  }

  /** Starts everything; `apiEnv`/`workerEnv` override per role (e.g. the worker bypassing a proxy). */
  async startFlow(opts: { apiEnv?: Record<string, string>; workerEnv?: Record<string, string>; omsControls?: boolean } = {}): Promise<this> {
    await this.start();
    this.omsDir = await tempDir('ap-fault-oms-');
    this.oms = await startOms({ dataDir: this.omsDir.dir, testControls: opts.omsControls ?? false });
    await this.startApi(opts.apiEnv);
    await this.createWebhookRoute(`${this.oms.url}/webhooks`, this.oms.secret);
    await this.startWorker(opts.workerEnv);
    this.sender = new CartSender(this.pki, () => this.as4Url);
    return this;
  }

  get omsDataDir(): string {
    return this.omsDir.dir;
  }

  /** Waits until every cart with a receipt has its order at the OMS (or the time is up), then counts. */
  async settle(traffic: Traffic, timeoutMs: number): Promise<FaultCounts> {
    const count = () => countOutcome(this.db.db, this.omsDir.dir, traffic.sent, traffic.receipted);
    try {
      await eventually(async () => ((await count()).delivered >= traffic.receipted.size ? true : undefined), timeoutMs, 'every receipted cart delivered');
    } catch {
      // Counted below: what is missing shows as lost.
    }
    // A moment more, so a duplicate delivery racing in would be counted too.
    await new Promise((r) => setTimeout(r, 1_500));
    return count();
  }

  /** States of all messages, for a failure report. */
  async states(): Promise<string> {
    const rows = await this.db.db.query<{ kind: string; state: string; n: string }>(`SELECT kind, state, count(*) AS n FROM messages GROUP BY 1, 2 ORDER BY 1, 2`);
    return rows.map((r) => `${r.kind}/${r.state}=${r.n}`).join(' ');
  }

  override async stop(): Promise<void> {
    await super.stop();
    await this.oms?.server.stop();
    if (this.omsDir) rmSync(this.omsDir.dir, { recursive: true, force: true });
  }
}
