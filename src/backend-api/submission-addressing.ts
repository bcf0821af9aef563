import { documentPartiesOf, IDENTIFIER_SCHEMES, normalizeParticipant, qualifiedDocumentTypeId, qualifiedProcessId, TRANSACTIONS, type Transaction, type TransactionRegistry, valueWithoutScheme } from '../peppol/index.js';
import { attr, text } from '../ubl/reader.js';

/** Query parameters that replace what the document says. */
export interface SubmissionOverrides {
  sender?: string;
  receiver?: string;
  documentType?: string;
  process?: string;
}

/** Where a submitted document goes, as it and the overrides say: ids as records keep them. */
export interface SubmissionAddress {
  transaction: Transaction;
  /** `scheme:value`, lower-cased. */
  senderId: string;
  receiverId: string;
  /** `scheme::value` */
  documentTypeId: string;
  processId: string;
}

/** The document cannot be addressed: `field` names the query parameter or the document part at fault. */
export class SubmissionAddressError extends Error {
  override name = 'SubmissionAddressError';
  constructor(
    readonly where: 'query' | 'body',
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const PARTICIPANT = /^[0-9]{4}:[^\s:/?#]{1,128}$/;

/**
 * Addresses a submitted UBL document: its transaction from the CustomizationID (or the document
 * type given), its process from ProfileID, sender and receiver from the EndpointIDs of the parties
 * the transaction names; each overridable by query. Checks that they fit each other.
 */
export function addressSubmission(root: Element, overrides: SubmissionOverrides, registry: TransactionRegistry): SubmissionAddress {
  const customizationId = text(root, 'cbc:CustomizationID');
  let transaction: Transaction | undefined;
  if (overrides.documentType !== undefined) {
    transaction = registry.forDocumentType(overrides.documentType.trim());
    if (!transaction) throw new SubmissionAddressError('query', 'documentType', `not a document type this access point knows: ${overrides.documentType}`);
  } else {
    if (!customizationId) throw new SubmissionAddressError('body', 'cbc:CustomizationID', 'the document has no cbc:CustomizationID; give documentType');
    transaction = registry.forCustomization(customizationId);
    if (!transaction) throw new SubmissionAddressError('body', 'cbc:CustomizationID', `not a Peppol BIS document this access point knows: ${customizationId}`);
  }
  if (transaction.id === TRANSACTIONS.messageLevelStatus.id) {
    throw new SubmissionAddressError('body', 'cbc:CustomizationID', 'Message Level Status is sent by the access point itself, not by back ends');
  }
  if (root.namespaceURI !== transaction.rootNamespace || root.localName !== transaction.rootName) {
    throw new SubmissionAddressError('body', '(root)', `a ${transaction.id} ${transaction.name} is a ${transaction.rootName} of ${transaction.rootNamespace}, not ${root.localName}`);
  }
  const given = (overrides.process ?? text(root, 'cbc:ProfileID'))?.trim();
  const process = given === undefined ? undefined : valueWithoutScheme(given, IDENTIFIER_SCHEMES.process);
  if (!process) throw new SubmissionAddressError('body', 'cbc:ProfileID', 'the document has no cbc:ProfileID; give process');
  if (!(transaction.processIds as readonly string[]).includes(process)) {
    throw new SubmissionAddressError(overrides.process !== undefined ? 'query' : 'body', overrides.process !== undefined ? 'process' : 'cbc:ProfileID', `${transaction.id} is not used in process ${process} (it is in ${transaction.processIds.join(', ')})`);
  }
  const parties = documentPartiesOf(transaction.id);
  const participant = (role: 'sender' | 'receiver'): string => {
    const given = overrides[role];
    if (given !== undefined) {
      if (!PARTICIPANT.test(given.trim())) throw new SubmissionAddressError('query', role, 'expected a participant id like 0088:7315458756324');
      return normalizeParticipant(given);
    }
    const path = parties?.[role];
    const value = path ? text(root, `${path}/cbc:EndpointID`) : undefined;
    const scheme = path ? attr(root, `${path}/cbc:EndpointID`, 'schemeID') : undefined;
    if (!path || !value || !scheme) throw new SubmissionAddressError('body', path ? `${path}/cbc:EndpointID` : role, `the document names no ${role} (${path ?? 'no party'}/cbc:EndpointID with schemeID); give ${role}`);
    const id = `${scheme}:${value}`;
    if (!PARTICIPANT.test(id)) throw new SubmissionAddressError('body', `${path}/cbc:EndpointID`, `${JSON.stringify(id)} is not a participant id`);
    return normalizeParticipant(id);
  };
  return {
    transaction,
    senderId: participant('sender'),
    receiverId: participant('receiver'),
    documentTypeId: qualifiedDocumentTypeId(transaction.documentTypeId),
    processId: qualifiedProcessId(process),
  };
}
