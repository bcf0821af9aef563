/** Raised when the bytes of an XML document cannot be turned into text. */
export class XmlEncodingError extends Error {
  override name = 'XmlEncodingError';
}

type Charset = 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin1' | 'windows-1252';

const DECLARED: Record<string, Charset> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'us-ascii': 'utf-8',
  ascii: 'utf-8',
  'iso-8859-1': 'latin1',
  'iso8859-1': 'latin1',
  latin1: 'latin1',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'utf-16': 'utf-16le',
};

/**
 * Picks the charset of an XML entity from its first bytes: a byte order mark wins, then the
 * `encoding` pseudo-attribute of the XML declaration, else UTF-8 (XML 1.0 appendix F).
 */
function sniffXmlCharset(head: Uint8Array): Charset {
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  // The declaration is pure ASCII, so reading the first bytes as latin1 is exact.
  const start = Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, 200)).toString('latin1');
  const declaration = /^<\?xml\s[^?]*\?>/.exec(start);
  if (!declaration) return 'utf-8';
  const encoding = /encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(declaration[0]);
  if (!encoding) return 'utf-8';
  const charset = DECLARED[encoding[1]!.toLowerCase()];
  if (!charset) throw new XmlEncodingError(`unsupported XML encoding "${encoding[1]}"`);
  return charset;
}

/** A decoder that may be fed the document chunk by chunk (multi-byte sequences may span chunks). */
export interface XmlDecoder {
  decode(chunk: Uint8Array, final?: boolean): string;
}

export function createXmlDecoder(head: Uint8Array): XmlDecoder {
  const charset = sniffXmlCharset(head);
  if (charset === 'latin1') {
    // WHATWG maps "iso-8859-1" to windows-1252; Node's latin1 is the real ISO-8859-1, byte for byte.
    return { decode: (chunk) => Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1') };
  }
  const decoder = new TextDecoder(charset, { fatal: true });
  return {
    decode(chunk, final = false) {
      try {
        return decoder.decode(chunk, { stream: !final });
      } catch {
        throw new XmlEncodingError(`document is not valid ${charset}`);
      }
    },
  };
}

/** Decodes a whole XML document held in memory. */
export function decodeXml(bytes: Uint8Array): string {
  return createXmlDecoder(bytes).decode(bytes, true);
}
