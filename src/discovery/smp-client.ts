import type { PeppolIdentifier } from '../peppol/index.js';
import { parseSafeXml, UnsafeXmlError } from '../as4/xml/safe-xml.js';
import { BoundedHttpClient, HttpFetchError, type BoundedResponse } from '../pki/bounded-http.js';
import { parseCertificate } from '../pki/certificate.js';
import { x509 } from '../pki/x509-crypto.js';
import { DiscoveryError } from './discovery.errors.js';
import type { SmpSignatureVerifier, VerifiedSigner } from './smp-signature.js';
import { readServiceGroup, readServiceMetadata, type SmpServiceGroup, type SmpServiceMetadata } from './smp-xml.js';

export interface SmpClientOptions {
  timeoutMs: number;
  maxResponseBytes: number;
  maxXmlElements: number;
}

export type ServiceInformation = Extract<SmpServiceMetadata, { kind: 'service-information' }>;

export interface SignedServiceInformation {
  metadata: ServiceInformation;
  signer: VerifiedSigner;
  /** URL the metadata finally came from. */
  url: string;
  /** Set when an SMP Redirect was followed. */
  redirectedFrom?: string;
}

const MAX_HTTP_REDIRECTS = 2;

/** Peppol SMP 1.x and OASIS SMP 2.0 queries: service group (unsigned) and signed service metadata. */
export class SmpClient {
  constructor(
    private readonly http: BoundedHttpClient,
    private readonly verifier: SmpSignatureVerifier,
    private readonly options: SmpClientOptions,
  ) {}

  async getServiceGroup(smpUrl: string, participant: PeppolIdentifier): Promise<{ group: SmpServiceGroup; url: string }> {
    const url = serviceGroupUrl(smpUrl, participant);
    const { doc } = await this.fetchXml(url, `participant ${participant.scheme}::${participant.value}`);
    return { group: readServiceGroup(doc), url };
  }

  async getServiceMetadata(smpUrl: string, participant: PeppolIdentifier, documentType: PeppolIdentifier): Promise<SignedServiceInformation> {
    const url = serviceMetadataUrl(smpUrl, participant, documentType);
    const what = `document type ${documentType.value} for ${participant.value}`;
    const first = await this.fetchSigned(url, what);
    if (first.metadata.kind === 'service-information') return { metadata: first.metadata, signer: first.signer, url };

    // Follow exactly one SMP redirect; the target must be signed by the certificate the redirect names.
    const redirect = first.metadata;
    const target = await this.fetchSigned(redirect.href, what);
    if (target.metadata.kind === 'redirect') throw new DiscoveryError('redirect-invalid', `SMP redirect from ${url} leads to another redirect`);
    if (redirect.certificate) {
      const expected = parseCertificate(redirect.certificate);
      if (expected.sha256 !== target.signer.certificate.sha256) {
        throw new DiscoveryError('redirect-invalid', `redirect target ${redirect.href} is not signed by the certificate the redirect names`);
      }
    } else if (redirect.certificateUid) {
      if (!sameDistinguishedName(redirect.certificateUid, target.signer.certificate.x509.subjectName)) {
        throw new DiscoveryError(
          'redirect-invalid',
          `redirect target ${redirect.href} is signed by "${target.signer.certificate.x509.subject}", not by CertificateUID "${redirect.certificateUid}"`,
        );
      }
    } else {
      throw new DiscoveryError('redirect-invalid', `SMP redirect from ${url} names no certificate`);
    }
    return { metadata: target.metadata, signer: target.signer, url: redirect.href, redirectedFrom: url };
  }

  private async fetchSigned(url: string, what: string): Promise<{ metadata: SmpServiceMetadata; signer: VerifiedSigner }> {
    const { doc, text } = await this.fetchXml(url, what);
    const signer = await this.verifier.verify(text, doc);
    return { metadata: readServiceMetadata(doc), signer };
  }

  private async fetchXml(url: string, what: string): Promise<{ doc: Document; text: string }> {
    const response = await this.get(url);
    if (response.status === 404) throw new DiscoveryError('smp-not-found', `SMP has no entry for ${what} (HTTP 404 at ${url})`);
    if (response.status >= 500) throw new DiscoveryError('smp-unreachable', `SMP answered HTTP ${response.status} at ${url}`);
    if (response.status !== 200) throw new DiscoveryError('smp-bad-response', `SMP answered HTTP ${response.status} at ${url}`);
    const text = decodeUtf8(response.body, url);
    try {
      const doc = parseSafeXml(text, { maxBytes: this.options.maxResponseBytes, maxDepth: 64, maxElements: this.options.maxXmlElements });
      return { doc, text };
    } catch (error) {
      if (error instanceof UnsafeXmlError) throw new DiscoveryError('smp-bad-response', `SMP response from ${url} refused: ${error.message}`);
      throw error;
    }
  }

  private async get(url: string): Promise<BoundedResponse> {
    let current = url;
    for (let hop = 0; ; hop++) {
      let response: BoundedResponse;
      try {
        response = await this.http.request({
          method: 'GET',
          url: current,
          headers: { accept: 'application/xml, text/xml' },
          timeoutMs: this.options.timeoutMs,
          maxBytes: this.options.maxResponseBytes,
        });
      } catch (error) {
        if (error instanceof HttpFetchError) throw new DiscoveryError('smp-unreachable', `SMP request failed: ${error.message}`);
        throw error;
      }
      const location = response.headers.location;
      if (response.status >= 300 && response.status < 400 && location && hop < MAX_HTTP_REDIRECTS) {
        // HTTP-level redirects (e.g. http→https) are transport, not SMP Redirects; follow a couple.
        current = new URL(location, current).toString();
        continue;
      }
      return response;
    }
  }
}

export function serviceGroupUrl(smpUrl: string, participant: PeppolIdentifier): string {
  return `${smpUrl.replace(/\/+$/, '')}/${encodeURIComponent(`${participant.scheme}::${participant.value}`)}`;
}

export function serviceMetadataUrl(smpUrl: string, participant: PeppolIdentifier, documentType: PeppolIdentifier): string {
  return `${serviceGroupUrl(smpUrl, participant)}/services/${encodeURIComponent(`${documentType.scheme}::${documentType.value}`)}`;
}

/** Compares a DN string with a certificate name attribute by attribute, ignoring order and case. */
export function sameDistinguishedName(dn: string, name: x509.Name): boolean {
  let parsed: x509.Name;
  try {
    // Attribute types are case-insensitive; the parser only knows the upper-case short names.
    parsed = new x509.Name(dn.replace(/(^|,|\+)\s*([A-Za-z]+)\s*=/g, (_m, sep: string, type: string) => `${sep}${type.toUpperCase()}=`));
  } catch {
    return false;
  }
  const canonical = (n: x509.Name) =>
    n
      .toJSON()
      .flatMap((rdn) => Object.entries(rdn).flatMap(([type, values]) => values.map((v) => `${type.toUpperCase()}=${v.trim().toLowerCase()}`)))
      .sort()
      .join(',');
  return canonical(parsed) === canonical(name);
}

function decodeUtf8(body: Buffer, url: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new DiscoveryError('smp-bad-response', `SMP response from ${url} is not UTF-8`);
  }
}
