import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import type { ConfigOf } from '../../config/define-config.js';
import { ApIdentity, writeRolloverState } from '../../pki/ap-identity.js';
import { parseCertificate, type ParsedCertificate } from '../../pki/certificate.js';
import { CertificateValidator } from '../../pki/certificate-validator.js';
import { ApKeystore } from '../../pki/keystore.js';
import { pkiConfig } from '../../pki/pki.config.js';
import { TrustStore } from '../../pki/trust-store.js';
import { conflict, ProblemException } from '../http/problem.js';

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

/**
 * Our key pairs (current and, during a rollover, next) and the trust store as configured, for
 * operators; and the rollover command, written where every running process picks it up.
 */
@Injectable()
export class CertificateOverview {
  constructor(
    @Inject(pkiConfig.KEY) private readonly cfg: ConfigOf<typeof pkiConfig>,
    private readonly trust: TrustStore,
    private readonly validator: CertificateValidator,
    private readonly clock: Clock,
  ) {}

  private identity(): Promise<ApIdentity> {
    return ApIdentity.load(this.cfg, { clock: this.clock, keystore: new ApKeystore(undefined, this.cfg.fileMaxBytes) });
  }

  async ours() {
    const identity = await this.identity();
    const slots = identity.slots().map((s) => ({
      slot: s.slot,
      signing: s.signing,
      certificate: this.view(parseCertificate(s.credentials.certificate)),
      chain: s.credentials.chain.map((c) => this.view(parseCertificate(c))),
    }));
    const signing = slots.find((s) => s.signing)!;
    return {
      stage: this.cfg.stage,
      certificate: signing.certificate,
      expiresSoon: signing.certificate.daysLeft < this.cfg.certExpiryWarningDays,
      expiryWarningDays: this.cfg.certExpiryWarningDays,
      slots,
      rolloverAt: identity.switchTime()?.toISOString() ?? null,
    };
  }

  /** Makes the configured next key pair sign from `at` (default now), once it validates as an AP certificate then. */
  async rollover(at: Date = this.clock.now()) {
    const identity = await this.identity();
    const next = identity.slots().find((s) => s.slot === 'next');
    if (!next) throw conflict('no next key pair is configured (AP_NEXT_CERT/AP_NEXT_KEY or AP_NEXT_P12)');
    const check = await this.validator.validate(next.credentials.certificate, 'ap', at);
    if (!check.valid) throw conflict(`the next certificate is not acceptable at ${at.toISOString()}: ${check.message}`);
    try {
      await writeRolloverState(this.cfg.rollover.stateFile, next.credentials, at);
    } catch (error) {
      throw new ProblemException(HttpStatus.INTERNAL_SERVER_ERROR, `cannot write the rollover state: ${(error as Error).message}`);
    }
    return this.ours();
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
