/**
 * ebMS 3.0 / AS4 error codes as data: short description, category and severity
 * as in ebMS 3.0 Core §6.7 (0301–0303 from the AS4 profile); origin `security` for the security and
 * reliability codes, `ebMS` otherwise.
 */
export type EbmsSeverity = 'failure' | 'warning';
export type EbmsCategory = 'Content' | 'Communication' | 'Unpackaging' | 'Processing';
export type EbmsOrigin = 'ebMS' | 'security' | 'reliability';

export interface EbmsErrorDefinition {
  readonly code: string;
  readonly shortDescription: string;
  readonly category: EbmsCategory;
  readonly severity: EbmsSeverity;
  readonly origin: EbmsOrigin;
}

const define = <const T extends Record<string, Omit<EbmsErrorDefinition, 'code'>>>(table: T) =>
  Object.freeze(
    Object.fromEntries(Object.entries(table).map(([code, d]) => [code, Object.freeze({ code, ...d })])),
  ) as { readonly [K in keyof T]: EbmsErrorDefinition & { code: K } };

export const EBMS_ERRORS = define({
  'EBMS:0001': { shortDescription: 'ValueNotRecognized', category: 'Content', severity: 'failure', origin: 'ebMS' },
  'EBMS:0002': { shortDescription: 'FeatureNotSupported', category: 'Content', severity: 'warning', origin: 'ebMS' },
  'EBMS:0003': { shortDescription: 'ValueInconsistent', category: 'Content', severity: 'failure', origin: 'ebMS' },
  'EBMS:0004': { shortDescription: 'Other', category: 'Content', severity: 'failure', origin: 'ebMS' },
  'EBMS:0005': { shortDescription: 'ConnectionFailure', category: 'Communication', severity: 'failure', origin: 'ebMS' },
  'EBMS:0006': { shortDescription: 'EmptyMessagePartitionChannel', category: 'Communication', severity: 'warning', origin: 'ebMS' },
  'EBMS:0007': { shortDescription: 'MimeInconsistency', category: 'Unpackaging', severity: 'failure', origin: 'ebMS' },
  'EBMS:0008': { shortDescription: 'FeatureNotSupported', category: 'Unpackaging', severity: 'failure', origin: 'ebMS' },
  'EBMS:0009': { shortDescription: 'InvalidHeader', category: 'Unpackaging', severity: 'failure', origin: 'ebMS' },
  'EBMS:0010': { shortDescription: 'ProcessingModeMismatch', category: 'Processing', severity: 'failure', origin: 'ebMS' },
  'EBMS:0011': { shortDescription: 'ExternalPayloadError', category: 'Content', severity: 'failure', origin: 'ebMS' },
  'EBMS:0101': { shortDescription: 'FailedAuthentication', category: 'Processing', severity: 'failure', origin: 'security' },
  'EBMS:0102': { shortDescription: 'FailedDecryption', category: 'Processing', severity: 'failure', origin: 'security' },
  'EBMS:0103': { shortDescription: 'PolicyNoncompliance', category: 'Processing', severity: 'failure', origin: 'security' },
  'EBMS:0201': { shortDescription: 'DysfunctionalReliability', category: 'Processing', severity: 'failure', origin: 'reliability' },
  'EBMS:0202': { shortDescription: 'DeliveryFailure', category: 'Communication', severity: 'failure', origin: 'reliability' },
  'EBMS:0301': { shortDescription: 'MissingReceipt', category: 'Communication', severity: 'failure', origin: 'ebMS' },
  'EBMS:0302': { shortDescription: 'InvalidReceipt', category: 'Communication', severity: 'failure', origin: 'ebMS' },
  'EBMS:0303': { shortDescription: 'DecompressionFailure', category: 'Communication', severity: 'failure', origin: 'ebMS' },
});

export type EbmsErrorCode = keyof typeof EBMS_ERRORS;

/** Peppol-specific `eb:ErrorDetail` values (Peppol AS4 specification). */
export const PEPPOL_ERROR_DETAIL = {
  notServiced: 'PEPPOL:NOT_SERVICED',
} as const;

export interface EbmsErrorOptions {
  /** Human-readable `eb:Description`; defaults to the detail. */
  description?: string;
  /** HTTP status for the reply when it must differ from the code's default (e.g. 413 for size). */
  httpStatus?: number;
  cause?: unknown;
}

/** The one exception every AS4 step throws: it carries the ebMS code the sender will see. */
export class EbmsError extends Error {
  override name = 'EbmsError';
  readonly definition: EbmsErrorDefinition;
  readonly description: string;
  readonly httpStatus: number | undefined;

  constructor(
    readonly code: EbmsErrorCode,
    readonly detail: string,
    readonly refToMessageId?: string,
    options: EbmsErrorOptions = {},
  ) {
    super(`${code} ${EBMS_ERRORS[code].shortDescription}: ${detail}`, { cause: options.cause });
    this.definition = EBMS_ERRORS[code];
    this.description = options.description ?? detail;
    this.httpStatus = options.httpStatus;
  }

  /** The same error, now tied to the message it refers to (known only after header parsing). */
  withRefToMessageId(refToMessageId: string | undefined): EbmsError {
    if (refToMessageId === undefined || this.refToMessageId !== undefined) return this;
    return new EbmsError(this.code, this.detail, refToMessageId, {
      description: this.description,
      httpStatus: this.httpStatus,
      cause: this.cause,
    });
  }
}
