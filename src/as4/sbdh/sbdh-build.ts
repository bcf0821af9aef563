import { DOMImplementation } from '@xmldom/xmldom';
import { NS } from '../protocol/namespaces.js';
import { IDENTIFIER_SCHEMES, MLS_SCOPES, type PeppolIdentifier } from '../../peppol/index.js';
import { serializeXml } from '../xml/xml-build.js';

export interface SbdhToBuild {
  readonly sender: string;
  readonly receiver: string;
  readonly documentType: PeppolIdentifier;
  readonly process: PeppolIdentifier;
  readonly countryC1: string;
  readonly instanceIdentifier: string;
  readonly standard: string;
  readonly typeVersion: string;
  readonly type: string;
  readonly creationDateAndTime: Date;
  /** Where and which Message Level Status the receiving access point sends back (SBDH 2.0.2 scopes). */
  readonly mls?: { readonly to: string; readonly type: string };
}

const CLOSE_TAG = '</StandardBusinessDocument>';

/**
 * Wraps a business document (UTF-8 XML) in a Peppol SBDH envelope. The header is built as a DOM;
 * the business document is appended byte-for-byte after dropping its XML declaration.
 */
export function buildSbd(header: SbdhToBuild, businessDocument: Buffer): Buffer {
  const { head, tail } = sbdEnvelope(header);
  const body = businessDocument.toString('utf8').replace(/^\uFEFF?\s*<\?xml[^?]*\?>\s*/, '');
  return Buffer.concat([head, Buffer.from(body, 'utf8'), tail]);
}

/**
 * The envelope around a business document, as the bytes before it (XML declaration, root start tag,
 * header) and after it (root end tag): lets a large document be streamed between them unchanged.
 */
export function sbdEnvelope(header: SbdhToBuild): { head: Buffer; tail: Buffer } {
  const doc = new DOMImplementation().createDocument(NS.sbdh, 'StandardBusinessDocument', null);
  const el = (name: string, attrs: Record<string, string> = {}, ...children: Array<Element | string>) => {
    const e = doc.createElementNS(NS.sbdh, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    for (const c of children) e.appendChild(typeof c === 'string' ? doc.createTextNode(c) : c);
    return e;
  };
  const scope = (type: string, instance: string, identifier?: string) =>
    el('Scope', {}, el('Type', {}, type), el('InstanceIdentifier', {}, instance), ...(identifier ? [el('Identifier', {}, identifier)] : []));
  const root = doc.documentElement;
  root.setAttribute('xmlns', NS.sbdh);
  root.appendChild(
    el(
      'StandardBusinessDocumentHeader',
      {},
      el('HeaderVersion', {}, '1.0'),
      el('Sender', {}, el('Identifier', { Authority: IDENTIFIER_SCHEMES.participant }, header.sender)),
      el('Receiver', {}, el('Identifier', { Authority: IDENTIFIER_SCHEMES.participant }, header.receiver)),
      el(
        'DocumentIdentification',
        {},
        el('Standard', {}, header.standard),
        el('TypeVersion', {}, header.typeVersion),
        el('InstanceIdentifier', {}, header.instanceIdentifier),
        el('Type', {}, header.type),
        el('CreationDateAndTime', {}, header.creationDateAndTime.toISOString()),
      ),
      el(
        'BusinessScope',
        {},
        scope('DOCUMENTID', header.documentType.value, header.documentType.scheme),
        scope('PROCESSID', header.process.value, header.process.scheme),
        scope('COUNTRY_C1', header.countryC1),
        ...(header.mls ? [scope(MLS_SCOPES.to, header.mls.to, IDENTIFIER_SCHEMES.participant), scope(MLS_SCOPES.type, header.mls.type)] : []),
      ),
    ),
  );
  const serialized = serializeXml(doc);
  const openPart = serialized.endsWith(`${CLOSE_TAG}`) ? serialized.slice(0, -CLOSE_TAG.length) : serialized;
  return {
    head: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${openPart}`, 'utf8'),
    tail: Buffer.from(CLOSE_TAG, 'utf8'),
  };
}
