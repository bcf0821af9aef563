import type { EbmsError } from '../protocol/ebms-errors.js';

/**
 * HTTP status for an Error signal: transient delivery failures are 5xx so the
 * sender retries with the same MessageId; a body we could not read as AS4 is 400; every other
 * ebMS rejection travels as a 200 carrying the Error signal (phase4 behaviour).
 */
export function httpStatusForError(error: EbmsError): number {
  if (error.httpStatus !== undefined) return error.httpStatus;
  if (error.code === 'EBMS:0202') return 500;
  if (error.code === 'EBMS:0007') return 400;
  return 200;
}
