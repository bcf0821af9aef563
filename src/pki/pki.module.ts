import { Global, Inject, Injectable, Logger, Module, type OnModuleInit } from '@nestjs/common';
import { CredentialsAccessPointKeys } from '../as4/adapters/credentials-access-point-keys.js';
import { PkiSenderCertificateValidator } from '../as4/adapters/pki-sender-certificate-validator.js';
import { AccessPointKeys, SenderCertificateValidator } from '../as4/inbound/ports.js';
import { Clock } from '../common/clock.js';
import type { ConfigOf } from '../config/define-config.js';
import { READINESS_CHECKS, type ReadinessCheck } from '../health/readiness-check.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { BoundedHttpClient } from './bounded-http.js';
import { CertificateValidator } from './certificate-validator.js';
import { CrlClient } from './crl-client.js';
import { type ApCredentials, ApKeystore } from './keystore.js';
import { OcspClient } from './ocsp-client.js';
import { pkiConfig } from './pki.config.js';
import { PeppolRevocationChecker } from './revocation-service.js';
import { TrustStore } from './trust-store.js';

/** Our loaded identity (key + certificate), available to every module. */
export const AP_CREDENTIALS = Symbol('AP_CREDENTIALS');

const DAY_MS = 86_400_000;

/** Reports our certificate's validity in readiness and as a metric, days ahead of expiry. */
@Injectable()
export class CertificateStatus implements ReadinessCheck, OnModuleInit {
  readonly name = 'certificate';
  private readonly logger = new Logger('CertificateStatus');

  constructor(
    @Inject(AP_CREDENTIALS) private readonly credentials: ApCredentials,
    @Inject(pkiConfig.KEY) private readonly cfg: ConfigOf<typeof pkiConfig>,
    private readonly clock: Clock,
    private readonly metrics: MetricsService,
  ) {}

  onModuleInit(): void {
    this.metrics.onScrape(async () => {
      this.metrics.certificateExpirySeconds.set(
        { subject: this.credentials.subjectCn, slot: 'current' },
        Math.round((this.validTo().getTime() - this.clock.now().getTime()) / 1000),
      );
    });
    const days = this.daysLeft();
    if (days < this.cfg.certExpiryWarningDays) this.logger.warn(`our AP certificate ${this.credentials.subjectCn} expires in ${days} days`);
  }

  private validTo(): Date {
    return new Date(this.credentials.certificate.validTo);
  }

  private daysLeft(): number {
    return Math.floor((this.validTo().getTime() - this.clock.now().getTime()) / DAY_MS);
  }

  async check(): Promise<Record<string, unknown>> {
    const now = this.clock.now();
    const from = new Date(this.credentials.certificate.validFrom);
    const to = this.validTo();
    const details = { subject: this.credentials.subjectCn, notAfter: to.toISOString(), daysLeft: this.daysLeft() };
    if (now < from) throw new Error(`our certificate ${this.credentials.subjectCn} is not valid before ${from.toISOString()}`);
    if (now > to) throw new Error(`our certificate ${this.credentials.subjectCn} expired at ${to.toISOString()}`);
    return { ...details, expiresSoon: details.daysLeft < this.cfg.certExpiryWarningDays };
  }
}

/**
 * This access point's identity and trust: our key and certificate (loaded and checked at boot), the
 * trust store of the configured stage, and certificate validation with revocation checks.
 */
@Global()
@Module({
  providers: [
    pkiConfig.provider,
    { provide: AP_CREDENTIALS, inject: [pkiConfig.KEY], useFactory: (cfg: ConfigOf<typeof pkiConfig>) => new ApKeystore(undefined, cfg.fileMaxBytes).load(cfg.keySource) },
    { provide: TrustStore, inject: [pkiConfig.KEY], useFactory: (cfg: ConfigOf<typeof pkiConfig>) => TrustStore.load(cfg) },
    {
      provide: CertificateValidator,
      inject: [pkiConfig.KEY, TrustStore, Clock],
      useFactory: (cfg: ConfigOf<typeof pkiConfig>, trust: TrustStore, clock: Clock) => {
        const http = new BoundedHttpClient();
        const r = cfg.revocation;
        const checker = new PeppolRevocationChecker(
          new OcspClient(http, clock, { timeoutMs: r.ocspTimeoutMs, maxResponseBytes: r.ocspMaxResponseBytes, clockSkewMs: cfg.clockSkewMs }),
          new CrlClient(http, clock, { timeoutMs: r.crlTimeoutMs, maxBytes: r.crlMaxBytes, clockSkewMs: cfg.clockSkewMs, cacheDefaultMs: r.cacheDefaultMs, cacheMaxMs: r.cacheMaxMs, maxCachedCrls: 16 }),
          clock,
          r,
        );
        const logger = new Logger('CertificateValidator');
        return new CertificateValidator(trust, {
          revocationPolicy: r.policy,
          revocation: checker,
          clockSkewMs: cfg.clockSkewMs,
          warnings: { warn: (details: object, message: string) => logger.warn(`${message} ${JSON.stringify(details)}`) },
        });
      },
    },
    { provide: AccessPointKeys, inject: [AP_CREDENTIALS], useFactory: (c: ApCredentials) => new CredentialsAccessPointKeys({ privateKey: c.privateKey, certificate: c.certificate }) },
    { provide: SenderCertificateValidator, inject: [CertificateValidator], useFactory: (v: CertificateValidator) => new PkiSenderCertificateValidator(v) },
    CertificateStatus,
  ],
  exports: [pkiConfig.KEY, AP_CREDENTIALS, TrustStore, CertificateValidator, AccessPointKeys, SenderCertificateValidator, CertificateStatus],
})
export class PkiModule {}

export { READINESS_CHECKS };
