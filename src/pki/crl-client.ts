import type { Clock } from '../common/clock.js';
import { BoundedHttpClient } from './bounded-http.js';
import type { ParsedCertificate } from './certificate.js';
import type { RevocationStatus } from './revocation.js';
import { x509 } from './x509-crypto.js';

export interface CrlClientOptions {
  timeoutMs: number;
  maxBytes: number;
  clockSkewMs: number;
  /** How long a CRL without nextUpdate is reused, and the upper bound for any CRL. */
  cacheDefaultMs: number;
  cacheMaxMs: number;
  /** Parsed CRLs kept in memory (each can be large). */
  maxCachedCrls: number;
}

interface CachedCrl {
  crl: x509.X509Crl;
  issuerSha256: string;
  until: number;
}

/**
 * The CRL fallback: downloads the CRL named in the certificate's distribution points, verifies that
 * the issuing CA signed it and that it is current, and looks the serial number up. A CRL is reused
 * until its nextUpdate (bounded), so a busy AP downloads each one rarely.
 */
export class CrlClient {
  private readonly cache = new Map<string, CachedCrl>();

  constructor(
    private readonly http: BoundedHttpClient,
    private readonly clock: Clock,
    private readonly options: CrlClientOptions,
  ) {}

  async check(cert: ParsedCertificate, issuer: ParsedCertificate): Promise<RevocationStatus> {
    const urls = crlUrlsOf(cert);
    if (urls.length === 0) return { status: 'unknown', reason: 'CRL: certificate names no http CRL distribution point' };
    const reasons: string[] = [];
    for (const url of urls) {
      try {
        const crl = await this.load(url, issuer);
        const entry = crl.findRevoked(cert.x509.serialNumber);
        const checkedAt = this.clock.now();
        if (!entry) return { status: 'good', source: 'crl', checkedAt, nextUpdate: crl.nextUpdate };
        return {
          status: 'revoked',
          source: 'crl',
          checkedAt,
          revokedAt: entry.revocationDate,
          reason: entry.reason === undefined ? undefined : (x509.X509CrlReason[entry.reason] ?? `reason ${entry.reason}`),
        };
      } catch (error) {
        reasons.push(`CRL ${url}: ${(error as Error).message}`);
      }
    }
    return { status: 'unknown', reason: reasons.join('; ') };
  }

  /** Forget every cached CRL (operator command, tests). */
  invalidate(): void {
    this.cache.clear();
  }

  private async load(url: string, issuer: ParsedCertificate): Promise<x509.X509Crl> {
    const now = this.clock.now().getTime();
    const cached = this.cache.get(url);
    if (cached && cached.until > now && cached.issuerSha256 === issuer.sha256) return cached.crl;

    const response = await this.http.request({ method: 'GET', url, timeoutMs: this.options.timeoutMs, maxBytes: this.options.maxBytes });
    if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
    let crl: x509.X509Crl;
    try {
      crl = new x509.X509Crl(new Uint8Array(response.body));
    } catch (error) {
      throw new Error(`not a CRL: ${(error as Error).message}`);
    }
    if (crl.issuer !== issuer.x509.subject) throw new Error(`CRL issued by "${crl.issuer}", not by the certificate's CA`);
    if (!(await crl.verify({ publicKey: issuer.x509 }))) throw new Error('CRL signature does not verify with the issuing CA key');
    if (crl.thisUpdate.getTime() > now + this.options.clockSkewMs) throw new Error('CRL thisUpdate is in the future');
    if (crl.nextUpdate && crl.nextUpdate.getTime() < now - this.options.clockSkewMs) {
      throw new Error(`CRL is stale (nextUpdate ${crl.nextUpdate.toISOString()})`);
    }
    const until = Math.min(crl.nextUpdate?.getTime() ?? now + this.options.cacheDefaultMs, now + this.options.cacheMaxMs);
    this.cache.delete(url);
    this.cache.set(url, { crl, issuerSha256: issuer.sha256, until });
    while (this.cache.size > this.options.maxCachedCrls) this.cache.delete(this.cache.keys().next().value!);
    return crl;
  }
}

/** http(s) URLs of the certificate's CRL distribution points. */
export function crlUrlsOf(cert: ParsedCertificate): string[] {
  const ext = cert.x509.getExtension(x509.CRLDistributionPointsExtension);
  const urls: string[] = [];
  for (const point of ext?.distributionPoints ?? []) {
    for (const name of point.distributionPoint?.fullName ?? []) {
      const uri = name.uniformResourceIdentifier;
      if (uri && (uri.startsWith('http://') || uri.startsWith('https://'))) urls.push(uri);
    }
  }
  return urls;
}
