import { createHash } from 'node:crypto';
import { base32 } from 'rfc4648';
import type { PeppolIdentifier } from '../peppol/index.js';

/**
 * DNS name of a participant for the U-NAPTR lookup: base32 (RFC 4648, no
 * padding, lower case) of SHA-256 over the lower-cased identifier value, then the scheme and the zone.
 */
export function naptrNameFor(participant: PeppolIdentifier, zone: string): string {
  const digest = createHash('sha256').update(participant.value.toLowerCase(), 'utf8').digest();
  const label = base32.stringify(digest, { pad: false }).toLowerCase();
  return `${label}.${participant.scheme.toLowerCase()}.${zone}`;
}

/** Legacy CNAME name: `B-` + hex MD5 of the lower-cased value. */
export function legacyCnameFor(participant: PeppolIdentifier, zone: string): string {
  const digest = createHash('md5').update(participant.value.toLowerCase(), 'utf8').digest('hex');
  return `B-${digest}.${participant.scheme.toLowerCase()}.${zone}`;
}
