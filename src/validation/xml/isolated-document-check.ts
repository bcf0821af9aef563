import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { transactionRegistry } from '../../peppol/index.js';
import { packageRoot } from '../validation.config.js';
import type { DocumentCheck, DocumentCheckRequest } from './document-check.js';
import { schemaPathOf } from './schema-files.js';
import { SIGNAL_REPLIED, type DocumentCheckReply, type DocumentCheckWorkerData } from './document-check-worker.js';

class DocumentCheckThreadError extends Error {
  override name = 'DocumentCheckThreadError';
}

export interface IsolatedCheckSettings {
  ublSchemaDir: string;
  /**
   * Main document schemas the first waiting thread compiles before its document comes; the threads
   * after it compile those that large documents have needed so far.
   */
  xsdPaths: string[];
  /** Longest wait for one document's check. */
  timeoutMs: number;
}

interface SpareThread {
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
  ready: Promise<void>;
}

/** The built worker module (under the TypeScript sources, tests use the compiled copy in `dist/`). */
function workerFile(): string {
  const sibling = fileURLToPath(new URL('./document-check-worker.js', import.meta.url));
  if (existsSync(sibling)) return sibling;
  const built = path.join(packageRoot, 'dist/validation/xml/document-check-worker.js');
  if (existsSync(built)) return built;
  throw new DocumentCheckThreadError(`the document check thread is not built (${built}): run "npm run build"`);
}

/**
 * Runs libxml2's part of validation (parse, envelope, UBL schema) for large documents in a
 * single-use thread. libxml2's WebAssembly memory grows to several times the document and never
 * shrinks; in its own thread it is returned when the thread ends, before the schematron builds its
 * tree, so the two never add up. One thread waits with its schemas compiled; a used one is ended
 * and the next one started once the document is done. The caller blocks until the answer comes,
 * as it would for the same work on its own thread.
 */
export class IsolatedDocumentCheck {
  private readonly file = workerFile();
  private spare?: SpareThread;
  private refill?: NodeJS.Immediate;
  private closed = false;
  private readonly registry = transactionRegistry;
  /** Schemas that large documents needed: compiling every one each time would cost seconds per document. */
  private readonly needed = new Set<string>();

  constructor(private readonly settings: IsolatedCheckSettings) {
    this.spare = this.start();
  }

  /** Resolves once the waiting thread has compiled its schemas (or has failed to start). */
  ready(): Promise<void> {
    return (this.spare ??= this.start()).ready;
  }

  check(request: DocumentCheckRequest): DocumentCheck {
    if (this.closed) throw new DocumentCheckThreadError('the validation engine is closed');
    const thread = this.spare ?? this.start();
    this.spare = undefined;
    try {
      // The text stays here: the thread reads the bytes, and only an envelope's payload comes back.
      thread.port.postMessage({ bytes: request.bytes, forced: request.forced, runXsd: request.runXsd });
      waitForSignal(thread.signal, SIGNAL_REPLIED, this.settings.timeoutMs);
      const reply = receiveMessageOnPort(thread.port)?.message as DocumentCheckReply | undefined;
      if (!reply) throw new DocumentCheckThreadError('the document check thread ended without an answer');
      if ('error' in reply) throw Object.assign(new DocumentCheckThreadError(reply.error.message), { name: reply.error.name });
      const known = reply.check.transaction === null ? undefined : this.registry.get(reply.check.transaction);
      const xsdPath = known ? schemaPathOf(known) : undefined;
      if (xsdPath) this.needed.add(xsdPath);
      return reply.check;
    } finally {
      thread.port.close();
      void thread.worker.terminate();
      this.refill ??= setImmediate(() => {
        this.refill = undefined;
        if (!this.closed) this.spare ??= this.start();
      }).unref();
    }
  }

  dispose(): void {
    this.closed = true;
    if (this.refill) clearImmediate(this.refill);
    if (this.spare) {
      this.spare.port.close();
      void this.spare.worker.terminate();
      this.spare = undefined;
    }
  }

  private start(): SpareThread {
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const { port1, port2 } = new MessageChannel();
    const xsdPaths = this.needed.size ? [...this.needed] : this.settings.xsdPaths;
    const workerData: DocumentCheckWorkerData = { ublSchemaDir: this.settings.ublSchemaDir, xsdPaths, signal, port: port2 };
    const worker = new Worker(this.file, { workerData, transferList: [port2] });
    worker.unref();
    const ready = new Promise<void>((resolve) => {
      worker.once('message', () => resolve());
      worker.once('exit', () => resolve());
    });
    // A thread that fails shows up as a missing answer in check(); nothing else listens for it.
    worker.on('error', () => undefined);
    return { worker, port: port1, signal, ready };
  }
}

/** Blocks this thread until the value at [0] reaches `value`, or throws after `timeoutMs`. */
function waitForSignal(signal: Int32Array, value: number, timeoutMs: number): void {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current = Atomics.load(signal, 0);
    if (current >= value) return;
    const left = deadline - Date.now();
    if (left <= 0) throw new DocumentCheckThreadError(`the document check took more than ${timeoutMs} ms`);
    Atomics.wait(signal, 0, current, left);
  }
}
