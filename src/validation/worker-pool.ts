import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { EngineSettings, ValidateOptions } from './validation-engine.js';
import type { ValidationReport } from './validation-report.js';
import type { ValidationTask, WorkerNotice, WorkerReply } from './validation-worker.js';
import { packageRoot } from './validation.config.js';

export class ValidationTimeoutError extends Error {
  override name = 'ValidationTimeoutError';
}
export class ValidationWorkerError extends Error {
  override name = 'ValidationWorkerError';
}

export interface PoolLimits {
  size: number;
  timeoutMs: number;
  maxHeapMb: number;
}

/**
 * The built worker module. Under the TypeScript sources (tests) the compiled copy in `dist/` is used,
 * because a worker thread runs plain JavaScript.
 */
export function workerModule(): string {
  const sibling = fileURLToPath(new URL('./validation-worker.js', import.meta.url));
  if (existsSync(sibling)) return sibling;
  const built = path.join(packageRoot, 'dist/validation/validation-worker.js');
  if (existsSync(built)) return built;
  throw new ValidationWorkerError(`validation worker code is not built (${built}): run "npm run build", or use a pool size of 0`);
}

interface RunningTask {
  abort: AbortController;
  timer?: NodeJS.Timeout;
  timedOut: boolean;
}

/**
 * Validation threads on a Piscina pool: a fixed number of threads, one document per thread at a
 * time, the rest queued. This layer adds what the pool does not know: the time limit counts from
 * when a thread starts on the document (not while it waits in the queue), an overrun ends that
 * thread (Piscina starts a fresh one), and a new rule release gets fresh threads.
 */
export class WorkerPool {
  private pool: Piscina<ValidationTask, WorkerReply>;
  /** Pools of earlier releases finishing the documents they had when the release changed. */
  private readonly retiring = new Set<Piscina<ValidationTask, WorkerReply>>();
  private readonly running = new Map<number, RunningTask>();
  private readonly file = workerModule();
  private nextId = 1;
  private closed = false;

  constructor(settings: EngineSettings, private readonly limits: PoolLimits) {
    this.pool = this.startPool(settings);
  }

  async run(input: string | Uint8Array, options: ValidateOptions): Promise<ValidationReport> {
    if (this.closed) throw new ValidationWorkerError('the validator is closed');
    const id = this.nextId++;
    const task: RunningTask = { abort: new AbortController(), timedOut: false };
    this.running.set(id, task);
    let reply: WorkerReply;
    try {
      reply = await this.pool.run({ id, input, options }, { signal: task.abort.signal });
    } catch (error) {
      if (task.timedOut) throw new ValidationTimeoutError(`validation took more than ${this.limits.timeoutMs} ms`);
      if (this.closed) throw new ValidationWorkerError('the validator is closed');
      throw new ValidationWorkerError(`validation thread failed: ${(error as Error).message}`);
    } finally {
      clearTimeout(task.timer);
      this.running.delete(id);
    }
    if ('error' in reply) throw Object.assign(new Error(reply.error.message), { name: reply.error.name });
    return reply.report;
  }

  /**
   * Switches to new settings (a new rule release) for the documents that follow: fresh threads load
   * and warm the new rules while the old ones finish what they already had.
   */
  use(settings: EngineSettings): void {
    const old = this.pool;
    this.pool = this.startPool(settings);
    this.retiring.add(old);
    void old
      .close()
      .catch(() => undefined)
      .finally(() => this.retiring.delete(old));
  }

  async close(): Promise<void> {
    this.closed = true;
    const pools = [this.pool, ...this.retiring];
    this.retiring.clear();
    await Promise.all(pools.map((pool) => pool.destroy().catch(() => undefined)));
  }

  private startPool(settings: EngineSettings): Piscina<ValidationTask, WorkerReply> {
    const pool = new Piscina<ValidationTask, WorkerReply>({
      filename: this.file,
      minThreads: this.limits.size,
      maxThreads: this.limits.size,
      // Threads live as long as the pool: each holds a warmed engine.
      idleTimeout: Infinity,
      // An idle thread keeps its event loop running, so the engine warms up between documents.
      atomics: 'disabled',
      resourceLimits: { maxOldGenerationSizeMb: this.limits.maxHeapMb },
      workerData: settings,
      recordTiming: false,
    });
    pool.on('message', (notice: WorkerNotice) => this.started(notice.started));
    // A thread that fails between documents is replaced by the pool; its document (if any) fails in run().
    pool.on('error', () => undefined);
    return pool;
  }

  /** A thread took the document: its time starts now. */
  private started(id: number): void {
    const task = this.running.get(id);
    if (!task || task.timer) return;
    task.timer = setTimeout(() => {
      task.timedOut = true;
      // Aborting a running task ends its thread; the pool starts a new one in its place.
      task.abort.abort();
    }, this.limits.timeoutMs);
  }
}
