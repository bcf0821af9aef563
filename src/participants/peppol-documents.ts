import type { MessageKind } from '../messages/message-kinds.js';
import { TransactionRegistry, type Transaction } from '../validation/transaction-registry.js';

export const DOCUMENT_TYPE_SCHEME = 'busdox-docid-qns';
export const PROCESS_SCHEME = 'cenbii-procid-ubl';
export const PARTICIPANT_SCHEME = 'iso6523-actorid-upis';
const UBL_VERSION = '2.1';

/** The Peppol document type identifier value of a transaction: «root ns»::«root»##«customization»::2.1. */
export function documentTypeValue(t: Pick<Transaction, 'root' | 'rootName' | 'customizationId'>): string {
  return `${t.root}::${t.rootName}##${t.customizationId}::${UBL_VERSION}`;
}

export interface AcceptedDocument {
  documentTypeId: string;
  processId: string;
  transaction: string;
}

/** Transactions this access point processes for the participants it serves (receiving side). */
export const RECEIVED_TRANSACTIONS = ['T77', 'T19', 'T58', 'T01', 'T76'] as const;

/** Every (document type, process) pair in scheme::value form for the given transactions. */
export function acceptedDocuments(ids: readonly string[] = RECEIVED_TRANSACTIONS, registry = new TransactionRegistry()): AcceptedDocument[] {
  const out: AcceptedDocument[] = [];
  for (const id of ids) {
    const t = registry.get(id);
    if (!t) throw new Error(`unknown transaction ${id}`);
    for (const profile of t.profileIds) {
      out.push({ documentTypeId: `${DOCUMENT_TYPE_SCHEME}::${documentTypeValue(t)}`, processId: `${PROCESS_SCHEME}::${profile}`, transaction: t.id });
    }
  }
  return out;
}

/** Which transaction a document type identifier (scheme::value or value) denotes, if one we know. */
export function transactionOfDocumentType(documentTypeId: string, registry = new TransactionRegistry()): Transaction | undefined {
  const value = documentTypeId.startsWith(`${DOCUMENT_TYPE_SCHEME}::`) ? documentTypeId.slice(DOCUMENT_TYPE_SCHEME.length + 2) : documentTypeId;
  return registry.transactions.find((t) => documentTypeValue(t) === value);
}

/** The kind of a message record, from its transaction. */
export function kindOfTransaction(id: string | undefined): MessageKind {
  switch (id) {
    case 'T77':
      return 'cart';
    case 'T19':
      return 'catalogue';
    case 'T58':
      return 'catalogue-response';
    case 'T01':
      return 'order';
    case 'T76':
      return 'order-response';
    default:
      return 'other';
  }
}

/** Participant identifier values are case-insensitive; we store and compare them lower-cased. */
export function normalizeParticipant(value: string): string {
  return value.trim().toLowerCase();
}

/** Document type and process identifiers (scheme + value) of a transaction, for building envelopes. */
export function peppolIdentifiersOf(
  transactionId: string,
  profileId?: string,
  registry = new TransactionRegistry(),
): { documentType: { scheme: string; value: string }; process: { scheme: string; value: string } } {
  const t = registry.get(transactionId);
  if (!t) throw new Error(`unknown transaction ${transactionId}`);
  const process = profileId ?? t.profileIds[0]!;
  if (!t.profileIds.includes(process)) throw new Error(`${transactionId} is not used in process ${process}`);
  return { documentType: { scheme: DOCUMENT_TYPE_SCHEME, value: documentTypeValue(t) }, process: { scheme: PROCESS_SCHEME, value: process } };
}
