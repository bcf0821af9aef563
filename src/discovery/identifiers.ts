import { isParticipantValue, parseSchemeAndValue, type PeppolIdentifier } from '../as4/protocol/identifiers.js';
import { DiscoveryError } from './discovery.errors.js';

export const PARTICIPANT_SCHEME = 'iso6523-actorid-upis';
export const DOCTYPE_SCHEME = 'busdox-docid-qns';
export const PROCESS_SCHEME = 'cenbii-procid-ubl';
/** The only active Peppol AS4 transport profile. */
export const AS4_TRANSPORT_PROFILE = 'peppol-transport-as4-v2_0';

const MAX_LENGTH = 1024;

/** `0088:123`, or the URI form `iso6523-actorid-upis::0088:123`. */
export function parseParticipant(input: string): PeppolIdentifier {
  const id = parseWithDefaultScheme(input, PARTICIPANT_SCHEME, 'participant');
  if (id.scheme.toLowerCase() === PARTICIPANT_SCHEME && !isParticipantValue(id.value)) {
    throw new DiscoveryError('bad-identifier', `participant "${id.value}" is not of the form ICD:identifier (e.g. 0088:7315458756324)`);
  }
  return id;
}

/** A document type value, or `scheme::value` (a value itself contains `::`, so the scheme must be known). */
export function parseDocumentType(input: string): PeppolIdentifier {
  return parseWithKnownScheme(input, DOCTYPE_SCHEME, ['busdox-docid-qns', 'peppol-doctype-wildcard'], 'document type');
}

export function parseProcess(input: string): PeppolIdentifier {
  return parseWithKnownScheme(input, PROCESS_SCHEME, ['cenbii-procid-ubl'], 'process');
}

function parseWithDefaultScheme(input: string, scheme: string, what: string): PeppolIdentifier {
  const trimmed = input.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_LENGTH) {
    throw new DiscoveryError('bad-identifier', `${what} identifier must have 1..${MAX_LENGTH} characters`);
  }
  if (!trimmed.includes('::')) return { scheme, value: trimmed };
  try {
    return parseSchemeAndValue(trimmed);
  } catch (error) {
    throw new DiscoveryError('bad-identifier', `${what} identifier: ${(error as Error).message}`);
  }
}

function parseWithKnownScheme(input: string, scheme: string, knownSchemes: string[], what: string): PeppolIdentifier {
  const trimmed = input.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_LENGTH) {
    throw new DiscoveryError('bad-identifier', `${what} identifier must have 1..${MAX_LENGTH} characters`);
  }
  for (const known of knownSchemes) {
    if (trimmed.toLowerCase().startsWith(`${known}::`)) return { scheme: known, value: trimmed.slice(known.length + 2) };
  }
  return { scheme, value: trimmed };
}
