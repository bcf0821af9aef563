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

const SCAN_CHUNK = 64 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decodes a document and refuses it before parsing when it is too large, not UTF-8 (Peppol
 * documents are UTF-8) or carries a DOCTYPE (no DTD is ever processed). Only the prolog is scanned,
 * by a streaming parser that stops at the root element.
 */
export function admitDocument(input: Buffer | Uint8Array | string, maxBytes: number): string {
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (size > maxBytes) {
    throw new DocumentRefusedError('XML-SIZE', `document is ${size} bytes, more than the limit of ${maxBytes}`);
  }
  let text: string;
  if (typeof input === 'string') {
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  } else {
    try {
      text = utf8.decode(input);
    } catch {
      throw new DocumentRefusedError('XML-ENCODING', 'document is not valid UTF-8');
    }
  }
  scanProlog(text);
  return text;
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
