import { X509Certificate } from 'node:crypto';

const parsed = new Map<string, X509Certificate>();
const PARSED_MAX = 256;

/**
 * Reads a certificate from the base64 DER text of a BinarySecurityToken. The same few partner
 * certificates arrive with every message, so parsed ones are kept (bounded, oldest dropped first).
 */
export function certificateFromBase64(base64: string): X509Certificate {
  const compact = base64.replace(/\s+/g, '');
  const known = parsed.get(compact);
  if (known) return known;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) throw new Error('certificate is not base64');
  const der = Buffer.from(compact, 'base64');
  const certificate = new X509Certificate(der);
  if (parsed.size >= PARSED_MAX) parsed.delete(parsed.keys().next().value!);
  // Keyed by a fresh string: `compact` may be a slice of the whole SOAP text it was read from.
  parsed.set(der.toString('base64'), certificate);
  return certificate;
}

/** CN of the subject: the Peppol AP id (e.g. `POP000306`) used as eb:PartyId. */
export function commonName(certificate: X509Certificate): string | undefined {
  for (const line of certificate.subject.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0 && line.slice(0, eq).trim() === 'CN') return line.slice(eq + 1).trim();
  }
  return undefined;
}

export function sameCertificate(a: X509Certificate, b: X509Certificate): boolean {
  return a.raw.equals(b.raw);
}
