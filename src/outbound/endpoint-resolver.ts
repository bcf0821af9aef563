import { X509Certificate } from 'node:crypto';
import type { PeppolIdentifier } from '../peppol/index.js';
import type { Clock } from '../common/clock.js';
import { DiscoveryError } from '../discovery/discovery.errors.js';
import type { PeppolDiscovery } from '../discovery/discovery.service.js';
import { CertificateParseError, parseCertificate } from '../pki/certificate.js';
import type { CertificateValidator } from '../pki/certificate-validator.js';
import type { As4Receiver } from './as4-sender.js';

/** For private setups and tests: the receiver's endpoint and certificate given, no SML/SMP lookup. */
export interface ExplicitEndpoint {
  url: string;
  certificatePem: string;
}

export interface ResolvedEndpoint extends As4Receiver {
  source: 'smp' | 'explicit';
  /** How it was found, step by step. */
  trace: string[];
  /** Soft-fail revocation warnings met on the way. */
  warnings: string[];
}

/** No endpoint to send to; `retryable` when the cause is an outage (DNS, SMP, OCSP responder). */
export class EndpointResolutionError extends Error {
  override name = 'EndpointResolutionError';
  constructor(
    readonly code: string,
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/**
 * Where a message goes: SML → SMP → AS4 endpoint and certificate (validated by discovery), or an
 * explicit endpoint whose certificate is validated here the same way (Peppol AP CA, validity,
 * revocation under the configured policy).
 */
export class EndpointResolver {
  constructor(
    private readonly discovery: Pick<PeppolDiscovery, 'lookup'>,
    private readonly validator: Pick<CertificateValidator, 'validate'>,
    private readonly clock: Clock,
  ) {}

  async resolve(
    target: { receiver: PeppolIdentifier; documentType: PeppolIdentifier; process: PeppolIdentifier },
    explicit?: ExplicitEndpoint,
  ): Promise<ResolvedEndpoint> {
    if (explicit) return this.explicit(explicit);
    try {
      const found = await this.discovery.lookup(target.receiver, target.documentType, target.process);
      return {
        source: 'smp',
        url: found.endpoint.url,
        certificate: new X509Certificate(found.endpoint.certificatePem),
        partyId: found.endpoint.receiverCn,
        trace: found.trace,
        warnings: found.warnings,
      };
    } catch (error) {
      if (error instanceof DiscoveryError) throw new EndpointResolutionError(`discovery:${error.code}`, `discovery failed (${error.code}): ${error.message}`, error.isTransient);
      throw error;
    }
  }

  private async explicit(endpoint: ExplicitEndpoint): Promise<ResolvedEndpoint> {
    let certificate: X509Certificate;
    try {
      certificate = parseCertificate(endpoint.certificatePem).node;
    } catch (error) {
      const reason = error instanceof CertificateParseError ? error.message : String(error);
      throw new EndpointResolutionError('certificate:malformed', `the given receiver certificate is unusable: ${reason}`, false);
    }
    const check = await this.validator.validate(certificate, 'ap', this.clock.now());
    if (!check.valid) {
      throw new EndpointResolutionError(`certificate:${check.code}`, `receiver certificate refused (${check.code}): ${check.message}`, check.code === 'revocation-unknown');
    }
    return {
      source: 'explicit',
      url: endpoint.url,
      certificate,
      partyId: check.subjectCn,
      trace: [`endpoint given explicitly: ${endpoint.url}`, `receiver certificate CN=${check.subjectCn}, revocation ${check.revocation.status}`],
      warnings: check.warnings,
    };
  }
}
