import type { X509Certificate } from 'node:crypto';
import type { CertificateValidation, CertificateValidator } from '../pki/certificate-validator.js';
import { SenderCertificateValidator, type CertificateVerdict } from '../as4/receive/ports.js';

/** Raised when revocation could not be decided under hard-fail: the sender should retry later. */
export class RevocationUndecidedError extends Error {
  override name = 'RevocationUndecidedError';
}

export interface VerdictCacheOptions {
  /** How long an acceptance is reused for the same certificate (0 disables the cache). */
  readonly ttlMs: number;
  readonly maxEntries: number;
}

/**
 * Binds the AS4 port to the PKI's CertificateValidator (AP purpose: Peppol AP CA chain, validity,
 * key usage, OCSP/CRL). A revocation status that could not be established now (responder down)
 * becomes a retryable failure (EBMS:0202); one that can never be established (the certificate names
 * no OCSP responder and no CRL) is a permanent rejection (EBMS:0101), as is every other refusal. Acceptances are reused for a short time per certificate (chain
 * building parses every certificate again); rejections are never cached. Messages signed with the
 * same certificate that arrive while it is being checked wait for that one check (a partner's burst
 * at start-up, or when its acceptance expires, would otherwise check it once per message in flight).
 */
export class PkiSenderCertificateValidator extends SenderCertificateValidator {
  private readonly accepted = new Map<string, number>();
  private readonly checking = new Map<string, Promise<CertificateValidation>>();

  constructor(
    private readonly validator: CertificateValidator,
    private readonly cache: VerdictCacheOptions = { ttlMs: 60_000, maxEntries: 1_000 },
  ) {
    super();
  }

  async validate(certificate: X509Certificate, at: Date): Promise<CertificateVerdict> {
    const key = certificate.fingerprint256;
    const until = this.accepted.get(key);
    if (until !== undefined && at.getTime() < until) return { valid: true };
    const result = await this.checkOnce(key, certificate, at);
    if (result.valid) {
      this.remember(key, Math.min(at.getTime() + this.cache.ttlMs, new Date(certificate.validTo).getTime()));
      return { valid: true };
    }
    this.accepted.delete(key);
    if (result.code === 'revocation-unknown') throw new RevocationUndecidedError(result.message);
    return { valid: false, reason: result.message };
  }

  private checkOnce(key: string, certificate: X509Certificate, at: Date): Promise<CertificateValidation> {
    const underway = this.checking.get(key);
    if (underway) return underway;
    const check = this.validator.validate(certificate, 'ap', at).finally(() => this.checking.delete(key));
    this.checking.set(key, check);
    return check;
  }

  private remember(key: string, until: number): void {
    if (this.cache.ttlMs <= 0) return;
    this.accepted.delete(key);
    if (this.accepted.size >= this.cache.maxEntries) this.accepted.delete(this.accepted.keys().next().value!);
    this.accepted.set(key, until);
  }
}
