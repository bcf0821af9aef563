import registryData from './transactions.json' with { type: 'json' };

/** A Peppol BIS transaction and the official artefacts that validate it. */
export interface Transaction {
  id: string;
  name: string;
  customizationId: string;
  profileIds: string[];
  /** Namespace URI of the UBL root element. */
  root: string;
  rootName: string;
  /** Path of the UBL 2.1 main document schema, relative to the UBL schema folder. */
  xsd: string;
  /** Base name of the compiled schematron file in a rule release (`<stylesheet>.xslt`). */
  stylesheet: string;
}

/** Looks transactions up by id or by the document's CustomizationID; never guesses. */
export class TransactionRegistry {
  private readonly byId = new Map<string, Transaction>();
  private readonly byCustomization = new Map<string, Transaction>();

  constructor(readonly transactions: readonly Transaction[] = registryData.transactions) {
    for (const t of transactions) {
      this.byId.set(t.id, t);
      this.byCustomization.set(t.customizationId, t);
    }
  }

  get(id: string): Transaction | undefined {
    return this.byId.get(id.toUpperCase());
  }

  /** Exact match on the trimmed CustomizationID: extensions of a customization are not assumed. */
  forCustomization(customizationId: string): Transaction | undefined {
    return this.byCustomization.get(customizationId.trim());
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }
}
