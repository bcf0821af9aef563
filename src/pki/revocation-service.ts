import type { Clock } from '../common/clock.js';
import type { ParsedCertificate } from './certificate.js';
import { crlUrlsOf, type CrlClient } from './crl-client.js';
import { ocspUrlOf, type OcspClient } from './ocsp-client.js';
import type { RevocationConfig } from './pki.config.js';
import type { RevocationChecker, RevocationStatus } from './revocation.js';

type Definite = Exclude<RevocationStatus, { status: 'unknown' }>;

/**
 * OCSP first (the certificate's responder, or a configured override), CRL when OCSP gives no
 * answer. Definite answers are cached per (issuer, serial) until the response's nextUpdate, bounded
 * by the configured maximum; "unknown" is never cached so the next message retries.
 */
export class PeppolRevocationChecker implements RevocationChecker {
  private readonly cache = new Map<string, { status: Definite; until: number }>();
  /** Checks under way, so concurrent messages from one sender share a single OCSP request. */
  private readonly inFlight = new Map<string, Promise<RevocationStatus>>();

  constructor(
    private readonly ocsp: OcspClient,
    private readonly crl: CrlClient,
    private readonly clock: Clock,
    private readonly cfg: Pick<
      RevocationConfig,
      'ocspEnabled' | 'crlEnabled' | 'ocspResponderUrl' | 'cacheDefaultMs' | 'cacheMaxMs' | 'cacheMaxEntries'
    >,
  ) {}

  async check(cert: ParsedCertificate, issuer: ParsedCertificate): Promise<RevocationStatus> {
    const key = `${issuer.sha256}:${cert.node.serialNumber}`;
    const now = this.clock.now().getTime();
    const cached = this.cache.get(key);
    if (cached && cached.until > now) return cached.status;
    if (cached) this.cache.delete(key);

    const running = this.inFlight.get(key);
    if (running) return running;
    const work = this.query(key, cert, issuer).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, work);
    return work;
  }

  private async query(key: string, cert: ParsedCertificate, issuer: ParsedCertificate): Promise<RevocationStatus> {
    const reasons: string[] = [];
    if (this.cfg.ocspEnabled) {
      const url = this.cfg.ocspResponderUrl ?? ocspUrlOf(cert);
      if (url) {
        const answer = await this.ocsp.check(cert, issuer, url);
        if (answer.status !== 'unknown') return this.remember(key, answer);
        reasons.push(answer.reason);
      } else {
        reasons.push('OCSP: certificate names no OCSP responder');
      }
    }
    if (this.cfg.crlEnabled) {
      const answer = await this.crl.check(cert, issuer);
      if (answer.status !== 'unknown') return this.remember(key, answer);
      reasons.push(answer.reason);
    }
    if (reasons.length === 0) {
      reasons.push('OCSP and CRL checks are both disabled');
      return { status: 'unknown', reason: reasons.join('; ') };
    }
    const namesASource = (this.cfg.ocspResponderUrl ?? ocspUrlOf(cert)) !== undefined || crlUrlsOf(cert).length > 0;
    return namesASource ? { status: 'unknown', reason: reasons.join('; ') } : { status: 'unknown', reason: reasons.join('; '), uncheckable: true };
  }

  /** Drop every cached answer (operator command after a known revocation, tests). */
  invalidate(): void {
    this.cache.clear();
    this.crl.invalidate();
  }

  private remember(key: string, status: Definite): Definite {
    const now = this.clock.now().getTime();
    const nextUpdate = status.status === 'good' ? status.nextUpdate?.getTime() : undefined;
    // A revocation does not get undone: keep it for the maximum; a good answer until nextUpdate.
    const wanted = status.status === 'revoked' ? now + this.cfg.cacheMaxMs : (nextUpdate ?? now + this.cfg.cacheDefaultMs);
    const until = Math.min(wanted, now + this.cfg.cacheMaxMs);
    if (until > now) {
      this.cache.set(key, { status, until });
      while (this.cache.size > this.cfg.cacheMaxEntries) this.cache.delete(this.cache.keys().next().value!);
    }
    return status;
  }
}
