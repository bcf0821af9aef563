import {
  DOCUMENT_TYPE_SCHEMES,
  IDENTIFIER_SCHEMES,
  isParticipantValue,
  MAX_IDENTIFIER_LENGTH,
  parseSchemeAndValue,
  PROCESS_SCHEMES,
  type PeppolIdentifier,
} from '../peppol/index.js';
import { DiscoveryError } from './discovery.errors.js';

/** `0088:123`, or the URI form `«participant scheme»::0088:123`. */
export function parseParticipant(input: string): PeppolIdentifier {
  const id = parseWithDefaultScheme(input, IDENTIFIER_SCHEMES.participant, 'participant');
  if (id.scheme.toLowerCase() === IDENTIFIER_SCHEMES.participant && !isParticipantValue(id.value)) {
    throw new DiscoveryError('bad-identifier', `participant "${id.value}" is not of the form ICD:identifier (e.g. 0088:7315458756324)`);
  }
  return id;
}

/** A document type value, or `scheme::value` (a value itself contains `::`, so the scheme must be known). */
export function parseDocumentType(input: string): PeppolIdentifier {
  return parseWithKnownScheme(input, IDENTIFIER_SCHEMES.documentType, DOCUMENT_TYPE_SCHEMES, 'document type');
}

export function parseProcess(input: string): PeppolIdentifier {
  return parseWithKnownScheme(input, IDENTIFIER_SCHEMES.process, PROCESS_SCHEMES, 'process');
}

function parseWithDefaultScheme(input: string, scheme: string, what: string): PeppolIdentifier {
  const trimmed = input.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_IDENTIFIER_LENGTH) {
    throw new DiscoveryError('bad-identifier', `${what} identifier must have 1..${MAX_IDENTIFIER_LENGTH} characters`);
  }
  if (!trimmed.includes('::')) return { scheme, value: trimmed };
  try {
    return parseSchemeAndValue(trimmed);
  } catch (error) {
    throw new DiscoveryError('bad-identifier', `${what} identifier: ${(error as Error).message}`);
  }
}

function parseWithKnownScheme(input: string, scheme: string, knownSchemes: readonly string[], what: string): PeppolIdentifier {
  const trimmed = input.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_IDENTIFIER_LENGTH) {
    throw new DiscoveryError('bad-identifier', `${what} identifier must have 1..${MAX_IDENTIFIER_LENGTH} characters`);
  }
  for (const known of knownSchemes) {
    if (trimmed.toLowerCase().startsWith(`${known}::`)) return { scheme: known, value: trimmed.slice(known.length + 2) };
  }
  return { scheme, value: trimmed };
}
