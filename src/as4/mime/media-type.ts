import { MIMEType } from 'node:util';

export interface MediaType {
  /** Lower-case `type/subtype`. */
  readonly essence: string;
  readonly params: ReadonlyMap<string, string>;
}

/** Parses a Content-Type value (WHATWG MIME type rules via node:util); throws on bad syntax. */
export function parseMediaType(value: string | undefined): MediaType {
  if (value === undefined || value.trim() === '') throw new Error('Content-Type is missing');
  if (value.length > 4096) throw new Error('Content-Type is longer than 4096 characters');
  const parsed = new MIMEType(value.trim());
  return { essence: parsed.essence.toLowerCase(), params: new Map(parsed.params.entries()) };
}

/** `<id>` → `id`; Content-ID values are referenced as `cid:id` without brackets. */
export function contentIdFromHeader(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  const m = /^<([^<>\s]+)>$/.exec(trimmed);
  if (m) return m[1];
  return /^[^<>\s]+$/.test(trimmed) ? trimmed : undefined;
}

/** `cid:abc%40x` → `abc@x` (RFC 2392: the cid URL is percent-encoded). */
export function contentIdFromCidUri(uri: string): string | undefined {
  if (!uri.toLowerCase().startsWith('cid:')) return undefined;
  try {
    const id = decodeURIComponent(uri.slice(4));
    return id.length > 0 ? id : undefined;
  } catch {
    return undefined;
  }
}
