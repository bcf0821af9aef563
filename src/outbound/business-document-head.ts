import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';

/** The business document cannot be put in an SBD as it is. */
export class BusinessDocumentError extends Error {
  override name = 'BusinessDocumentError';
}

export interface BusinessDocumentHead {
  /** Namespace and local name of the root element (SBDH Standard and Type must match them). */
  readonly root: { readonly namespaceURI: string; readonly localName: string };
  /** Bytes at the start to drop when embedding: byte order mark and XML declaration with trailing space. */
  readonly prologBytes: number;
}

const DECLARATION = /^\uFEFF?\s*<\?xml[^?]*\?>\s*|^\uFEFF\s*/;

/**
 * Reads the start of a business document (at most `maxBytes`) up to its root start tag: refuses a
 * DOCTYPE and any encoding other than UTF-8, and reports the root element and the prolog to drop.
 */
export async function readBusinessDocumentHead(open: () => Readable, maxBytes: number): Promise<BusinessDocumentHead> {
  const parser = new SaxesParser({ xmlns: true });
  const decoder = new StringDecoder('utf8');
  let root: BusinessDocumentHead['root'] | undefined;
  let failure: string | undefined;
  let text = '';
  parser.on('doctype', () => (failure ??= 'the business document has a DOCTYPE declaration; DTDs are not accepted'));
  parser.on('xmldecl', (decl) => {
    if (decl.encoding && decl.encoding.toUpperCase().replace(/[-_]/g, '') !== 'UTF8') {
      failure ??= `the business document is encoded as ${decl.encoding}; only UTF-8 can be embedded in an SBD`;
    }
  });
  parser.on('opentag', (tag) => (root ??= { namespaceURI: tag.uri, localName: tag.local }));
  const stream = open();
  let read = 0;
  try {
    for await (const chunk of stream) {
      const piece = decoder.write(chunk as Buffer);
      read += (chunk as Buffer).length;
      text += piece;
      try {
        parser.write(piece);
      } catch (error) {
        if (!root) failure ??= `the business document is not well-formed XML at its start: ${(error as Error).message}`;
      }
      if (root || failure || read >= maxBytes) break;
    }
  } finally {
    stream.destroy();
  }
  if (failure) throw new BusinessDocumentError(failure);
  if (!root) {
    throw new BusinessDocumentError(read === 0 ? 'the business document is empty' : `no root element within the first ${maxBytes} bytes of the business document`);
  }
  if (!root.namespaceURI) throw new BusinessDocumentError(`the root element ${root.localName} has no namespace (UBL documents do)`);
  const prolog = DECLARATION.exec(text)?.[0] ?? '';
  return { root, prologBytes: Buffer.byteLength(prolog, 'utf8') };
}
