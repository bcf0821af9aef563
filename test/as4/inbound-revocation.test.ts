import { createPrivateKey, X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { PkiSenderCertificateValidator } from '../../src/receive-ports/pki-sender-certificate-validator.js';
import { BoundedHttpClient } from '../../src/pki/bounded-http.js';
import { parseCertificate } from '../../src/pki/certificate.js';
import { CertificateValidator } from '../../src/pki/certificate-validator.js';
import { CrlClient } from '../../src/pki/crl-client.js';
import { OcspClient } from '../../src/pki/ocsp-client.js';
import { PeppolRevocationChecker } from '../../src/pki/revocation-service.js';
import { TrustStore } from '../../src/pki/trust-store.js';
import { Clock } from '../../src/common/clock.js';
import { apCertificateWithoutRevocationSources } from '../pki/support/no-revocation-source.js';
import { createScenario, devPki, type Scenario } from './support/scenario.js';

/** A port nothing listens on: the responder is unreachable. */
const CLOSED_OCSP = 'http://127.0.0.1:9/ocsp';

describe('AS4 inbound: the revocation outcome by its nature (hard-fail)', () => {
  let sourcelessSender: Scenario;
  let unreachableResponder: Scenario;
  let sourceless: { privateKey: ReturnType<typeof createPrivateKey>; certificate: X509Certificate; subjectCn: string };

  beforeAll(async () => {
    const pki = await devPki();
    const clock = new Clock();
    const http = new BoundedHttpClient();
    const anchor = (pem: string, label: string) => ({ cert: parseCertificate(pem), label });
    const trust = new TrustStore([anchor(pki.rootCa.certPem, 'dev root')], { ap: [anchor(pki.apCa.certPem, 'dev AP CA')], smp: [] });
    const hardFail = (cfg: { ocspResponderUrl: string | undefined; crlEnabled: boolean }) => {
      const checker = new PeppolRevocationChecker(
        new OcspClient(http, clock, { timeoutMs: 1_000, maxResponseBytes: 65_536, clockSkewMs: 60_000 }),
        new CrlClient(http, clock, { timeoutMs: 1_000, maxBytes: 1_048_576, clockSkewMs: 60_000, cacheDefaultMs: 60_000, cacheMaxMs: 60_000, maxCachedCrls: 4 }),
        clock,
        { ocspEnabled: true, cacheDefaultMs: 60_000, cacheMaxMs: 60_000, cacheMaxEntries: 100, ...cfg },
      );
      return new PkiSenderCertificateValidator(new CertificateValidator(trust, { revocationPolicy: 'hard-fail', revocation: checker }), { ttlMs: 0, maxEntries: 1 });
    };
    sourcelessSender = await createScenario({}, { certificateValidator: hardFail({ ocspResponderUrl: undefined, crlEnabled: true }) });
    unreachableResponder = await createScenario({}, { certificateValidator: hardFail({ ocspResponderUrl: CLOSED_OCSP, crlEnabled: false }) });
    const entry = await apCertificateWithoutRevocationSources(pki);
    sourceless = { privateKey: createPrivateKey(entry.keyPem), certificate: new X509Certificate(entry.certPem), subjectCn: entry.subjectCn };
  });

  it('a sender certificate that names no OCSP responder and no CRL is refused for good: EBMS:0101, not 0202', async () => {
    const s = sourcelessSender;
    const { reply } = await s.sendBuilt(s.build({ signing: sourceless, fromPartyId: sourceless.subjectCn }));
    expect(reply.error?.code).toBe('EBMS:0101');
    expect(reply.error?.description).toContain('names no OCSP responder and no CRL distribution point');
    expect(reply.status).toBe(200);
  });

  it('a sender certificate whose responder cannot be reached stays retryable: EBMS:0202 with HTTP 5xx', async () => {
    const s = unreachableResponder;
    const { reply } = await s.sendBuilt(s.build());
    expect(reply.error?.code).toBe('EBMS:0202');
    expect(reply.status).toBeGreaterThanOrEqual(500);
  });
});
