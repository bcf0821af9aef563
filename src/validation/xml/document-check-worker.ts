import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { transactionRegistry } from '../../peppol/index.js';
import { checkDocument, type DocumentCheckRequest } from './document-check.js';
import { XsdValidation } from './xsd-validation.js';

/** What the engine hands this single-use thread when it starts it. */
export interface DocumentCheckWorkerData {
  ublSchemaDir: string;
  /** Main document schemas compiled while the thread waits for its document. */
  xsdPaths: string[];
  /** [0]: 0 starting, 1 ready, 2 reply posted; the engine blocks on it with Atomics.wait. */
  signal: Int32Array;
  port: MessagePort;
}

export type DocumentCheckReply = { check: import('./document-check.js').DocumentCheck } | { error: { name: string; message: string } };

export const SIGNAL_READY = 1;
export const SIGNAL_REPLIED = 2;

/**
 * Checks one large document with libxml2, then ends: its WebAssembly memory, which grows with the
 * document and never shrinks, goes with the thread instead of staying in the validating one.
 */
function main(data: DocumentCheckWorkerData): void {
  const signal = (value: number) => {
    Atomics.store(data.signal, 0, value);
    Atomics.notify(data.signal, 0);
  };
  const xsd = new XsdValidation(data.ublSchemaDir);
  try {
    for (const xsdPath of data.xsdPaths) xsd.prepare(xsdPath);
  } catch {
    // A schema that does not compile is reported again, as a finding, when a document needs it.
  }
  signal(SIGNAL_READY);
  parentPort?.postMessage('ready');
  data.port.once('message', (request: Omit<DocumentCheckRequest, 'text'>) => {
    let reply: DocumentCheckReply;
    try {
      // The text is only compared with the envelope's payload: the bytes are what libxml2 reads.
      reply = { check: checkDocument({ ...request, text: '' }, transactionRegistry, xsd) };
    } catch (error) {
      const e = error as Error;
      reply = { error: { name: e.name, message: e.message } };
    }
    data.port.postMessage(reply);
    signal(SIGNAL_REPLIED);
    data.port.close();
  });
}

if (workerData && (workerData as Partial<DocumentCheckWorkerData>).signal) main(workerData as DocumentCheckWorkerData);
