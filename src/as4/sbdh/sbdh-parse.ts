import type { Readable } from 'node:stream';
import { EbmsError } from '../protocol/ebms-errors.js';
import { NS } from '../protocol/namespaces.js';
import { IDENTIFIER_SCHEMES, isParticipantValue, MLS_SCOPES } from '../../peppol/index.js';
import { attribute, childElements, DomShapeError, isElement, optionalChild, requiredChild, text } from '../xml/dom.js';
import { parseSafeXml, UnsafeXmlError, type XmlLimits } from '../xml/safe-xml.js';
import type { SbdhData } from './sbdh-model.js';

const HEADER_END = /<\/(?:[A-Za-z_][\w.-]*:)?StandardBusinessDocumentHeader\s*>/;
const ROOT_START = /<([A-Za-z_][\w.-]*:)?StandardBusinessDocument[\s>]/;
const NEXT_START_TAG = /^(?:\s|<!--[\s\S]*?-->|<\?[\s\S]*?\?>)*<([A-Za-z_][\w.:-]*)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/;

const notSbdh = (detail: string, cause?: unknown) => new EbmsError('EBMS:0004', `payload is not a Peppol SBD: ${detail}`, undefined, { cause });

/**
 * Reads only the start of the payload: up to and including the start tag of the business document
 * after the SBDH, so a 100 MB catalogue is never parsed here. Returns a small well-formed XML text
 * (SBD root, header, business root as an empty element).
 */
export async function readSbdhHead(payload: Readable, maxHeadBytes: number): Promise<string> {
  let buffered = Buffer.alloc(0);
  try {
    for await (const chunk of payload) {
      buffered = Buffer.concat([buffered, chunk as Buffer]);
      const head = headFrom(buffered.toString('utf8'));
      if (head !== undefined) return head;
      if (buffered.length >= maxHeadBytes) break;
    }
  } finally {
    payload.destroy();
  }
  throw notSbdh(`no complete StandardBusinessDocumentHeader followed by a document in the first ${maxHeadBytes} bytes`);
}

function headFrom(text: string): string | undefined {
  const end = HEADER_END.exec(text);
  if (!end) return undefined;
  const afterHeader = end.index + end[0].length;
  const next = NEXT_START_TAG.exec(text.slice(afterHeader));
  if (!next) return undefined;
  const root = ROOT_START.exec(text);
  if (!root || root.index > end.index) throw notSbdh('the document does not start with StandardBusinessDocument');
  const rootName = `${root[1] ?? ''}StandardBusinessDocument`;
  const businessStart = `<${next[1]}${next[2]}/>`;
  return `${text.slice(0, afterHeader)}${businessStart}</${rootName}>`;
}

function scopes(header: Element): Map<string, { instance: string; identifier?: string }> {
  const result = new Map<string, { instance: string; identifier?: string }>();
  const scope = optionalChild(header, NS.sbdh, 'BusinessScope');
  for (const s of scope ? childElements(scope, NS.sbdh, 'Scope') : []) {
    const type = text(requiredChild(s, NS.sbdh, 'Type'));
    const instance = optionalChild(s, NS.sbdh, 'InstanceIdentifier');
    const identifier = optionalChild(s, NS.sbdh, 'Identifier');
    if (result.has(type) && (type === 'DOCUMENTID' || type === 'PROCESSID' || type === 'COUNTRY_C1')) {
      throw notSbdh(`scope ${type} appears twice`);
    }
    result.set(type, { instance: instance ? text(instance) : '', identifier: identifier ? text(identifier) : undefined });
  }
  return result;
}

function party(header: Element, name: 'Sender' | 'Receiver'): { scheme: string; value: string } {
  const parties = childElements(header, NS.sbdh, name);
  if (parties.length !== 1) throw notSbdh(`exactly one ${name} is required`);
  const identifier = requiredChild(parties[0]!, NS.sbdh, 'Identifier');
  const scheme = attribute(identifier, null, 'Authority') ?? '';
  const value = text(identifier);
  if (scheme !== IDENTIFIER_SCHEMES.participant) throw notSbdh(`${name} Authority must be ${IDENTIFIER_SCHEMES.participant}`);
  if (!isParticipantValue(value)) throw notSbdh(`${name} "${value}" is not a participant identifier`);
  return { scheme, value };
}

/** Parses and checks the SBDH head produced by readSbdhHead. */
export function parseSbdhHead(head: string, limits: XmlLimits): SbdhData {
  let doc: Document;
  try {
    doc = parseSafeXml(head, limits);
  } catch (error) {
    if (error instanceof UnsafeXmlError) throw notSbdh(error.message, error);
    throw error;
  }
  try {
    const root = doc.documentElement;
    if (root.namespaceURI !== NS.sbdh || root.localName !== 'StandardBusinessDocument') throw notSbdh('wrong root element');
    const header = requiredChild(root, NS.sbdh, 'StandardBusinessDocumentHeader');
    if (text(requiredChild(header, NS.sbdh, 'HeaderVersion')) !== '1.0') throw notSbdh('HeaderVersion must be 1.0');
    const identification = requiredChild(header, NS.sbdh, 'DocumentIdentification');
    const field = (name: string) => text(requiredChild(identification, NS.sbdh, name));
    const all = scopes(header);
    const documentId = all.get('DOCUMENTID');
    const processId = all.get('PROCESSID');
    const country = all.get('COUNTRY_C1');
    if (!documentId?.instance) throw notSbdh('DOCUMENTID scope is missing');
    if (!processId?.instance) throw notSbdh('PROCESSID scope is missing');
    if (!country || !/^[A-Z0-9][A-Z0-9]$/.test(country.instance)) throw notSbdh('COUNTRY_C1 scope is missing or not a country code');
    const business = childElements(root, undefined, undefined).filter((e) => e !== header);
    if (business.length !== 1 || !isElement(business[0])) throw notSbdh('no business document after the header');
    const data: SbdhData = {
      sender: party(header, 'Sender'),
      receiver: party(header, 'Receiver'),
      documentType: { scheme: documentId.identifier || IDENTIFIER_SCHEMES.documentType, value: documentId.instance },
      process: { scheme: processId.identifier || IDENTIFIER_SCHEMES.process, value: processId.instance },
      countryC1: country.instance,
      instanceIdentifier: field('InstanceIdentifier'),
      standard: field('Standard'),
      typeVersion: field('TypeVersion'),
      type: field('Type'),
      creationDateAndTime: field('CreationDateAndTime'),
      mlsTo: all.get(MLS_SCOPES.to)?.instance,
      mlsToScheme: all.get(MLS_SCOPES.to)?.identifier,
      mlsType: all.get(MLS_SCOPES.type)?.instance,
      businessRoot: { namespaceURI: business[0]!.namespaceURI ?? '', localName: business[0]!.localName },
    };
    if (!data.instanceIdentifier) throw notSbdh('InstanceIdentifier is empty');
    if (data.businessRoot.localName !== data.type || data.businessRoot.namespaceURI !== data.standard) {
      throw notSbdh(`business document {${data.businessRoot.namespaceURI}}${data.businessRoot.localName} does not match Standard/Type`);
    }
    return data;
  } catch (error) {
    if (error instanceof DomShapeError) throw notSbdh(error.message, error);
    throw error;
  }
}
