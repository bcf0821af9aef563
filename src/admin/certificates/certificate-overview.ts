import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import type { ConfigOf } from '../../config/define-config.js';
import { parseCertificate, type ParsedCertificate } from '../../pki/certificate.js';
import type { ApCredentials } from '../../pki/keystore.js';
import { pkiConfig } from '../../pki/pki.config.js';
import { AP_CREDENTIALS } from '../../pki/pki.module.js';
import { TrustStore } from '../../pki/trust-store.js';

const DAY_MS = 86_400_000;

export interface CertificateView {
  subject: string;
  subjectCn: string | null;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  daysLeft: number;
  sha256: string;
}

/** Our certificate and the trust store as this process loaded them, for operators (read-only). */
@Injectable()
export class CertificateOverview {
  constructor(
    @Inject(AP_CREDENTIALS) private readonly credentials: ApCredentials,
    @Inject(pkiConfig.KEY) private readonly cfg: ConfigOf<typeof pkiConfig>,
    private readonly trust: TrustStore,
    private readonly clock: Clock,
  ) {}

  ours() {
    const certificate = this.view(parseCertificate(this.credentials.certificate));
    return {
      stage: this.cfg.stage,
      certificate,
      chain: this.credentials.chain.map((c) => this.view(parseCertificate(c))),
      expiresSoon: certificate.daysLeft < this.cfg.certExpiryWarningDays,
      expiryWarningDays: this.cfg.certExpiryWarningDays,
    };
  }

  trustStore() {
    const anchor = (purpose: 'root' | 'ap-issuer' | 'smp-issuer') => (a: { cert: ParsedCertificate; label: string }) => ({ purpose, label: a.label, ...this.view(a.cert) });
    return {
      stage: this.cfg.stage,
      data: [...this.trust.roots.map(anchor('root')), ...this.trust.issuers.ap.map(anchor('ap-issuer')), ...this.trust.issuers.smp.map(anchor('smp-issuer'))],
    };
  }

  private view(cert: ParsedCertificate): CertificateView {
    return {
      subject: cert.node.subject.replace(/\n/g, ', '),
      subjectCn: cert.subjectCn ?? null,
      issuer: cert.node.issuer.replace(/\n/g, ', '),
      serialNumber: cert.node.serialNumber,
      notBefore: cert.notBefore.toISOString(),
      notAfter: cert.notAfter.toISOString(),
      daysLeft: Math.floor((cert.notAfter.getTime() - this.clock.now().getTime()) / DAY_MS),
      sha256: cert.sha256,
    };
  }
}
