import type { PeppolIdentifier } from '../peppol/index.js';
import type { Clock } from '../common/clock.js';
import type { CertificateValidator } from '../pki/certificate-validator.js';
import { derToPem } from '../pki/pem.js';
import { DiscoveryError } from './discovery.errors.js';
import { selectAs4Endpoint } from './endpoint-selector.js';
import type { SmlLocator, SmpLocation } from './sml-locator.js';
import type { SmpClient } from './smp-client.js';
import type { SmpFormat, SmpServiceGroup } from './smp-xml.js';
import { TtlCache } from './ttl-cache.js';

export interface DiscoveredEndpoint {
  participant: PeppolIdentifier;
  documentType: PeppolIdentifier;
  process?: PeppolIdentifier;
  smp: SmpLocation & { metadataUrl: string; redirectedFrom?: string; format: SmpFormat; signerCn: string };
  endpoint: {
    url: string;
    transportProfile: string;
    /** The receiving AP's certificate (encrypt to it, verify its receipts). */
    certificatePem: string;
    /** CN of that certificate: the AS4 To/PartyId. */
    receiverCn: string;
    activation?: Date;
    expiration?: Date;
    description?: string;
    technicalContact?: string;
  };
  /** Soft-fail revocation warnings met on the way. */
  warnings: string[];
  /** What was asked and found, step by step (for the CLI and logs). */
  trace: string[];
  fromCache: boolean;
}

export interface DiscoveryCacheOptions {
  ttlMs: number;
  negativeTtlMs: number;
  maxEntries: number;
  /** Peppol endpoints must be https on port 443; dev and loopback tests turn this off. */
  requireHttpsEndpoint?: boolean;
}

type Cached = { ok: true; value: DiscoveredEndpoint } | { ok: false; error: DiscoveryError };

/**
 * SML → SMP → endpoint + certificate, with both certificates (SMP signer, receiving AP) validated
 * against the Peppol PKI. Answers are cached: found endpoints for the TTL (never beyond the endpoint's
 * expiration or certificate end), "not there" answers only briefly so new registrations appear soon.
 */
export class PeppolDiscovery {
  private readonly cache: TtlCache<Cached>;
  /** Lookups under way, so a burst of sends to one participant asks the SML and SMP once. */
  private readonly inFlight = new Map<string, Promise<DiscoveredEndpoint>>();

  constructor(
    private readonly locator: SmlLocator,
    private readonly smp: SmpClient,
    private readonly validator: CertificateValidator,
    private readonly clock: Clock,
    private readonly cacheOptions: DiscoveryCacheOptions,
  ) {
    this.cache = new TtlCache(cacheOptions.maxEntries);
  }

  async lookup(participant: PeppolIdentifier, documentType: PeppolIdentifier, process?: PeppolIdentifier): Promise<DiscoveredEndpoint> {
    const key = `${participant.scheme.toLowerCase()}::${participant.value.toLowerCase()}|${documentType.scheme}::${documentType.value}|${process ? `${process.scheme}::${process.value}` : ''}`;
    const now = this.clock.now().getTime();
    const cached = this.cache.get(key, now);
    if (cached) {
      if (!cached.ok) throw cached.error;
      return { ...cached.value, fromCache: true };
    }
    const running = this.inFlight.get(key);
    if (running) return running;
    const work = this.discoverAndCache(key, participant, documentType, process).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, work);
    return work;
  }

  private async discoverAndCache(
    key: string,
    participant: PeppolIdentifier,
    documentType: PeppolIdentifier,
    process: PeppolIdentifier | undefined,
  ): Promise<DiscoveredEndpoint> {
    const now = this.clock.now().getTime();
    try {
      const found = await this.discover(participant, documentType, process);
      const limits = [now + this.cacheOptions.ttlMs, found.endpoint.expiration?.getTime() ?? Infinity];
      this.cache.set(key, { ok: true, value: found }, Math.min(...limits), now);
      return found;
    } catch (error) {
      if (error instanceof DiscoveryError && error.isNegativeAnswer) {
        this.cache.set(key, { ok: false, error }, now + this.cacheOptions.negativeTtlMs, now);
      }
      throw error;
    }
  }

  /** Document types a participant has registered (service group), for operators. */
  async listDocumentTypes(participant: PeppolIdentifier): Promise<{ location: SmpLocation; group: SmpServiceGroup; url: string }> {
    const location = await this.locator.locate(participant);
    const { group, url } = await this.smp.getServiceGroup(location.smpUrl, participant);
    return { location, group, url };
  }

  /** Forget cached answers: for one participant, or all. */
  invalidate(participant?: PeppolIdentifier): number {
    return this.cache.deletePrefix(participant ? `${participant.scheme.toLowerCase()}::${participant.value.toLowerCase()}|` : '');
  }

  private async discover(participant: PeppolIdentifier, documentType: PeppolIdentifier, process?: PeppolIdentifier): Promise<DiscoveredEndpoint> {
    const trace: string[] = [];
    const location = await this.locator.locate(participant);
    trace.push(
      location.method === 'fixed'
        ? `SMP fixed by configuration: ${location.smpUrl}`
        : `SML ${location.method === 'naptr' ? 'NAPTR' : 'legacy CNAME'} ${location.dnsName} -> SMP ${location.smpUrl}`,
    );
    const signed = await this.smp.getServiceMetadata(location.smpUrl, participant, documentType);
    if (signed.redirectedFrom) trace.push(`SMP redirect ${signed.redirectedFrom} -> ${signed.url}`);
    trace.push(`SMP metadata ${signed.url} (${signed.metadata.format}), signature valid, signed by ${signed.signer.subjectCn}`);

    const now = this.clock.now();
    const selected = selectAs4Endpoint(signed.metadata, { participant, documentType, process }, now);
    trace.push(`endpoint ${selected.endpoint.transportProfile} ${selected.endpoint.address}${selected.process ? ` for process ${selected.process.value}` : ''}`);
    checkEndpointUrl(selected.endpoint.address, this.cacheOptions.requireHttpsEndpoint ?? false);
    if (!selected.endpoint.certificate) throw new DiscoveryError('endpoint-certificate-invalid', 'the AS4 endpoint publishes no certificate');
    const check = await this.validator.validate(selected.endpoint.certificate, 'ap', now);
    if (!check.valid) throw new DiscoveryError('endpoint-certificate-invalid', `receiver certificate refused (${check.code}): ${check.message}`, check.code);
    trace.push(`receiver certificate CN=${check.subjectCn} valid until ${check.certificate.notAfter.toISOString()}, revocation ${check.revocation.status}`);

    return {
      participant,
      documentType,
      process: selected.process ?? process,
      smp: { ...location, metadataUrl: signed.url, redirectedFrom: signed.redirectedFrom, format: signed.metadata.format, signerCn: signed.signer.subjectCn },
      endpoint: {
        url: selected.endpoint.address,
        transportProfile: selected.endpoint.transportProfile,
        certificatePem: derToPem(check.certificate.der),
        receiverCn: check.subjectCn,
        activation: selected.endpoint.activation,
        expiration: selected.endpoint.expiration,
        description: selected.endpoint.description,
        technicalContact: selected.endpoint.technicalContact,
      },
      warnings: [...signed.signer.warnings, ...check.warnings],
      trace,
      fromCache: false,
    };
  }
}

function checkEndpointUrl(address: string, requireHttps: boolean): void {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new DiscoveryError('endpoint-url-invalid', `the AS4 endpoint address "${address}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new DiscoveryError('endpoint-url-invalid', `the AS4 endpoint address ${address} is not http(s)`);
  }
  if (requireHttps && (url.protocol !== 'https:' || (url.port !== '' && url.port !== '443'))) {
    throw new DiscoveryError('endpoint-url-invalid', `the AS4 endpoint address ${address} is not https on port 443, as Peppol requires`);
  }
}
