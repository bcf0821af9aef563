import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { PeppolIdentifier } from '../peppol/index.js';
import { sbdEnvelope } from '../as4/sbdh/sbdh-build.js';
import { BusinessDocumentError, readBusinessDocumentHead } from './business-document-head.js';

/** What the envelope needs besides the document. */
export interface SbdRouting {
  senderId: string;
  receiverId: string;
  documentType: PeppolIdentifier;
  process: PeppolIdentifier;
  countryC1: string;
  /** MLS_TO and MLS_TYPE to write (absent for an MLS or a report, which get no status back). */
  mls?: { to: string; type: string };
}

export interface SbdSource {
  /** SBDH InstanceIdentifier of this envelope. */
  instanceIdentifier: string;
  open(): Readable;
}

const HEAD_MAX_BYTES = 64 * 1024;

/** `«root ns»::«root name»##«customization»::«version»` → the SBDH Standard, Type and TypeVersion. */
export function documentTypeParts(documentType: PeppolIdentifier): { standard: string; type: string; typeVersion: string } {
  const match = /^(.+?)::([^:#]+)##.+::([^:]+)$/.exec(documentType.value);
  if (!match) throw new BusinessDocumentError(`document type ${documentType.value} is not of the form «root ns»::«root»##«customization»::«version»`);
  return { standard: match[1]!, type: match[2]!, typeVersion: match[3]! };
}

/**
 * The SBD around a business document, as a stream: envelope head, the document's bytes without its
 * XML declaration, envelope tail. The document is read twice (its head to check the root element,
 * then in full while sending) and never held in memory.
 */
export async function sbdAroundDocument(
  routing: SbdRouting,
  openDocument: () => Readable,
  opts: { instanceIdentifier?: string; now: Date },
): Promise<SbdSource> {
  if (!/^[A-Z0-9]{2}$/.test(routing.countryC1)) throw new BusinessDocumentError(`COUNTRY_C1 "${routing.countryC1}" is not a two-letter country code`);
  const parts = documentTypeParts(routing.documentType);
  const head = await readBusinessDocumentHead(openDocument, HEAD_MAX_BYTES);
  if (head.root.namespaceURI !== parts.standard || head.root.localName !== parts.type) {
    throw new BusinessDocumentError(
      `the document's root {${head.root.namespaceURI}}${head.root.localName} does not match document type ${parts.standard}::${parts.type}`,
    );
  }
  const instanceIdentifier = opts.instanceIdentifier ?? randomUUID();
  const envelope = sbdEnvelope({
    sender: routing.senderId,
    receiver: routing.receiverId,
    documentType: routing.documentType,
    process: routing.process,
    countryC1: routing.countryC1,
    instanceIdentifier,
    ...parts,
    creationDateAndTime: opts.now,
    ...(routing.mls ? { mls: routing.mls } : {}),
  });
  async function* generate(): AsyncGenerator<Buffer> {
    yield envelope.head;
    let skip = head.prologBytes;
    for await (const chunk of openDocument()) {
      let bytes = chunk as Buffer;
      if (skip > 0) {
        const dropped = Math.min(skip, bytes.length);
        bytes = bytes.subarray(dropped);
        skip -= dropped;
      }
      if (bytes.length > 0) yield bytes;
    }
    yield envelope.tail;
  }
  return { instanceIdentifier, open: () => Readable.from(generate(), { objectMode: false }) };
}
