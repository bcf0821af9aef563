import { SaxesParser, type SaxesTagNS } from 'saxes';
import { createXmlDecoder, XmlEncodingError, type XmlDecoder } from '../ubl/encoding.js';
import type { LiteElement } from '../ubl/lite-tree.js';
import { NS } from '../ubl/namespaces.js';
import { readCatalogueHeader, readCatalogueLine } from './catalogue-fields.js';
import type { CatalogueHeader, CatalogueLine } from './catalogue-model.js';

/** Bounds for reading one catalogue; every one is enforced while streaming. */
export interface CatalogueLimits {
  maxBytes: number;
  maxLines: number;
  maxDepth: number;
  /** Most elements in the header or in any single line. */
  maxElementsPerPart: number;
  /** Most text characters kept for the header or any single line (embedded binaries are skipped). */
  maxCharsPerPart: number;
}

export const DEFAULT_CATALOGUE_LIMITS: CatalogueLimits = {
  maxBytes: 512 * 1024 * 1024,
  maxLines: 200_000,
  maxDepth: 32,
  maxElementsPerPart: 5_000,
  maxCharsPerPart: 1_000_000,
};

/** The catalogue cannot be read: not a catalogue, malformed, or over a limit. */
export class CatalogueReadError extends Error {
  override name = 'CatalogueReadError';
}

export interface CatalogueReader {
  header: CatalogueHeader;
  /** The lines in document order, read as they are consumed. Single use. */
  lines: AsyncIterableIterator<CatalogueLine>;
}

/** Element content never kept: embedded attachments can be megabytes and are not needed here. */
const SKIPPED_TEXT = new Set(['EmbeddedDocumentBinaryObject']);

/**
 * Opens a T19 catalogue from a byte stream in bounded memory: resolves once the header has been
 * read (at the first line), then yields lines one at a time. Only the current line is held as a
 * small tree, never the whole document.
 */
export async function openCatalogue(
  source: AsyncIterable<Uint8Array | string>,
  limits: CatalogueLimits = DEFAULT_CATALOGUE_LIMITS,
): Promise<CatalogueReader> {
  const stream = new CatalogueStream(source[Symbol.asyncIterator](), limits);
  while (!stream.headerDone) {
    if (!(await stream.pump())) break;
  }
  if (!stream.header) throw new CatalogueReadError('the document has no catalogue lines');
  return { header: stream.header, lines: stream.lines() };
}

class CatalogueStream {
  header: CatalogueHeader | undefined;
  headerDone = false;
  private readonly parser = new SaxesParser({ xmlns: true, position: true });
  private readonly pending: CatalogueLine[] = [];
  private readonly stack: LiteElement[] = [];
  private headerTree: LiteElement | undefined;
  private partElements = 0;
  private partChars = 0;
  private skipDepth = 0;
  private lineCount = 0;
  private bytes = 0;
  private decoder: XmlDecoder | undefined;
  private ended = false;
  private sawRoot = false;

  constructor(
    private readonly source: AsyncIterator<Uint8Array | string>,
    private readonly limits: CatalogueLimits,
  ) {
    this.parser.on('error', (error) => {
      throw new CatalogueReadError(`malformed XML: ${error.message}`);
    });
    this.parser.on('doctype', () => {
      throw new CatalogueReadError('document type declarations (DOCTYPE) are not accepted');
    });
    this.parser.on('opentag', (tag) => this.open(tag));
    this.parser.on('closetag', () => this.close());
    this.parser.on('text', (text) => this.text(text));
    this.parser.on('cdata', (text) => this.text(text));
  }

  /** Feeds one more chunk to the parser; false once the source is exhausted. */
  async pump(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.source.next();
    if (next.done) {
      if (this.decoder) this.parser.write(this.decoder.decode(new Uint8Array(0), true));
      this.parser.close();
      this.ended = true;
      if (!this.sawRoot) throw new CatalogueReadError('malformed XML: no root element');
      return false;
    }
    const chunk = next.value;
    this.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    if (this.bytes > this.limits.maxBytes) {
      throw new CatalogueReadError(`catalogue too large: more than ${this.limits.maxBytes} bytes`);
    }
    if (typeof chunk === 'string') {
      this.parser.write(chunk);
    } else {
      try {
        this.decoder ??= createXmlDecoder(chunk);
        this.parser.write(this.decoder.decode(chunk));
      } catch (error) {
        if (error instanceof XmlEncodingError) throw new CatalogueReadError(error.message);
        throw error;
      }
    }
    return true;
  }

  async *lines(): AsyncIterableIterator<CatalogueLine> {
    for (;;) {
      while (this.pending.length > 0) yield this.pending.shift()!;
      if (!(await this.pump()) && this.pending.length === 0) return;
    }
  }

  private open(tag: SaxesTagNS): void {
    const depth = this.stack.length + 1;
    if (depth > this.limits.maxDepth) throw new CatalogueReadError(`catalogue nested too deeply: more than ${this.limits.maxDepth} levels`);
    const element: LiteElement = { namespace: tag.uri, localName: tag.local, attributes: {}, text: '', children: [] };
    for (const attribute of Object.values(tag.attributes)) {
      if (!attribute.uri) element.attributes[attribute.local] = attribute.value;
    }
    if (depth === 1) {
      if (tag.local !== 'Catalogue' || tag.uri !== NS.catalogue) {
        throw new CatalogueReadError(`root element is {${tag.uri}}${tag.local}, expected a UBL Catalogue`);
      }
      this.sawRoot = true;
      this.headerTree = element;
    } else if (depth === 2) {
      const isLine = tag.local === 'CatalogueLine' && tag.uri === NS.cac;
      if (isLine && !this.headerDone) this.finishHeader();
      if (isLine) {
        this.lineCount += 1;
        if (this.lineCount > this.limits.maxLines) throw new CatalogueReadError(`catalogue has more than ${this.limits.maxLines} lines`);
        this.partElements = 0;
        this.partChars = 0;
      } else if (this.headerDone) {
        throw new CatalogueReadError(`unexpected ${tag.local} after the catalogue lines`);
      } else {
        this.headerTree!.children.push(element);
      }
    } else {
      this.stack[this.stack.length - 1]!.children.push(element);
    }
    if (depth >= 2) {
      this.partElements += 1;
      if (this.partElements > this.limits.maxElementsPerPart) {
        throw new CatalogueReadError(`catalogue ${this.headerDone ? `line ${this.lineCount}` : 'header'} has more than ${this.limits.maxElementsPerPart} elements`);
      }
    }
    if (this.skipDepth > 0 || SKIPPED_TEXT.has(tag.local)) this.skipDepth += 1;
    this.stack.push(element);
  }

  private close(): void {
    const element = this.stack.pop()!;
    if (this.skipDepth > 0) this.skipDepth -= 1;
    if (this.stack.length === 1 && element.localName === 'CatalogueLine' && element.namespace === NS.cac) {
      this.pending.push(readCatalogueLine(element));
    }
  }

  private text(text: string): void {
    const current = this.stack[this.stack.length - 1];
    if (!current || this.skipDepth > 0 || this.stack.length === 1) return;
    this.partChars += text.length;
    if (this.partChars > this.limits.maxCharsPerPart) {
      throw new CatalogueReadError(`catalogue ${this.headerDone ? `line ${this.lineCount}` : 'header'} has more than ${this.limits.maxCharsPerPart} characters of text`);
    }
    current.text += text;
  }

  private finishHeader(): void {
    this.header = readCatalogueHeader(this.headerTree!);
    this.headerTree = undefined;
    this.headerDone = true;
  }
}
