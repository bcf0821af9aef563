import { SaxesParser } from 'saxes';

/** Why a document was refused before any parser built a tree from it. */
export class DocumentRefusedError extends Error {
  override name = 'DocumentRefusedError';
  constructor(
    readonly code: 'XML-SIZE' | 'XML-ENCODING' | 'XML-DOCTYPE' | 'XML-WELLFORMED',
    message: string,
  ) {
    super(message);
  }
}

/** Small steps: the root element usually starts within the first few hundred characters. */
const SCAN_CHUNK = 512;
/** The encoding named by the XML declaration (an ASCII-compatible prefix; XML 1.0 appendix F). */
const DECLARED_ENCODING = /^(?:\xEF\xBB\xBF)?<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/;

/** Decodes with the declared encoding (UTF-8 when none), refusing bytes that are not in it. */
function decode(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 256)).toString('latin1');
  const label = DECLARED_ENCODING.exec(head)?.[1] ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw new DocumentRefusedError('XML-ENCODING', `unsupported encoding ${JSON.stringify(label)}`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new DocumentRefusedError('XML-ENCODING', `document is not valid ${label}`);
  }
}

/**
 * Decodes a document and refuses it before parsing when it is too large, not in its declared
 * encoding or carries a DOCTYPE (no DTD is ever processed). Only the prolog is scanned,
 * by a streaming parser that stops at the root element.
 */
export interface AdmittedDocument {
  text: string;
  /** The bytes as received, for parsers that honour the declared encoding themselves. */
  bytes: Uint8Array;
}

export function admitDocument(input: Buffer | Uint8Array | string, maxBytes: number): AdmittedDocument {
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (size > maxBytes) {
    throw new DocumentRefusedError('XML-SIZE', `document is ${size} bytes, more than the limit of ${maxBytes}`);
  }
  let text: string;
  if (typeof input === 'string') {
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  } else {
    text = decode(input);
  }
  scanProlog(text);
  return { text, bytes: typeof input === 'string' ? Buffer.from(text, 'utf8') : input };
}

/** Streams the text up to the root element's start tag; throws on a DOCTYPE or a broken prolog. */
function scanProlog(text: string): void {
  const parser = new SaxesParser({ xmlns: false });
  let doctype = false;
  let rootSeen = false;
  parser.on('doctype', () => {
    doctype = true;
  });
  parser.on('opentagstart', () => {
    rootSeen = true;
  });
  for (let at = 0; at < text.length && !rootSeen && !doctype; at += SCAN_CHUNK) {
    try {
      parser.write(text.slice(at, at + SCAN_CHUNK));
    } catch (error) {
      if (doctype || rootSeen) break;
      // The prolog cannot be read, so whether a DTD follows cannot be told: refuse.
      throw new DocumentRefusedError('XML-WELLFORMED', `not well-formed before the root element: ${(error as Error).message}`);
    }
  }
  if (doctype) {
    throw new DocumentRefusedError('XML-DOCTYPE', 'document has a DOCTYPE declaration; DTDs are not accepted');
  }
}
