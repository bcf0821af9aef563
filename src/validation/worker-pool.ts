import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EngineSettings, ValidateOptions } from './validation-engine.js';
import type { ValidationReport } from './validation-report.js';
import type { WorkerReply, WorkerRequest } from './validation-worker.js';
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

interface Task {
  id: number;
  input: string | Uint8Array;
  options: ValidateOptions;
  resolve: (report: ValidationReport) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  task?: Task;
  timer?: NodeJS.Timeout;
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

/** Fixed-size pool of validation threads; one document per thread at a time, the rest queued. */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private readonly file = workerModule();
  private nextId = 1;
  private closed = false;

  constructor(private settings: EngineSettings, private readonly limits: PoolLimits) {
    for (let i = 0; i < limits.size; i++) this.slots.push(this.spawn());
  }

  run(input: string | Uint8Array, options: ValidateOptions): Promise<ValidationReport> {
    if (this.closed) return Promise.reject(new ValidationWorkerError('the validator is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, input, options, resolve, reject });
      this.dispatch();
    });
  }

  /** Switches every thread to new settings (a new rule release) for the documents that follow. */
  use(settings: EngineSettings): void {
    this.settings = settings;
    for (const slot of this.slots) slot.worker.postMessage({ type: 'use', settings } satisfies WorkerRequest);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new ValidationWorkerError('the validator is closed'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const slot: Slot = { worker: this.startWorker() };
    this.listen(slot);
    return slot;
  }

  private startWorker(): Worker {
    const worker = new Worker(this.file, {
      workerData: this.settings,
      resourceLimits: { maxOldGenerationSizeMb: this.limits.maxHeapMb },
    });
    worker.unref();
    return worker;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.task || this.queue.length === 0) continue;
      const task = this.queue.shift()!;
      slot.task = task;
      slot.worker.ref();
      slot.timer = setTimeout(() => {
        this.replace(slot, new ValidationTimeoutError(`validation took more than ${this.limits.timeoutMs} ms`));
      }, this.limits.timeoutMs);
      slot.worker.postMessage({ type: 'validate', id: task.id, input: task.input, options: task.options } satisfies WorkerRequest);
    }
  }

  private settle(slot: Slot, reply: WorkerReply): void {
    const task = slot.task;
    if (!task || task.id !== reply.id) return;
    this.release(slot);
    if ('report' in reply) task.resolve(reply.report);
    else task.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
    this.dispatch();
  }

  private release(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.task = undefined;
    slot.worker.unref();
  }

  /** A thread that failed or overran is dropped; its document fails, the others go on. */
  private replace(slot: Slot, error: Error): void {
    if (this.closed) return;
    const task = slot.task;
    this.release(slot);
    const old = slot.worker;
    slot.worker = this.startWorker();
    this.listen(slot);
    void old.terminate();
    task?.reject(error);
    this.dispatch();
  }

  private listen(slot: Slot): void {
    const worker = slot.worker;
    worker.on('message', (reply: WorkerReply) => {
      if (slot.worker === worker) this.settle(slot, reply);
    });
    worker.on('error', (error) => {
      if (slot.worker === worker) this.replace(slot, new ValidationWorkerError(`validation thread failed: ${error.message}`));
    });
    worker.on('exit', (code) => {
      if (!this.closed && slot.worker === worker) this.replace(slot, new ValidationWorkerError(`validation thread exited with code ${code}`));
    });
  }
}
