import type { X509Certificate } from 'node:crypto';
import type { CertificateValidator } from '../../pki/certificate-validator.js';
import { SenderCertificateValidator, type CertificateVerdict } from '../inbound/ports.js';

/** Raised when revocation could not be decided under hard-fail: the sender should retry later. */
export class RevocationUndecidedError extends Error {
  override name = 'RevocationUndecidedError';
}

/**
 * Binds the AS4 port to the PKI's CertificateValidator (AP purpose: Peppol AP CA chain, validity,
 * key usage, OCSP/CRL). An undecidable revocation status becomes a retryable failure (EBMS:0202)
 * rather than a permanent rejection.
 */
export class PkiSenderCertificateValidator extends SenderCertificateValidator {
  constructor(private readonly validator: CertificateValidator) {
    super();
  }

  async validate(certificate: X509Certificate, at: Date): Promise<CertificateVerdict> {
    const result = await this.validator.validate(certificate, 'ap', at);
    if (result.valid) return { valid: true };
    if (result.code === 'revocation-unknown') throw new RevocationUndecidedError(result.message);
    return { valid: false, reason: result.message };
  }
}
