export interface MediaType {
  /** Lower-case `type/subtype`. */
  readonly essence: string;
  /** Parameters by lower-case name; values unquoted, case kept. */
  readonly params: ReadonlyMap<string, string>;
}

const TOKEN = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;

/**
 * Parses a Content-Type value (RFC 2045 §5.1): names case-insensitive, parameters in any order,
 * values quoted (with backslash escapes) or not; an unquoted value runs to the next `;` even when
 * it holds characters RFC 2045 wants quoted (`@`, `<`, `=`), as several stacks write them.
 * Throws on bad syntax.
 */
export function parseMediaType(value: string | undefined): MediaType {
  if (value === undefined || value.trim() === '') throw new Error('Content-Type is missing');
  if (value.length > 4096) throw new Error('Content-Type is longer than 4096 characters');
  if (CONTROL.test(value)) throw new Error('Content-Type contains a control character');
  const firstSemicolon = value.indexOf(';');
  const essence = (firstSemicolon < 0 ? value : value.slice(0, firstSemicolon)).trim().toLowerCase();
  const [type, subtype, ...rest] = essence.split('/');
  if (rest.length > 0 || !type || !subtype || !TOKEN.test(type) || !TOKEN.test(subtype)) {
    throw new Error(`${JSON.stringify(essence.slice(0, 80))} is not a media type`);
  }
  const params = new Map<string, string>();
  let at = firstSemicolon < 0 ? value.length : firstSemicolon;
  while (at < value.length) {
    at++; // the ';'
    const equals = value.indexOf('=', at);
    const nextSemicolon = value.indexOf(';', at);
    if (equals < 0 || (nextSemicolon >= 0 && nextSemicolon < equals)) {
      // An empty parameter (`;;` or a trailing `;`) is harmless; anything else lacks its value.
      const stray = value.slice(at, nextSemicolon < 0 ? value.length : nextSemicolon).trim();
      if (stray !== '') throw new Error(`parameter ${JSON.stringify(stray.slice(0, 40))} has no value`);
      at = nextSemicolon < 0 ? value.length : nextSemicolon;
      continue;
    }
    const name = value.slice(at, equals).trim().toLowerCase();
    if (!TOKEN.test(name)) throw new Error(`${JSON.stringify(name.slice(0, 40))} is not a parameter name`);
    let cursor = equals + 1;
    while (value[cursor] === ' ' || value[cursor] === '\t') cursor++;
    let parameter: string;
    if (value[cursor] === '"') {
      parameter = '';
      cursor++;
      for (;;) {
        if (cursor >= value.length) throw new Error(`the quoted value of ${name} is not closed`);
        const c = value[cursor]!;
        if (c === '"') break;
        if (c === '\\' && cursor + 1 < value.length) cursor++;
        parameter += value[cursor];
        cursor++;
      }
      cursor++;
      const after = value.indexOf(';', cursor);
      if (value.slice(cursor, after < 0 ? value.length : after).trim() !== '') throw new Error(`text after the quoted value of ${name}`);
      at = after < 0 ? value.length : after;
    } else {
      const end = value.indexOf(';', cursor);
      parameter = value.slice(cursor, end < 0 ? value.length : end).trim();
      at = end < 0 ? value.length : end;
    }
    if (params.has(name)) throw new Error(`parameter ${name} appears twice`);
    params.set(name, parameter);
  }
  return { essence, params };
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
