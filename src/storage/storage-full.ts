/**
 * Whether an error (or any error in its `cause` chain) says the disk holding DATA_DIR is full: the
 * system's ENOSPC or EDQUOT, passed on as text by the file writer thread, or the blob store's own
 * free-space floor (STORAGE_MIN_FREE_MB). Work failing for this reason waits for space instead of
 * spending its attempts: the fault is the machine's, not the message's.
 */
export function isStorageFull(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (code === 'ENOSPC' || code === 'EDQUOT') return true;
    if (typeof message === 'string' && STORAGE_FULL_TEXT.test(message)) return true;
  }
  return false;
}

const STORAGE_FULL_TEXT = /\bENOSPC\b|\bEDQUOT\b|no space left on device|disk quota exceeded|not enough free disk space/i;
