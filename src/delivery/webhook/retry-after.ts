/**
 * Reads a `Retry-After` header (RFC 9110 §10.2.3): delay-seconds or an HTTP date. Returns whole
 * seconds from `now` (never negative), or undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > 64) return undefined;
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed), Number.MAX_SAFE_INTEGER);
  // HTTP dates always name the weekday and end in GMT; requiring that avoids Date.parse's leniency.
  if (!/^[A-Za-z]{3}, .+ GMT$/.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}
