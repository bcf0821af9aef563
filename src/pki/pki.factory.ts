import type { Clock } from '../common/clock.js';
import { BoundedHttpClient } from './bounded-http.js';
import { CertificateValidator, type ValidationWarningSink } from './certificate-validator.js';
import { CrlClient } from './crl-client.js';
import { ApKeystore } from './keystore.js';
import { OcspClient } from './ocsp-client.js';
import type { PkiConfig } from './pki.config.js';
import { PkiFiles } from './pki-files.js';
import { PeppolRevocationChecker } from './revocation-service.js';
import { TrustStore } from './trust-store.js';

/** Largest number of CRLs kept parsed in memory (Peppol has one per issuing CA). */
const MAX_CACHED_CRLS = 16;

export interface PkiServices {
  config: PkiConfig;
  trustStore: TrustStore;
  revocation: PeppolRevocationChecker;
  /** Validates AP and SMP certificates for the configured stage and revocation policy. */
  validator: CertificateValidator;
  /** Loads this AP's key and certificate (`keystore.load(config.keySource)`). */
  keystore: ApKeystore;
  http: BoundedHttpClient;
}

/** Wires the PKI pieces from configuration; I/O classes can be replaced for tests. */
export async function createPkiServices(
  config: PkiConfig,
  deps: { clock: Clock; http?: BoundedHttpClient; files?: PkiFiles; warnings?: ValidationWarningSink },
): Promise<PkiServices> {
  const http = deps.http ?? new BoundedHttpClient();
  const files = deps.files ?? new PkiFiles();
  const r = config.revocation;
  const trustStore = await TrustStore.load(config, files);
  const revocation = new PeppolRevocationChecker(
    new OcspClient(http, deps.clock, { timeoutMs: r.ocspTimeoutMs, maxResponseBytes: r.ocspMaxResponseBytes, clockSkewMs: config.clockSkewMs }),
    new CrlClient(http, deps.clock, {
      timeoutMs: r.crlTimeoutMs,
      maxBytes: r.crlMaxBytes,
      clockSkewMs: config.clockSkewMs,
      cacheDefaultMs: r.cacheDefaultMs,
      cacheMaxMs: r.cacheMaxMs,
      maxCachedCrls: MAX_CACHED_CRLS,
    }),
    deps.clock,
    r,
  );
  const validator = new CertificateValidator(trustStore, {
    revocationPolicy: r.policy,
    revocation,
    clockSkewMs: config.clockSkewMs,
    warnings: deps.warnings,
  });
  return { config, trustStore, revocation, validator, keystore: new ApKeystore(files, config.fileMaxBytes), http };
}
