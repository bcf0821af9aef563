import { EbmsError } from '../../protocol/ebms-errors.js';

/** A port failed: no receipt, the sender must retry (EBMS:0202, HTTP 500). */
export function portFailure(what: string, cause: unknown): EbmsError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new EbmsError('EBMS:0202', `${what} failed; please retry later`, undefined, {
    httpStatus: 500,
    cause,
    description: `${what} failed: ${reason}`,
  });
}
