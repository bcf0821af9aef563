import { parentPort, workerData } from 'node:worker_threads';
import { ValidationEngine, type EngineSettings, type ValidateOptions } from './validation-engine.js';

/** Messages between the pool and a worker thread. */
export type WorkerRequest =
  | { type: 'validate'; id: number; input: string | Uint8Array; options: ValidateOptions }
  | { type: 'use'; settings: EngineSettings };
export type WorkerReply =
  | { id: number; report: import('./validation-report.js').ValidationReport }
  | { id: number; error: { name: string; message: string } };

if (parentPort) {
  const port = parentPort;
  let engine = new ValidationEngine(workerData as EngineSettings);
  // Warmed between messages; a document that comes first does what is still missing itself.
  const warm = (e: ValidationEngine) => void e.warmUp().catch(() => undefined);
  warm(engine);
  port.on('message', (request: WorkerRequest) => {
    if (request.type === 'use') {
      engine.dispose();
      engine = new ValidationEngine(request.settings);
      warm(engine);
      return;
    }
    try {
      port.postMessage({ id: request.id, report: engine.validate(request.input, request.options) } satisfies WorkerReply);
    } catch (error) {
      const e = error as Error;
      port.postMessage({ id: request.id, error: { name: e.name, message: e.message } } satisfies WorkerReply);
    }
  });
}
