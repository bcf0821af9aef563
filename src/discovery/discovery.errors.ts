export type DiscoveryFailure =
  | 'bad-identifier'
  | 'not-configured'
  | 'not-registered'
  | 'dns-failure'
  | 'smp-unreachable'
  | 'smp-not-found'
  | 'smp-bad-response'
  | 'smp-signature-invalid'
  | 'smp-signer-untrusted'
  | 'redirect-invalid'
  | 'no-matching-process'
  | 'no-as4-endpoint'
  | 'endpoint-not-active'
  | 'endpoint-url-invalid'
  | 'endpoint-certificate-invalid';

/** A discovery step failed; `code` says which, the message says why in one line. */
export class DiscoveryError extends Error {
  override name = 'DiscoveryError';
  constructor(
    readonly code: DiscoveryFailure,
    message: string,
    /** Why a certificate was refused (CertificateValidator code), for the certificate failures. */
    readonly certificateFailure?: string,
  ) {
    super(message);
  }

  /** An outage on the way (DNS, SMP, revocation responder) rather than an answer: asking later may succeed. */
  get isTransient(): boolean {
    return this.code === 'dns-failure' || this.code === 'smp-unreachable' || this.certificateFailure === 'revocation-unknown';
  }

  /** Failures that describe the participant's registration (cached briefly) rather than an outage. */
  get isNegativeAnswer(): boolean {
    return this.code === 'not-registered' || this.code === 'smp-not-found' || this.code === 'no-matching-process' || this.code === 'no-as4-endpoint' || this.code === 'endpoint-url-invalid';
  }
}
