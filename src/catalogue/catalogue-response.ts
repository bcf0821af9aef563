import { PROCESSES, TRANSACTIONS } from '../peppol/index.js';
import { appendAggregate, appendBasic, createUblDocument, serializeUbl } from '../ubl/builder.js';
import { NS } from '../ubl/namespaces.js';
import { writeIdentification, writeIdentifier } from '../ubl/write-common.js';
import type { CatalogueHeader, CatalogueParty } from './catalogue-model.js';

/** UNCL4343 subset of T58: accepted, rejected, acknowledged (decision follows later). */
export type CatalogueDecision = 'AP' | 'RE' | 'AB';

export interface CatalogueResponseInput {
  catalogue: CatalogueHeader;
  decision: CatalogueDecision;
  /** Why; written as notes. A rejection needs at least one. */
  reasons?: readonly string[];
  responseId: string;
  issueDate: string;
  issueTime?: string;
}

export interface CatalogueResponseLimits {
  maxNotes: number;
  maxNoteLength: number;
}

const DEFAULT_RESPONSE_LIMITS: CatalogueResponseLimits = { maxNotes: 50, maxNoteLength: 1_000 };

/** The catalogue lacks what an answer needs (its id or the endpoints to address). */
export class CatalogueResponseError extends Error {
  override name = 'CatalogueResponseError';
}

/**
 * Builds a Peppol BIS Catalogue Response (T58). It goes back the way the catalogue came: the
 * catalogue's receiver is the sender, its provider the receiver; it references the catalogue by
 * id and version.
 */
export function catalogueResponse(input: CatalogueResponseInput, limits: CatalogueResponseLimits = DEFAULT_RESPONSE_LIMITS): string {
  const { catalogue } = input;
  if (!catalogue.id) throw new CatalogueResponseError('the catalogue has no cbc:ID to refer to');
  const sender = requireEndpoint(catalogue.receiver, 'ReceiverParty');
  const receiver = requireEndpoint(catalogue.provider, 'ProviderParty');
  const reasons = (input.reasons ?? []).map((reason) => reason.trim()).filter(Boolean);
  if (input.decision === 'RE' && reasons.length === 0) throw new CatalogueResponseError('a rejection needs at least one reason');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.issueDate)) throw new CatalogueResponseError(`issue date must be YYYY-MM-DD, got "${input.issueDate}"`);

  const { document, root } = createUblDocument('ApplicationResponse', NS.applicationResponse);
  appendBasic(root, 'cbc:CustomizationID', TRANSACTIONS.catalogueResponse.customizationId);
  appendBasic(root, 'cbc:ProfileID', PROCESSES.catalogueOnly);
  appendBasic(root, 'cbc:ID', input.responseId);
  appendBasic(root, 'cbc:IssueDate', input.issueDate);
  appendBasic(root, 'cbc:IssueTime', input.issueTime);
  for (const note of boundNotes(reasons, limits)) appendBasic(root, 'cbc:Note', note);
  writeParty(appendAggregate(root, 'cac:SenderParty'), sender, 1);
  writeParty(appendAggregate(root, 'cac:ReceiverParty'), receiver, Number.POSITIVE_INFINITY);
  const response = appendAggregate(root, 'cac:DocumentResponse');
  appendBasic(appendAggregate(response, 'cac:Response'), 'cbc:ResponseCode', input.decision);
  const reference = appendAggregate(response, 'cac:DocumentReference');
  appendBasic(reference, 'cbc:ID', catalogue.id);
  appendBasic(reference, 'cbc:VersionID', catalogue.versionId);
  return serializeUbl(document);
}

function requireEndpoint(party: CatalogueParty | undefined, role: string): CatalogueParty & { endpoint: { value: string; schemeId: string } } {
  if (!party?.endpoint?.schemeId) throw new CatalogueResponseError(`the catalogue's ${role} has no EndpointID with schemeID to answer to`);
  return party as CatalogueParty & { endpoint: { value: string; schemeId: string } };
}

function writeParty(element: Element, party: CatalogueParty & { endpoint: { value: string; schemeId: string } }, maxIds: number): void {
  writeIdentifier(element, 'cbc:EndpointID', party.endpoint);
  for (const id of party.partyIds.slice(0, maxIds)) writeIdentification(element, 'cac:PartyIdentification', id);
  if (party.registrationName) appendBasic(appendAggregate(element, 'cac:PartyLegalEntity'), 'cbc:RegistrationName', party.registrationName);
}

/** At most `maxNotes` notes of at most `maxNoteLength` characters; the last one says what was left out. */
function boundNotes(reasons: string[], limits: CatalogueResponseLimits): string[] {
  const clip = (text: string) => ([...text].length > limits.maxNoteLength ? `${[...text].slice(0, limits.maxNoteLength - 1).join('')}…` : text);
  if (reasons.length <= limits.maxNotes) return reasons.map(clip);
  const kept = reasons.slice(0, limits.maxNotes - 1).map(clip);
  return [...kept, `… and ${reasons.length - kept.length} more`];
}
