import type { ParsedCertificate } from './certificate.js';

/** What a revocation source said about one certificate. */
export type RevocationStatus =
  | { status: 'good'; source: 'ocsp' | 'crl'; checkedAt: Date; nextUpdate?: Date }
  | { status: 'revoked'; source: 'ocsp' | 'crl'; checkedAt: Date; revokedAt?: Date; reason?: string }
  /**
   * No source gave an answer (unreachable, bad response): the policy decides. `uncheckable` when no
   * source could ever answer: the certificate names no OCSP responder and no CRL distribution point
   * (and none is configured), so asking again later cannot help.
   */
  | { status: 'unknown'; reason: string; uncheckable?: true };

/** Answers "is this certificate revoked?" for a leaf and the CA that issued it. */
export interface RevocationChecker {
  check(cert: ParsedCertificate, issuer: ParsedCertificate, at: Date): Promise<RevocationStatus>;
}
