/** A MIME part's header block, as the framing layer found it; failures are the sender's MIME errors. */
export class MimeHeaderError extends Error {
  override name = 'MimeHeaderError';
}

/** Header fields by lower-case name; folded values unfolded, surrounding whitespace removed. */
export type MimeHeaders = ReadonlyMap<string, string>;

/** Fields whose second occurrence would make the part ambiguous. */
const SINGLE = new Set(['content-type', 'content-id', 'content-transfer-encoding', 'content-length']);

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** RFC 5322 §2.2: a field name is printable US-ASCII except the colon. */
const FIELD_NAME = /^[\x21-\x39\x3b-\x7e]+$/;
/** Control characters other than HT are never part of a field body. */
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;

export interface ParsedHeaderBlock {
  readonly headers: MimeHeaders;
  /** Line ends written as a bare LF instead of CRLF (common, though not legal). */
  readonly bareLineFeeds: number;
}

/**
 * Parses a part's header block (everything before the empty line, without it): names are matched
 * case-insensitively, folded lines (starting with SP or HT) are unfolded, whitespace before the
 * colon (RFC 5322 obsolete syntax) is accepted. A line that is not a header field, a control
 * character, bytes that are not UTF-8, or a repeated Content-* field is refused.
 */
export function parseHeaderBlock(block: Uint8Array): ParsedHeaderBlock {
  let text: string;
  try {
    text = utf8.decode(block);
  } catch {
    throw new MimeHeaderError('part headers are not UTF-8 text');
  }
  const headers = new Map<string, string>();
  let bareLineFeeds = 0;
  const lines: string[] = [];
  if (text.length > 0) {
    // The block ends where the empty line starts: every line in it, the last too, ends with LF.
    if (!text.endsWith('\n')) throw new MimeHeaderError('the part headers do not end with a line break');
    for (const line of text.slice(0, -1).split('\n')) {
      if (line.endsWith('\r')) lines.push(line.slice(0, -1));
      else {
        bareLineFeeds++;
        lines.push(line);
      }
    }
  }
  const fields: string[] = [];
  for (const line of lines) {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (fields.length === 0) throw new MimeHeaderError('the part headers start with a continuation line');
      fields[fields.length - 1] += line;
    } else {
      fields.push(line);
    }
  }
  for (const field of fields) {
    const colon = field.indexOf(':');
    const name = (colon < 0 ? field : field.slice(0, colon)).replace(/[ \t]+$/, '');
    if (colon < 0 || !FIELD_NAME.test(name)) throw new MimeHeaderError(`malformed MIME header line ${JSON.stringify(printable(field))}`);
    const value = field.slice(colon + 1);
    if (CONTROL.test(value)) throw new MimeHeaderError(`MIME header ${name} contains a control character`);
    const key = name.toLowerCase();
    const trimmed = value.trim();
    const earlier = headers.get(key);
    if (earlier !== undefined) {
      if (SINGLE.has(key)) throw new MimeHeaderError(`MIME header ${name} appears twice in one part`);
      headers.set(key, `${earlier}, ${trimmed}`);
    } else {
      headers.set(key, trimmed);
    }
  }
  return { headers, bareLineFeeds };
}

/** For error descriptions: control characters shown as escapes, length bounded. */
function printable(value: string): string {
  return value.slice(0, 80).replace(/[\x00-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
