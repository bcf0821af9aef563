import { parentPort } from 'node:worker_threads';
import { isWorkerThread, workerData } from 'piscina';
import { ValidationEngine, type EngineSettings, type ValidateOptions } from './validation-engine.js';

/** One document for a validation thread of the pool. */
export interface ValidationTask {
  id: number;
  input: string | Uint8Array;
  options: ValidateOptions;
}
export type WorkerReply =
  | { report: import('./validation-report.js').ValidationReport }
  /** The engine's error, by name and message (a thrown error would lose its name on the way back). */
  | { error: { name: string; message: string } };
/** Sent to the pool when a thread starts on a document: its time limit counts from then. */
export interface WorkerNotice {
  started: number;
}

// Loaded by the pool in each thread; the settings are the pool's worker data.
const engine = isWorkerThread ? new ValidationEngine(workerData as EngineSettings) : undefined;
// Warmed between documents; a document that comes first does what is still missing itself.
void engine?.warmUp().catch(() => undefined);

export default function validate(task: ValidationTask): WorkerReply {
  parentPort?.postMessage({ started: task.id } satisfies WorkerNotice);
  try {
    return { report: engine!.validate(task.input, task.options) };
  } catch (error) {
    const e = error as Error;
    return { error: { name: e.name, message: e.message } };
  }
}
