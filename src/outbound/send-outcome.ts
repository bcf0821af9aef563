import type { X509Certificate } from 'node:crypto';
import type { SignalError } from '../as4/signals/signal-reader.js';

/** What one attempt to send a UserMessage produced. `retryable` says whether the same MessageId may succeed later. */
export type As4SendOutcome =
  | {
      kind: 'receipt';
      retryable: false;
      httpStatus: number;
      receiptMessageId: string;
      /** The signed receipt, byte-exact: our proof of delivery. */
      reply: Buffer;
      /** The signed SOAP envelope we sent (the receipt's NonRepudiationInformation refers to it). */
      sentEnvelope: string;
      signer: X509Certificate;
      latencyMs: number;
    }
  | { kind: 'ebms-error'; retryable: boolean; httpStatus: number; code: string; errors: SignalError[]; reply: Buffer; message: string; latencyMs: number }
  /** A receipt that is not valid for what we sent (EBMS:0302): wrong signer, RefToMessageId or NRI. */
  | { kind: 'invalid-receipt'; retryable: false; httpStatus: number; code: 'EBMS:0302'; reply: Buffer; message: string; latencyMs: number }
  /** An HTTP answer without a usable signal: 5xx and "2xx without a receipt" may pass later, 4xx will not. */
  | { kind: 'http-error'; retryable: boolean; httpStatus: number; message: string; reply?: Buffer; latencyMs: number }
  | { kind: 'transport-error'; retryable: true; code: 'EBMS:0005'; error: string; message: string; latencyMs: number };

/**
 * ebMS errors that describe a passing condition at the receiver: delivery or
 * connection failures. Everything else is the receiver's final word on this message.
 */
const TRANSIENT_EBMS_CODES = new Set(['EBMS:0202', 'EBMS:0005', 'EBMS:0006']);

export function isTransientEbmsError(code: string): boolean {
  return TRANSIENT_EBMS_CODES.has(code);
}

/** HTTP statuses that say "try again later" when no Error signal explains them. */
export function isTransientHttpStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429 || (status >= 200 && status < 300);
}

/** One line for logs, timelines and the CLI. */
export function describeOutcome(outcome: As4SendOutcome): string {
  switch (outcome.kind) {
    case 'receipt':
      return `delivered: receipt ${outcome.receiptMessageId} (HTTP ${outcome.httpStatus})`;
    case 'ebms-error':
      return `refused by the receiver: ${outcome.message} (HTTP ${outcome.httpStatus})`;
    case 'invalid-receipt':
      return `${outcome.code} InvalidReceipt: ${outcome.message}`;
    case 'http-error':
      return `HTTP ${outcome.httpStatus}: ${outcome.message}`;
    case 'transport-error':
      return `${outcome.code} ConnectionFailure: ${outcome.message}`;
  }
}
