/**
 * Takes the business document out of a Peppol SBD (StandardBusinessDocument) as a byte stream, so
 * a catalogue of hundreds of megabytes is never held in memory. Markup is located in a latin1 view
 * of the bytes (one character per byte, so offsets are byte offsets; every delimiter looked for is
 * ASCII) and the document is copied byte for byte, except its root start tag, which receives the
 * namespace declarations it inherited from the envelope root, so it means the same on its own.
 */

export class SbdPayloadError extends Error {
  override name = 'SbdPayloadError';
}

export interface SbdPayloadLimits {
  /** Most bytes read before the business document's root start tag must have been seen. */
  maxHeadBytes: number;
  /** Most bytes after the business document (the envelope's end tag, whitespace, comments). */
  maxTailBytes: number;
}

const DEFAULT_SBD_PAYLOAD_LIMITS: SbdPayloadLimits = { maxHeadBytes: 1024 * 1024, maxTailBytes: 64 * 1024 };

const NAME = '[A-Za-z_][\\w.-]*';
const SBDH_NS = 'http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader';
const ATTRIBUTES = /\s+([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')/g;
/** Whitespace, comments and processing instructions: what may separate elements here. */
const MISC = /^(?:\s|<!--[\s\S]*?-->|<\?[\s\S]*?\?>)*/;
const START_TAG = new RegExp(`^<((?:${NAME}:)?${NAME})((?:\\s+[^\\s=/>]+\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*(/?)>`);
/** The header's end tag, or the header as an empty element. */
const HEADER_END = new RegExp(`</(?:${NAME}:)?StandardBusinessDocumentHeader\\s*>|<(?:${NAME}:)?StandardBusinessDocumentHeader(?:\\s+[^\\s=/>]+\\s*=\\s*(?:"[^"]*"|'[^']*'))*\\s*/>`);
/** The UTF-8 byte order mark as latin1 characters. */
const BOM = '\u00EF\u00BB\u00BF';
const XML_DECLARATION = /^<\?xml\s[^?]*\?>/;

interface Head {
  /** Byte offset where the business document's root start tag ends. */
  bodyStart: number;
  /** The business root start tag, completed with the inherited namespace declarations. */
  rootStartTag: Buffer;
  /** Qualified name of the envelope root, to find its end tag. */
  envelopeName: string;
}

/**
 * Streams the business document of an SBD: an XML declaration, then the document's bytes. Throws
 * SbdPayloadError when the input is not an SBD with exactly one document after its header.
 */
export async function* extractBusinessDocument(
  source: AsyncIterable<Uint8Array | string>,
  limits: SbdPayloadLimits = DEFAULT_SBD_PAYLOAD_LIMITS,
): AsyncGenerator<Buffer> {
  let pending = Buffer.alloc(0);
  let head: Head | undefined;
  for await (const chunk of source) {
    pending = Buffer.concat([pending, typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk)]);
    if (!head) {
      head = findHead(pending, limits.maxHeadBytes);
      if (!head) continue;
      yield Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n', 'utf8');
      yield head.rootStartTag;
      pending = pending.subarray(head.bodyStart);
    }
    // Hold back enough bytes to be sure the envelope's end tag is not among the ones let through.
    const holdBack = Math.max(limits.maxTailBytes, head.envelopeName.length + 3);
    if (pending.length > holdBack) {
      const through = pending.length - holdBack;
      yield Buffer.from(pending.subarray(0, through));
      pending = Buffer.from(pending.subarray(through));
    }
  }
  if (!head) {
    head = findHead(pending, limits.maxHeadBytes, true)!;
    yield Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n', 'utf8');
    yield head.rootStartTag;
    pending = pending.subarray(head.bodyStart);
  }
  yield pending.subarray(0, tailStart(pending, head.envelopeName));
}

/** Where the head is complete: the business root start tag is in `bytes`; undefined when more is needed. */
function findHead(bytes: Buffer, maxHeadBytes: number, atEnd = false): Head | undefined {
  const text = bytes.toString('latin1');
  const incomplete = (what: string) => {
    if (atEnd) throw new SbdPayloadError(`the payload ends before ${what}`);
    if (bytes.length >= maxHeadBytes) throw new SbdPayloadError(`no ${what} in the first ${maxHeadBytes} bytes`);
    return undefined;
  };
  let at = text.startsWith(BOM) ? BOM.length : 0;
  const declaration = XML_DECLARATION.exec(text.slice(at));
  if (declaration) checkEncoding(declaration[0]);
  at += declaration ? declaration[0].length : 0;
  at += MISC.exec(text.slice(at))![0].length;
  const envelope = startTagAt(text, at, atEnd);
  if (!envelope) return incomplete('the StandardBusinessDocument start tag');
  const envelopeName = envelope[1]!;
  const envelopeDeclarations = namespaceDeclarations(envelope[2] ?? '');
  if (localName(envelopeName) !== 'StandardBusinessDocument' || namespaceOf(envelopeName, envelopeDeclarations) !== SBDH_NS) {
    throw new SbdPayloadError(`the payload root is ${envelopeName}, not an SBDH StandardBusinessDocument`);
  }
  if (envelope[3]) throw new SbdPayloadError('the StandardBusinessDocument is empty');
  at += envelope[0].length;

  const headerEnd = HEADER_END.exec(text.slice(at));
  if (!headerEnd) return incomplete('the end of the StandardBusinessDocumentHeader');
  at += headerEnd.index + headerEnd[0].length;
  at += MISC.exec(text.slice(at))![0].length;
  if (text.startsWith(`</${envelopeName}`, at)) throw new SbdPayloadError('the StandardBusinessDocument carries no business document');
  const business = startTagAt(text, at, atEnd);
  if (!business) return incomplete('the business document after the header');
  if (business[3]) throw new SbdPayloadError('the business document is an empty element');
  const own = namespaceDeclarations(business[2] ?? '');
  const inherited = [...envelopeDeclarations].filter(([prefix]) => !own.has(prefix));
  // Inserted right after the element name; everything else in the tag stays as sent.
  const nameEnd = at + 1 + business[1]!.length;
  const added = inherited.map(([prefix, uri]) => ` ${prefix ? `xmlns:${prefix}` : 'xmlns'}="${uri.replace(/"/g, '&quot;')}"`).join('');
  const rootStartTag = Buffer.concat([bytes.subarray(at, nameEnd), Buffer.from(added, 'latin1'), bytes.subarray(nameEnd, at + business[0].length)]);
  return { bodyStart: at + business[0].length, rootStartTag, envelopeName };
}

/** The start tag at `at`; undefined when it may still be arriving; an error when something else is there. */
function startTagAt(text: string, at: number, atEnd: boolean): RegExpExecArray | undefined {
  const rest = text.slice(at);
  if (/^<!DOCTYPE/i.test(rest)) throw new SbdPayloadError('document type declarations (DOCTYPE) are not accepted');
  const tag = START_TAG.exec(rest);
  if (tag) return tag;
  // What may still become a comment, a processing instruction or a start tag with more bytes.
  const partial =
    rest === '' ||
    ('<!--'.startsWith(rest.slice(0, 4)) && !rest.includes('-->')) ||
    (rest.startsWith('<?') && !rest.includes('?>')) ||
    (rest.startsWith('<') && !rest.includes('>'));
  if (!atEnd && partial) return undefined;
  throw new SbdPayloadError(rest === '' ? 'the payload ends too early' : `unexpected content at byte ${at}: ${JSON.stringify(rest.slice(0, 40))}`);
}

/** Offset of the envelope's end tag in the held-back tail; only whitespace and comments may follow. */
function tailStart(tail: Buffer, envelopeName: string): number {
  const text = tail.toString('latin1');
  const close = text.lastIndexOf(`</${envelopeName}`);
  if (close < 0) throw new SbdPayloadError(`the payload does not end with </${envelopeName}>`);
  const after = text.slice(close);
  const end = new RegExp(`^</${envelopeName.replace(/\./g, '\\.')}\\s*>`).exec(after);
  if (!end || after.slice(end[0].length).replace(MISC, '') !== '') {
    throw new SbdPayloadError(`unexpected content after </${envelopeName}>`);
  }
  return close - (/\s*$/.exec(text.slice(0, close))?.[0].length ?? 0);
}

function checkEncoding(declaration: string): void {
  const encoding = /encoding\s*=\s*["']([^"']+)["']/.exec(declaration)?.[1];
  if (encoding && encoding.toUpperCase() !== 'UTF-8') throw new SbdPayloadError(`the SBD is encoded in ${encoding}; Peppol requires UTF-8`);
}

/** `xmlns` and `xmlns:p` attributes of a start tag, by prefix ('' for the default namespace). */
function namespaceDeclarations(attributes: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const match of attributes.matchAll(ATTRIBUTES)) {
    const name = match[1]!;
    const value = match[2]!.slice(1, -1);
    if (name === 'xmlns') out.set('', value);
    else if (name.startsWith('xmlns:')) out.set(name.slice(6), value);
  }
  return out;
}

function localName(qualified: string): string {
  return qualified.slice(qualified.indexOf(':') + 1);
}

function namespaceOf(qualified: string, declarations: Map<string, string>): string | undefined {
  const colon = qualified.indexOf(':');
  return declarations.get(colon < 0 ? '' : qualified.slice(0, colon));
}
