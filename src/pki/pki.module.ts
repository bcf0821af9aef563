import { Global, Inject, Injectable, Logger, Module, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import type { ConfigOf } from '../config/define-config.js';
import { READINESS_CHECKS, type ReadinessCheck } from '../health/readiness-check.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { ApIdentity } from './ap-identity.js';
import { BoundedHttpClient } from './bounded-http.js';
import { CertificateValidator } from './certificate-validator.js';
import { CrlClient } from './crl-client.js';
import { ApKeystore } from './keystore.js';
import { OcspClient } from './ocsp-client.js';
import { pkiConfig } from './pki.config.js';
import { PeppolRevocationChecker } from './revocation-service.js';
import { TrustStore } from './trust-store.js';

/** Our configured current key pair (AP_* variables); the one signing right now is `ApIdentity.signing()`. */
const AP_CREDENTIALS = Symbol('AP_CREDENTIALS');

/**
 * Reports the signing certificate's validity in readiness, and every slot (current, and during a
 * rollover next) as an expiry metric, days ahead; follows `peppol-ap pki rollover` while running.
 */
@Injectable()
export class CertificateStatus implements ReadinessCheck, OnModuleInit, OnModuleDestroy {
  readonly name = 'certificate';
  private readonly logger = new Logger('CertificateStatus');
  private stopWatching?: () => void;

  /** Chain, validity and key usage only: our own certificate's revocation status is not a readiness matter. */
  private readonly trustCheck: CertificateValidator;

  constructor(
    private readonly identity: ApIdentity,
    @Inject(pkiConfig.KEY) private readonly cfg: ConfigOf<typeof pkiConfig>,
    private readonly clock: Clock,
    private readonly metrics: MetricsService,
    trust: TrustStore,
  ) {
    this.trustCheck = new CertificateValidator(trust, { revocationPolicy: 'off' });
  }

  onModuleInit(): void {
    this.metrics.onScrape(async () => {
      for (const slot of this.identity.slots()) {
        this.metrics.certificateExpirySeconds.set(
          { subject: slot.credentials.subjectCn, slot: slot.slot },
          Math.round((slot.notAfter.getTime() - this.clock.now().getTime()) / 1000),
        );
      }
    });
    for (const slot of this.identity.slots()) {
      if (slot.daysLeft < this.cfg.certExpiryWarningDays) {
        this.logger.warn(`our AP certificate ${slot.credentials.subjectCn} (${slot.slot}) expires in ${slot.daysLeft} days`);
      }
    }
    this.stopWatching = this.identity.watch(this.cfg.rollover.pollMs, (error) => this.logger.error(`rollover state unreadable: ${error.message}`));
  }

  onModuleDestroy(): void {
    this.stopWatching?.();
  }

  async check(): Promise<Record<string, unknown>> {
    const now = this.clock.now();
    const signing = this.identity.signing();
    const slot = this.identity.slots().find((s) => s.credentials === signing)!;
    const from = new Date(signing.certificate.validFrom);
    const details = { subject: signing.subjectCn, slot: slot.slot, notAfter: slot.notAfter.toISOString(), daysLeft: slot.daysLeft };
    if (now < from) throw new Error(`our certificate ${signing.subjectCn} is not valid before ${from.toISOString()}`);
    if (now > slot.notAfter) throw new Error(`our certificate ${signing.subjectCn} expired at ${slot.notAfter.toISOString()}`);
    // A test certificate under PEPPOL_STAGE=production (or the reverse) would be refused by every partner.
    const trusted = await this.trustCheck.validate(signing.certificate, 'ap', now);
    if (!trusted.valid) throw new Error(`our certificate is not acceptable in stage ${this.cfg.stage}: ${trusted.message}`);
    return { ...details, expiresSoon: details.daysLeft < this.cfg.certExpiryWarningDays, rolloverAt: this.identity.switchTime()?.toISOString() ?? null };
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
    {
      provide: ApIdentity,
      inject: [pkiConfig.KEY, Clock],
      useFactory: (cfg: ConfigOf<typeof pkiConfig>, clock: Clock) => ApIdentity.load(cfg, { clock, keystore: new ApKeystore(undefined, cfg.fileMaxBytes) }),
    },
    { provide: AP_CREDENTIALS, inject: [ApIdentity], useFactory: (identity: ApIdentity) => identity.slots()[0]!.credentials },
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
    CertificateStatus,
  ],
  exports: [pkiConfig.KEY, ApIdentity, AP_CREDENTIALS, TrustStore, CertificateValidator, CertificateStatus],
})
export class PkiModule {}

