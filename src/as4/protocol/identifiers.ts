import { PEPPOL } from './peppol-profile.js';

/** A Peppol identifier: scheme plus value (participant, document type or process). */
export interface PeppolIdentifier {
  readonly scheme: string;
  readonly value: string;
}

const MAX_IDENTIFIER_LENGTH = 1024;

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

/** Participant id `«ICD»:«id»` in scheme iso6523-actorid-upis (peppol-network.md §3). */
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
  return { scheme: PEPPOL.participantScheme, value };
}

/** Document type value `«root ns»::«local name»##«customization»::«version»` (peppol-network.md §4). */
export function isDocumentTypeValue(value: string): boolean {
  return /^[^\s#]+::[^\s#:]+##[^\s#]+::[^\s#:]+$/.test(value);
}
