/**
 * Peppol identifiers (Policy for use of Identifiers): a scheme plus a value, written `scheme::value`
 * in AS4 headers, SMP URLs and our records. The schemes are named here and nowhere else.
 */
export const IDENTIFIER_SCHEMES = {
  /** Participants (end users): `«ICD»:«id»`, e.g. `0088:7315458756324`. */
  participant: 'iso6523-actorid-upis',
  /** Document types: `«root namespace»::«root»##«customization»::«syntax version»`. */
  documentType: 'busdox-docid-qns',
  /** Document types registered in an SMP for every customization extending the given one. */
  documentTypeWildcard: 'peppol-doctype-wildcard',
  /** Processes: the BIS profile id, e.g. `urn:fdc:peppol.eu:poacc:bis:ordering:3`. */
  process: 'cenbii-procid-ubl',
} as const;

/** Schemes a document type identifier may carry. */
export const DOCUMENT_TYPE_SCHEMES: readonly string[] = [IDENTIFIER_SCHEMES.documentType, IDENTIFIER_SCHEMES.documentTypeWildcard];
/** Schemes a process identifier may carry. */
export const PROCESS_SCHEMES: readonly string[] = [IDENTIFIER_SCHEMES.process];

/** A Peppol identifier: scheme plus value (participant, document type or process). */
export interface PeppolIdentifier {
  readonly scheme: string;
  readonly value: string;
}

export const MAX_IDENTIFIER_LENGTH = 1024;

/** Parses `scheme::value` (URI form, e.g. an AS4 `Action`); throws on anything else. */
export function parseSchemeAndValue(uriForm: string): PeppolIdentifier {
  const trimmed = uriForm.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_IDENTIFIER_LENGTH) {
    throw new Error(`identifier must have 1..${MAX_IDENTIFIER_LENGTH} characters`);
  }
  const at = trimmed.indexOf('::');
  if (at <= 0 || at + 2 >= trimmed.length) {
    throw new Error(`identifier "${trimmed}" is not of the form scheme::value`);
  }
  const scheme = trimmed.slice(0, at);
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(scheme)) {
    throw new Error(`identifier scheme "${scheme}" contains characters other than letters, digits, . _ -`);
  }
  return { scheme, value: trimmed.slice(at + 2) };
}

export function formatSchemeAndValue(id: PeppolIdentifier): string {
  return `${id.scheme}::${id.value}`;
}

/** Participant id `«ICD»:«id»` in the participant scheme. */
export function isParticipantValue(value: string): boolean {
  return /^[0-9]{4}:[^\s:][^\s]{0,134}$/.test(value);
}

/** Participant ids of this scheme compare case-insensitively. */
export function sameParticipant(a: PeppolIdentifier, b: PeppolIdentifier): boolean {
  return a.scheme.toLowerCase() === b.scheme.toLowerCase() && a.value.toLowerCase() === b.value.toLowerCase();
}

/** Document type and process ids compare case-sensitively (value) with case-insensitive scheme. */
export function sameIdentifier(a: PeppolIdentifier, b: PeppolIdentifier): boolean {
  return a.scheme.toLowerCase() === b.scheme.toLowerCase() && a.value === b.value;
}

export function participant(value: string): PeppolIdentifier {
  return { scheme: IDENTIFIER_SCHEMES.participant, value };
}

/** Participant identifier values are case-insensitive; we store and compare them lower-cased. */
export function normalizeParticipant(value: string): string {
  return value.trim().toLowerCase();
}

/** Document type value `«root ns»::«local name»##«customization»::«version»`. */
export function isDocumentTypeValue(value: string): boolean {
  return /^[^\s#]+::[^\s#:]+##[^\s#]+::[^\s#:]+$/.test(value);
}

/** The value of `scheme::value` when it carries that scheme, else the input unchanged. */
export function valueWithoutScheme(id: string, scheme: string): string {
  return id.startsWith(`${scheme}::`) ? id.slice(scheme.length + 2) : id;
}

/** A document type id as records and routes store it: `busdox-docid-qns::«value»`. */
export function qualifiedDocumentTypeId(value: string): string {
  return `${IDENTIFIER_SCHEMES.documentType}::${value}`;
}

/** A process id as records and routes store it: `cenbii-procid-ubl::«value»`. */
export function qualifiedProcessId(value: string): string {
  return `${IDENTIFIER_SCHEMES.process}::${value}`;
}
