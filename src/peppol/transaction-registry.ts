import { IDENTIFIER_SCHEMES, valueWithoutScheme, type PeppolIdentifier } from './identifiers.js';
import { RECEIVED_TRANSACTIONS, SYNTAXES, TRANSACTION_TABLE, type PeppolDocumentKind, type Transaction } from './transactions.js';

/** A (document type, process) pair a participant accepts, both in `scheme::value` form. */
export interface AcceptedDocument {
  documentTypeId: string;
  processId: string;
  transaction: string;
}

export class UnknownTransactionError extends Error {
  override name = 'UnknownTransactionError';
}

/** The document type id value a transaction's root, customization and syntax make. */
export function documentTypeValueOf(t: Pick<Transaction, 'rootNamespace' | 'rootName' | 'customizationId' | 'syntax'>): string {
  return `${t.rootNamespace}::${t.rootName}##${t.customizationId}::${SYNTAXES[t.syntax].version}`;
}

/** Looks transactions up by id, CustomizationID or document type id; never guesses. */
export class TransactionRegistry {
  private readonly byId = new Map<string, Transaction>();
  private readonly byCustomization = new Map<string, Transaction>();
  private readonly byDocumentType = new Map<string, Transaction>();

  constructor(readonly transactions: readonly Transaction[] = TRANSACTION_TABLE) {
    for (const t of transactions) {
      this.byId.set(t.id, t);
      this.byCustomization.set(t.customizationId, t);
      this.byDocumentType.set(t.documentTypeId, t);
    }
  }

  /** By transaction id, in any case (`t19` is T19). */
  get(id: string): Transaction | undefined {
    return this.byId.get(id.toUpperCase());
  }

  require(id: string): Transaction {
    const t = this.get(id);
    if (!t) throw new UnknownTransactionError(`unknown transaction ${JSON.stringify(id)}; known: ${this.ids().join(', ')}`);
    return t;
  }

  /** Exact match on the trimmed CustomizationID: extensions of a customization are not assumed. */
  forCustomization(customizationId: string): Transaction | undefined {
    return this.byCustomization.get(customizationId.trim());
  }

  /** Which transaction a document type identifier (`scheme::value` or value) denotes, if one we know. */
  forDocumentType(documentTypeId: string): Transaction | undefined {
    return this.byDocumentType.get(valueWithoutScheme(documentTypeId, IDENTIFIER_SCHEMES.documentType));
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  /** The message kind of a transaction id; `other` when there is none or it is unknown. */
  kindOf(id: string | null | undefined): PeppolDocumentKind {
    return (id ? this.get(id)?.kind : undefined) ?? 'other';
  }

  /** Document type and process identifiers of a transaction, for building envelopes; the process defaults to its first. */
  identifiersOf(transactionId: string, processId?: string): { documentType: PeppolIdentifier; process: PeppolIdentifier } {
    const t = this.require(transactionId);
    const process = processId ?? t.processIds[0]!;
    if (!(t.processIds as readonly string[]).includes(process)) throw new Error(`${t.id} is not used in process ${process}`);
    return {
      documentType: { scheme: IDENTIFIER_SCHEMES.documentType, value: t.documentTypeId },
      process: { scheme: IDENTIFIER_SCHEMES.process, value: process },
    };
  }

  /** Every (document type, process) pair of the given transactions (default: those we receive), in `scheme::value` form. */
  acceptedDocuments(transactions: readonly Transaction[] = RECEIVED_TRANSACTIONS): AcceptedDocument[] {
    return transactions.flatMap((t) =>
      t.processIds.map((process) => ({
        documentTypeId: `${IDENTIFIER_SCHEMES.documentType}::${t.documentTypeId}`,
        processId: `${IDENTIFIER_SCHEMES.process}::${process}`,
        transaction: t.id,
      })),
    );
  }
}

/**
 * The one registry of the process, over the table in transactions.ts. Nest code gets it injected
 * (PeppolModule); code outside Nest (CLI, worker threads, pure functions) imports it from here.
 */
export const transactionRegistry = new TransactionRegistry();
