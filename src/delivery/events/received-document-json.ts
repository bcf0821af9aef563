import { catalogueResponseOutcome, TRANSACTIONS, type CatalogueResponseOutcome } from '../../peppol/index.js';
import { attr, find, findAll, text } from '../../ubl/reader.js';
import { DEFAULT_XML_LIMITS, parseXmlSafely, type XmlLimits } from '../../ubl/safe-parse.js';
import type { EndpointRef } from './order-response-json.js';

/** What every UBL business document says about itself at its top. */
export interface DocumentHead {
  /** Local name of the root element, e.g. `DespatchAdvice`. */
  rootElement: string;
  customizationId?: string;
  profileId?: string;
  /** The document's own id (`cbc:ID`). */
  id?: string;
  issueDate?: string;
}

/** A T58 Catalogue Response as the catalogue's provider needs it. */
export interface CatalogueResponseSummary {
  id: string;
  issueDate?: string;
  code: CatalogueResponseOutcome;
  /** `cbc:ResponseCode` as written. */
  responseCode: string;
  /** The catalogue it answers (`cac:DocumentReference/cbc:ID`) and its version. */
  catalogueId?: string;
  catalogueVersionId?: string;
  /** Why, when the receiver says (`cbc:Note`s and the response's `cbc:Description`s). */
  notes: string[];
  sender?: { endpointId: EndpointRef; name?: string };
  receiver?: { endpointId: EndpointRef; name?: string };
}

/** The document is not one we can read as its transaction: what is wrong. */
export class ReceivedDocumentReadError extends Error {
  override name = 'ReceivedDocumentReadError';
}

const MAX_NOTES = 50;
const MAX_TEXT = 4096;

/** The head of any UBL document (root, customization, profile, id, issue date); nothing more is read. */
export function readDocumentHead(xml: string | Uint8Array, limits: XmlLimits = DEFAULT_XML_LIMITS): DocumentHead {
  const root = parseXmlSafely(xml, limits).documentElement;
  return clean({
    rootElement: root.localName,
    customizationId: text(root, 'cbc:CustomizationID'),
    profileId: text(root, 'cbc:ProfileID'),
    id: text(root, 'cbc:ID'),
    issueDate: text(root, 'cbc:IssueDate'),
  });
}

/** Reads a T58 Catalogue Response: its code, the catalogue it answers, why, and both parties. */
export function readCatalogueResponse(xml: string | Uint8Array, limits: XmlLimits = DEFAULT_XML_LIMITS): CatalogueResponseSummary {
  const t58 = TRANSACTIONS.catalogueResponse;
  const root = parseXmlSafely(xml, limits).documentElement;
  if (root.localName !== t58.rootName || root.namespaceURI !== t58.rootNamespace) {
    throw new ReceivedDocumentReadError(`not a UBL ApplicationResponse: root element is ${root.localName}`);
  }
  const id = text(root, 'cbc:ID');
  if (!id) throw new ReceivedDocumentReadError('the catalogue response has no cbc:ID');
  const responseCode = text(root, 'cac:DocumentResponse/cac:Response/cbc:ResponseCode');
  if (!responseCode) throw new ReceivedDocumentReadError('the catalogue response has no cac:DocumentResponse/cac:Response/cbc:ResponseCode');
  const code = catalogueResponseOutcome(responseCode);
  if (!code) throw new ReceivedDocumentReadError(`cbc:ResponseCode ${JSON.stringify(responseCode)} is not AP, RE or AB`);
  const notes = [...findAll(root, 'cbc:Note'), ...findAll(root, 'cac:DocumentResponse/cac:Response/cbc:Description')]
    .map((e) => e.textContent?.trim() ?? '')
    .filter(Boolean)
    .slice(0, MAX_NOTES)
    .map((note) => note.slice(0, MAX_TEXT));
  return clean({
    id,
    issueDate: text(root, 'cbc:IssueDate'),
    code,
    responseCode,
    catalogueId: text(root, 'cac:DocumentResponse/cac:DocumentReference/cbc:ID'),
    catalogueVersionId: text(root, 'cac:DocumentResponse/cac:DocumentReference/cbc:VersionID'),
    notes,
    sender: partyOf(find(root, 'cac:SenderParty')),
    receiver: partyOf(find(root, 'cac:ReceiverParty')),
  });
}

function partyOf(party: Element | undefined): { endpointId: EndpointRef; name?: string } | undefined {
  if (!party) return undefined;
  const value = text(party, 'cbc:EndpointID');
  const scheme = attr(party, 'cbc:EndpointID', 'schemeID');
  if (!value || !scheme) return undefined;
  const name = text(party, 'cac:PartyLegalEntity/cbc:RegistrationName') ?? text(party, 'cac:PartyName/cbc:Name');
  return clean({ endpointId: { scheme, value }, name: name?.slice(0, 1024) });
}

function clean<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) if (value[key] === undefined) delete value[key];
  return value;
}
