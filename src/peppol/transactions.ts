/**
 * The Peppol BIS transactions this access point knows, as one table: how a document is recognised
 * (customization id, root element), how it is addressed (document type id, process ids), what it is
 * to us (message kind), and which official artefacts validate it. Adding a transaction is one row
 * here plus its rule files in the rule release.
 */

/** Process ids (UBL `cbc:ProfileID`, scheme `cenbii-procid-ubl`) of the BIS processes in use. */
export const PROCESSES = {
  punchOut: 'urn:fdc:peppol.eu:poacc:bis:punch_out:3',
  /** Catalogue answered with a Catalogue Response. */
  catalogueOnly: 'urn:fdc:peppol.eu:poacc:bis:catalogue_only:3',
  catalogueWithoutResponse: 'urn:fdc:peppol.eu:poacc:bis:catalogue_wo_response:3',
  /** Order answered with an Order Response. */
  ordering: 'urn:fdc:peppol.eu:poacc:bis:ordering:3',
  orderOnly: 'urn:fdc:peppol.eu:poacc:bis:order_only:3',
  advancedOrdering: 'urn:fdc:peppol.eu:poacc:bis:advanced_ordering:3',
  despatchAdvice: 'urn:fdc:peppol.eu:poacc:bis:despatch_advice:3',
  messageLevelResponse: 'urn:fdc:peppol.eu:poacc:bis:mlr:3',
  orderAgreement: 'urn:fdc:peppol.eu:poacc:bis:order_agreement:3',
  invoiceResponse: 'urn:fdc:peppol.eu:poacc:bis:invoice_response:3',
  /** Message Level Status between access points (eDEC, not a BIS of the post-award set). */
  messageLevelStatus: 'urn:peppol:edec:mls',
  /** Peppol Reporting: the monthly TSR and EUSR an access point sends OpenPeppol. */
  reporting: 'urn:fdc:peppol.eu:edec:bis:reporting:1.0',
} as const;

export type ProcessId = (typeof PROCESSES)[keyof typeof PROCESSES];

/**
 * What a document is to this access point: the kind of its message record. Transactions without a
 * flow of their own here (passed on as they are) are `other`, as is a document of no known transaction.
 */
export const PEPPOL_DOCUMENT_KINDS = ['cart', 'catalogue', 'catalogue-response', 'order', 'order-response', 'message-status', 'other'] as const;
export type PeppolDocumentKind = (typeof PEPPOL_DOCUMENT_KINDS)[number];

/**
 * Document syntaxes. The version is the last part of a document type id and the SBDH `TypeVersion`;
 * a row's schema path is relative to the schema folder of its syntax: the configured UBL 2.1 folder,
 * or, for a syntax whose schema ships with the product (UBL 2.3, TSR, EUSR), its `schemaFolder` (from the package root).
 */
export const SYNTAXES = {
  'ubl-2.1': { version: '2.1' },
  /**
   * UBL 2.3: OpenPeppol validates the Advanced Ordering transactions (T114, T115, T116) against the
   * UBL 2.3 schemas, and their document type ids end in `::2.3`.
   */
  'ubl-2.3': { version: '2.3', schemaFolder: 'schemas/ubl-2.3' },
  /** Transaction Statistics Report 1.0 (OpenPeppol's own XML, not UBL). */
  'peppol-tsr-1.0': { version: '1.0', schemaFolder: 'schemas/peppol-reporting/tsr-1.0.4' },
  /** End User Statistics Report 1.1. */
  'peppol-eusr-1.1': { version: '1.1', schemaFolder: 'schemas/peppol-reporting/eusr-1.1.4' },
} as const satisfies Record<string, { version: string; schemaFolder?: string }>;
export type DocumentSyntax = keyof typeof SYNTAXES;

/** One row of the transaction table. */
export interface Transaction {
  /** Peppol BIS transaction id, e.g. `T77`. */
  readonly id: string;
  readonly name: string;
  readonly kind: PeppolDocumentKind;
  /** `cbc:CustomizationID`, exactly (an extension of it is another customization). */
  readonly customizationId: string;
  /** Processes the transaction is used in; the first is the default when a sender names none. */
  readonly processIds: readonly ProcessId[];
  readonly syntax: DocumentSyntax;
  /** Namespace URI and local name of the document's root element. */
  readonly rootNamespace: string;
  readonly rootName: string;
  /** Document type id value (scheme `busdox-docid-qns`): `«rootNamespace»::«rootName»##«customizationId»::«syntax version»`. */
  readonly documentTypeId: string;
  /** Path of the document's XML schema, relative to the schema folder of its syntax. */
  readonly xsd: string;
  /** Base name of the compiled schematron in a rule release (`<stylesheet>.xslt`), as OpenPeppol names it. */
  readonly stylesheet: string;
  /**
   * Rules shipped with the product rather than in a BIS rule release (MLS, TSR, EUSR): the folder, from the
   * package root, holding `<stylesheet>.sch`. Served beside whichever release is active.
   */
  readonly shippedRules?: string;
}

const UBL = 'urn:oasis:names:specification:ubl:schema:xsd:';

/** The table, keyed by the names code uses to refer to a transaction (`TRANSACTIONS.order`). */
export const TRANSACTIONS = {
  punchOut: {
    id: 'T77',
    name: 'Punch Out',
    kind: 'cart',
    customizationId: 'urn:fdc:peppol.eu:poacc:trns:punch_out:3',
    processIds: [PROCESSES.punchOut],
    syntax: 'ubl-2.1',
    rootNamespace: `${UBL}Catalogue-2`,
    rootName: 'Catalogue',
    documentTypeId: 'urn:oasis:names:specification:ubl:schema:xsd:Catalogue-2::Catalogue##urn:fdc:peppol.eu:poacc:trns:punch_out:3::2.1',
    xsd: 'maindoc/UBL-Catalogue-2.1.xsd',
    stylesheet: 'PEPPOLBIS-T77',
  },
  catalogue: {
    id: 'T19',
    name: 'Catalogue',
    kind: 'catalogue',
    customizationId: 'urn:fdc:peppol.eu:poacc:trns:catalogue:3',
    processIds: [PROCESSES.catalogueOnly, PROCESSES.catalogueWithoutResponse],
    syntax: 'ubl-2.1',
    rootNamespace: `${UBL}Catalogue-2`,
    rootName: 'Catalogue',
    documentTypeId: 'urn:oasis:names:specification:ubl:schema:xsd:Catalogue-2::Catalogue##urn:fdc:peppol.eu:poacc:trns:catalogue:3::2.1',
    xsd: 'maindoc/UBL-Catalogue-2.1.xsd',
    stylesheet: 'PEPPOLBIS-T19',
  },
  catalogueResponse: {
    id: 'T58',
    name: 'Catalogue Response',
    kind: 'catalogue-response',
    customizationId: 'urn:fdc:peppol.eu:poacc:trns:catalogue_response:3',
    processIds: [PROCESSES.catalogueOnly],
    syntax: 'ubl-2.1',
    rootNamespace: `${UBL}ApplicationResponse-2`,
    rootName: 'ApplicationResponse',
    documentTypeId:
      'urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2::ApplicationResponse##urn:fdc:peppol.eu:poacc:trns:catalogue_response:3::2.1',
    xsd: 'maindoc/UBL-ApplicationResponse-2.1.xsd',
    stylesheet: 'PEPPOLBIS-T58',
  },
  order: {
    id: 'T01',
    name: 'Order',
    kind: 'order',
    customizationId: 'urn:fdc:peppol.eu:poacc:trns:order:3',
    processIds: [PROCESSES.orderOnly, PROCESSES.ordering, PROCESSES.advancedOrdering],
    syntax: 'ubl-2.1',
    rootNamespace: `${UBL}Order-2`,
    rootName: 'Order',
    documentTypeId: 'urn:oasis:names:specification:ubl:schema:xsd:Order-2::Order##urn:fdc:peppol.eu:poacc:trns:order:3::2.1',
    xsd: 'maindoc/UBL-Order-2.1.xsd',
    stylesheet: 'PEPPOLBIS-T01',
  },
  orderResponse: {
    id: 'T76',
    name: 'Order Response',
    kind: 'order-response',
    customizationId: 'urn:fdc:peppol.eu:poacc:trns:order_response:3',
    processIds: [PROCESSES.ordering, PROCESSES.advancedOrdering],
    syntax: 'ubl-2.1',
    rootNamespace: `${UBL}OrderResponse-2`,
    rootName: 'OrderResponse',
    documentTypeId: 'urn:oasis:names:specification:ubl:schema:xsd:OrderResponse-2::OrderResponse##urn:fdc:peppol.eu:poacc:trns:order_response:3::2.1',
    xsd: 'maindoc/UBL-OrderResponse-2.1.xsd',
    stylesheet: 'PEPPOLBIS-T76',
  },
  despatchAdvice: {
    id: 'T16',
    name: 'Despatch Advice',
    kind: 'other',
    customizationId: 'urn:fdc:peppol.eu:poacc:trns:despatch_advice:3',
    processIds: [PROCESSES.despatchAdvice],
    syntax: 'ubl-2.1',
    rootNamespace: `${UBL}DespatchAdvice-2`,
    rootName: 'DespatchAdvice',
    documentTypeId: 'urn:oasis:names:specification:ubl:schema:xsd:DespatchAdvice-2::DespatchAdvice##urn:fdc:peppol.eu:poacc:trns:despatch_advice:3::2.1',
    xsd: 'maindoc/UBL-DespatchAdvice-2.1.xsd',
    stylesheet: 'PEPPOLBIS-T16',
  },
  messageLevelResponse: {
    id: 'T71',
    name: 'Message Level Response',
    kind: 'other',
    customizationId: 'urn:fdc:peppol.eu:poacc:trns:mlr:3',
    processIds: [PROCESSES.messageLevelResponse],
    syntax: 'ubl-2.1',
    rootNamespace: `${UBL}ApplicationResponse-2`,
    rootName: 'ApplicationResponse',
    documentTypeId: 'urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2::ApplicationResponse##urn:fdc:peppol.eu:poacc:trns:mlr:3::2.1',
    xsd: 'maindoc/UBL-ApplicationResponse-2.1.xsd',
    stylesheet: 'PEPPOLBIS-T71',
  },
  orderAgreement: {
    id: 'T110',
    name: 'Order Agreement',
    kind: 'other',
    customizationId: 'urn:fdc:peppol.eu:poacc:trns:order_agreement:3',
    processIds: [PROCESSES.orderAgreement],
    syntax: 'ubl-2.1',
    rootNamespace: `${UBL}OrderResponse-2`,
    rootName: 'OrderResponse',
    documentTypeId: 'urn:oasis:names:specification:ubl:schema:xsd:OrderResponse-2::OrderResponse##urn:fdc:peppol.eu:poacc:trns:order_agreement:3::2.1',
    xsd: 'maindoc/UBL-OrderResponse-2.1.xsd',
    stylesheet: 'PEPPOLBIS-T110',
  },
  invoiceResponse: {
    id: 'T111',
    name: 'Invoice Response',
    kind: 'other',
    customizationId: 'urn:fdc:peppol.eu:poacc:trns:invoice_response:3',
    processIds: [PROCESSES.invoiceResponse],
    syntax: 'ubl-2.1',
    rootNamespace: `${UBL}ApplicationResponse-2`,
    rootName: 'ApplicationResponse',
    documentTypeId:
      'urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2::ApplicationResponse##urn:fdc:peppol.eu:poacc:trns:invoice_response:3::2.1',
    xsd: 'maindoc/UBL-ApplicationResponse-2.1.xsd',
    stylesheet: 'PEPPOLBIS-T111',
  },
  orderChange: {
    id: 'T114',
    name: 'Order Change',
    kind: 'other',
    customizationId: 'urn:fdc:peppol.eu:poacc:trns:order_change:3',
    processIds: [PROCESSES.advancedOrdering],
    syntax: 'ubl-2.3',
    rootNamespace: `${UBL}OrderChange-2`,
    rootName: 'OrderChange',
    documentTypeId: 'urn:oasis:names:specification:ubl:schema:xsd:OrderChange-2::OrderChange##urn:fdc:peppol.eu:poacc:trns:order_change:3::2.3',
    xsd: 'maindoc/UBL-OrderChange-2.3.xsd',
    stylesheet: 'PEPPOLBIS-T114',
  },
  orderCancellation: {
    id: 'T115',
    name: 'Order Cancellation',
    kind: 'other',
    customizationId: 'urn:fdc:peppol.eu:poacc:trns:order_cancellation:3',
    processIds: [PROCESSES.advancedOrdering],
    syntax: 'ubl-2.3',
    rootNamespace: `${UBL}OrderCancellation-2`,
    rootName: 'OrderCancellation',
    documentTypeId:
      'urn:oasis:names:specification:ubl:schema:xsd:OrderCancellation-2::OrderCancellation##urn:fdc:peppol.eu:poacc:trns:order_cancellation:3::2.3',
    xsd: 'maindoc/UBL-OrderCancellation-2.3.xsd',
    stylesheet: 'PEPPOLBIS-T115',
  },
  orderResponseAdvanced: {
    id: 'T116',
    name: 'Order Response Advanced',
    kind: 'other',
    customizationId: 'urn:fdc:peppol.eu:poacc:trns:order_response_advanced:3',
    processIds: [PROCESSES.advancedOrdering],
    syntax: 'ubl-2.3',
    rootNamespace: `${UBL}OrderResponse-2`,
    rootName: 'OrderResponse',
    documentTypeId:
      'urn:oasis:names:specification:ubl:schema:xsd:OrderResponse-2::OrderResponse##urn:fdc:peppol.eu:poacc:trns:order_response_advanced:3::2.3',
    xsd: 'maindoc/UBL-OrderResponse-2.3.xsd',
    stylesheet: 'PEPPOLBIS-T116',
  },
  /**
   * Message Level Status (eDEC MLS 1.0): what the receiving access point tells the sending one
   * about a document it received. Between service providers, never for end users.
   */
  messageLevelStatus: {
    id: 'MLS',
    name: 'Message Level Status',
    kind: 'message-status',
    customizationId: 'urn:peppol:edec:mls:1.0',
    processIds: [PROCESSES.messageLevelStatus],
    syntax: 'ubl-2.1',
    rootNamespace: `${UBL}ApplicationResponse-2`,
    rootName: 'ApplicationResponse',
    documentTypeId: 'urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2::ApplicationResponse##urn:peppol:edec:mls:1.0::2.1',
    xsd: 'maindoc/UBL-ApplicationResponse-2.1.xsd',
    stylesheet: 'peppol-mls-1.0.1',
    shippedRules: 'schemas/peppol-mls/1.0.1',
  },
  /**
   * Transaction Statistics Report (TSR 1.0, schematron 1.0.4): how many documents this access point
   * sent and received in a month, sent to OpenPeppol. Note `report` in the namespace but
   * `reporting` in the customization id, as published.
   */
  transactionStatisticsReport: {
    id: 'TSR',
    name: 'Transaction Statistics Report',
    kind: 'other',
    customizationId: 'urn:fdc:peppol.eu:edec:trns:transaction-statistics-reporting:1.0',
    processIds: [PROCESSES.reporting],
    syntax: 'peppol-tsr-1.0',
    rootNamespace: 'urn:fdc:peppol:transaction-statistics-report:1.0',
    rootName: 'TransactionStatisticsReport',
    documentTypeId:
      'urn:fdc:peppol:transaction-statistics-report:1.0::TransactionStatisticsReport##urn:fdc:peppol.eu:edec:trns:transaction-statistics-reporting:1.0::1.0',
    xsd: 'peppol-transaction-statistics-reporting-1.0.xsd',
    stylesheet: 'peppol-transaction-statistics-reporting-1.0.4',
    shippedRules: 'schemas/peppol-reporting/tsr-1.0.4',
  },
  /** End User Statistics Report (EUSR 1.1, schematron 1.1.4): how many distinct end users sent and received, sent to OpenPeppol. */
  endUserStatisticsReport: {
    id: 'EUSR',
    name: 'End User Statistics Report',
    kind: 'other',
    customizationId: 'urn:fdc:peppol.eu:edec:trns:end-user-statistics-report:1.1',
    processIds: [PROCESSES.reporting],
    syntax: 'peppol-eusr-1.1',
    rootNamespace: 'urn:fdc:peppol:end-user-statistics-report:1.1',
    rootName: 'EndUserStatisticsReport',
    documentTypeId: 'urn:fdc:peppol:end-user-statistics-report:1.1::EndUserStatisticsReport##urn:fdc:peppol.eu:edec:trns:end-user-statistics-report:1.1::1.1',
    xsd: 'peppol-end-user-statistics-reporting-1.1.xsd',
    stylesheet: 'peppol-end-user-statistics-reporting-1.1.4',
    shippedRules: 'schemas/peppol-reporting/eusr-1.1.4',
  },
} as const satisfies Record<string, Transaction>;

export type TransactionName = keyof typeof TRANSACTIONS;
/** The id of a transaction in the table (`'T77' | 'T19' | ...`). */
export type TransactionId = (typeof TRANSACTIONS)[TransactionName]['id'];

/** Every row, in table order. */
export const TRANSACTION_TABLE: readonly Transaction[] = Object.values(TRANSACTIONS);

/** The two monthly reports: never counted in them (neither sent nor received). */
export const REPORTING_TRANSACTIONS: readonly Transaction[] = [TRANSACTIONS.transactionStatisticsReport, TRANSACTIONS.endUserStatisticsReport];

/** Where a transaction's XML schema is: the row's path under its syntax's shipped folder, or undefined for the configured UBL 2.1 folder. */
export function shippedSchemaFolderOf(t: Pick<Transaction, 'syntax'>): string | undefined {
  const syntax: { version: string; schemaFolder?: string } = SYNTAXES[t.syntax];
  return syntax.schemaFolder;
}

/**
 * Transactions this access point processes for the participants it serves (what it registers as
 * accepted). MLS is not among them: it is addressed to the provider's own SPIS participant.
 */
export const RECEIVED_TRANSACTIONS: readonly Transaction[] = [
  TRANSACTIONS.punchOut,
  TRANSACTIONS.catalogue,
  TRANSACTIONS.catalogueResponse,
  TRANSACTIONS.order,
  TRANSACTIONS.orderResponse,
];
