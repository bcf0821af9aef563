import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BoundedHttpClient } from '../../src/pki/bounded-http.js';
import { parseCertificate, type ParsedCertificate } from '../../src/pki/certificate.js';
import { CertificateValidator } from '../../src/pki/certificate-validator.js';
import { CrlClient } from '../../src/pki/crl-client.js';
import { createDevPki, type DevPki } from '../../src/pki/dev-pki.js';
import { OcspClient } from '../../src/pki/ocsp-client.js';
import { PeppolRevocationChecker } from '../../src/pki/revocation-service.js';
import { TrustStore } from '../../src/pki/trust-store.js';
import { x509 } from '../../src/pki/x509-crypto.js';
import { DevRevocationServer } from './support/dev-revocation-server.js';
import { FakeClock } from './support/fake-clock.js';
import { apCertificateWithoutRevocationSources } from './support/no-revocation-source.js';

const HOUR = 3_600_000;

describe('revocation: OCSP with CRL fallback against a loopback responder', () => {
  const server = new DevRevocationServer();
  const clock = new FakeClock(new Date());
  let pki: DevPki;
  let cert: Record<'ours' | 'partner' | 'revoked' | 'smp' | 'untrusted' | 'apCa' | 'smpCa' | 'untrustedCa', ParsedCertificate>;
  const http = new BoundedHttpClient();
  const ocspOptions = { timeoutMs: 2_000, maxResponseBytes: 65_536, clockSkewMs: 60_000 };
  const crlOptions = { timeoutMs: 2_000, maxBytes: 1_048_576, clockSkewMs: 60_000, cacheDefaultMs: HOUR, cacheMaxMs: 24 * HOUR, maxCachedCrls: 4 };
  const revocationCfg: ConstructorParameters<typeof PeppolRevocationChecker>[3] = { ocspEnabled: true, crlEnabled: true, ocspResponderUrl: undefined, cacheDefaultMs: HOUR, cacheMaxMs: 24 * HOUR, cacheMaxEntries: 100 };
  const checker = (cfg: Partial<typeof revocationCfg> = {}, ocsp = ocspOptions) =>
    new PeppolRevocationChecker(new OcspClient(http, clock, ocsp), new CrlClient(http, clock, crlOptions), clock, { ...revocationCfg, ...cfg });

  beforeAll(async () => {
    const urls = await server.start();
    pki = await createDevPki(urls);
    server.use(pki);
    server.now = () => clock.now();
    server.revoke(pki.revokedAp, { at: new Date('2026-01-02T03:04:05Z'), reason: x509.X509CrlReason.keyCompromise });
    cert = {
      ours: parseCertificate(pki.ourAp.certPem),
      partner: parseCertificate(pki.partnerAp.certPem),
      revoked: parseCertificate(pki.revokedAp.certPem),
      smp: parseCertificate(pki.smp.certPem),
      untrusted: parseCertificate(pki.untrustedAp.certPem),
      apCa: parseCertificate(pki.apCa.certPem),
      smpCa: parseCertificate(pki.smpCa.certPem),
      untrustedCa: parseCertificate(pki.untrustedCa.certPem),
    };
  });
  afterAll(() => server.stop());
  beforeEach(() => {
    server.ocspMode = 'ok';
    server.ocspSigner = 'delegated';
    server.crlMode = 'ok';
    server.nextUpdateMs = HOUR;
    server.ocspRequests = 0;
    server.crlRequests = 0;
    clock.set(new Date());
  });

  it('gets "good" from a delegated responder and caches it until nextUpdate', async () => {
    const c = checker();
    const first = await c.check(cert.ours, cert.apCa);
    expect(first).toMatchObject({ status: 'good', source: 'ocsp' });
    expect(first.status === 'good' && first.nextUpdate!.getTime() - clock.now().getTime()).toBe(HOUR);
    await c.check(cert.ours, cert.apCa);
    expect(server.ocspRequests).toBe(1);
    clock.advance(HOUR + 1000);
    expect(await c.check(cert.ours, cert.apCa)).toMatchObject({ status: 'good' });
    expect(server.ocspRequests).toBe(2);
  });

  it('asks the responder once for concurrent checks of one certificate', async () => {
    const c = checker();
    const results = await Promise.all(Array.from({ length: 10 }, () => c.check(cert.partner, cert.apCa)));
    expect(results.every((r) => r.status === 'good')).toBe(true);
    expect(server.ocspRequests).toBe(1);
  });

  it('gets "revoked" with time and reason', async () => {
    const result = await checker().check(cert.revoked, cert.apCa);
    expect(result).toEqual({
      status: 'revoked',
      source: 'ocsp',
      checkedAt: clock.now(),
      revokedAt: new Date('2026-01-02T03:04:05Z'),
      reason: 'keyCompromise',
    });
  });

  it('accepts responses signed by the issuing CA itself (SMP CA)', async () => {
    server.ocspSigner = 'ca';
    expect(await checker().check(cert.ours, cert.apCa)).toMatchObject({ status: 'good', source: 'ocsp' });
    expect(await checker().check(cert.smp, cert.smpCa)).toMatchObject({ status: 'good', source: 'ocsp' });
  });

  it('does not believe a response signed by an unauthorised key, and falls back to the CRL', async () => {
    server.ocspSigner = 'untrusted';
    const c = checker({ crlEnabled: false });
    const result = await c.check(cert.revoked, cert.apCa);
    expect(result.status).toBe('unknown');
    expect(result.status === 'unknown' && result.reason).toMatch(/OCSP .*(not authorised|does not verify)/);
    const withCrl = await checker().check(cert.revoked, cert.apCa);
    expect(withCrl).toMatchObject({ status: 'revoked', source: 'crl', reason: 'keyCompromise' });
    expect(await checker().check(cert.ours, cert.apCa)).toMatchObject({ status: 'good', source: 'crl' });
  });

  it('does not believe a certificate of the same CA that was not delegated to sign OCSP responses', async () => {
    server.ocspSigner = 'no-ocsp-eku';
    const result = await checker({ crlEnabled: false }).check(cert.revoked, cert.apCa);
    expect(result.status === 'unknown' && result.reason).toMatch(/not authorised/);
  });

  it.each([
    ['http-500', /HTTP 500/],
    ['try-later', /responder answered "tryLater"/],
    ['garbage', /not a DER OCSPResponse/],
    ['stale', /response is stale/],
    ['wrong-nonce', /nonce does not match/],
    ['huge', /more than the 65536 bytes allowed/],
  ] as const)('treats OCSP %s as no answer and uses the CRL', async (mode, reason) => {
    server.ocspMode = mode;
    const ocspOnly = await checker({ crlEnabled: false }).check(cert.partner, cert.apCa);
    expect(ocspOnly.status).toBe('unknown');
    expect(ocspOnly.status === 'unknown' && ocspOnly.reason).toMatch(reason);
    expect(await checker().check(cert.partner, cert.apCa)).toMatchObject({ status: 'good', source: 'crl' });
    expect(server.crlRequests).toBe(1);
  });

  it('gives up on a responder that does not answer within the timeout', async () => {
    server.ocspMode = 'hang';
    const started = Date.now();
    const result = await checker({ crlEnabled: false }, { ...ocspOptions, timeoutMs: 300 }).check(cert.partner, cert.apCa);
    expect(result.status === 'unknown' && result.reason).toMatch(/no answer within 300 ms/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('refuses a CRL not signed by the issuing CA, and a stale one', async () => {
    server.ocspMode = 'http-500';
    server.crlMode = 'wrong-key';
    const wrongKey = await checker().check(cert.revoked, cert.apCa);
    expect(wrongKey.status === 'unknown' && wrongKey.reason).toMatch(/CRL .*signature does not verify/);
    server.crlMode = 'stale';
    const stale = await checker().check(cert.revoked, cert.apCa);
    expect(stale.status === 'unknown' && stale.reason).toMatch(/CRL is stale/);
  });

  it('reuses a downloaded CRL until its nextUpdate', async () => {
    server.ocspMode = 'http-500';
    const c = checker();
    await c.check(cert.ours, cert.apCa);
    await c.check(cert.partner, cert.apCa);
    expect(server.crlRequests).toBe(1);
    clock.advance(HOUR + 1000);
    await c.check(cert.revoked, cert.apCa);
    expect(server.crlRequests).toBe(2);
  });

  it('uses a configured responder URL instead of the certificate one', async () => {
    const result = await checker({ ocspResponderUrl: 'http://127.0.0.1:1/ocsp', crlEnabled: false }).check(cert.ours, cert.apCa);
    expect(result.status === 'unknown' && result.reason).toContain('OCSP http://127.0.0.1:1/ocsp');
    expect(server.ocspRequests).toBe(0);
  });

  it('with both sources down: hard-fail refuses, soft-fail accepts with a warning, revoked stays refused', async () => {
    server.ocspMode = 'http-500';
    server.crlMode = 'http-404';
    const trust = new TrustStore([{ cert: parseCertificate(pki.rootCa.certPem), label: 'root' }], {
      ap: [{ cert: cert.apCa, label: 'AP CA' }],
      smp: [{ cert: cert.smpCa, label: 'SMP CA' }],
    });
    const hard = new CertificateValidator(trust, { revocationPolicy: 'hard-fail', revocation: checker() });
    const refused = await hard.validate(cert.ours, 'ap', clock.now());
    expect(refused).toMatchObject({ valid: false, code: 'revocation-unknown' });
    expect(!refused.valid && refused.message).toMatch(/HTTP 500.*HTTP 404/);

    const soft = new CertificateValidator(trust, { revocationPolicy: 'soft-fail', revocation: checker() });
    const accepted = await soft.validate(cert.ours, 'ap', clock.now());
    expect(accepted).toMatchObject({ valid: true, warnings: [expect.stringContaining('soft-fail')] });

    server.ocspMode = 'ok';
    expect(await soft.validate(cert.revoked, 'ap', clock.now())).toMatchObject({ valid: false, code: 'revoked' });
  });

  it('tells a certificate whose status can never be checked (no OCSP responder, no CRL) from a responder that is down', async () => {
    const sourceless = parseCertificate((await apCertificateWithoutRevocationSources(pki)).certPem);
    const never = await checker().check(sourceless, cert.apCa);
    expect(never).toMatchObject({ status: 'unknown', uncheckable: true });
    // A configured responder is a source: then it is only unknown.
    expect(await checker({ ocspResponderUrl: 'http://127.0.0.1:1/ocsp', crlEnabled: false }).check(sourceless, cert.apCa)).not.toHaveProperty('uncheckable');
    server.ocspMode = 'http-500';
    server.crlMode = 'http-404';
    expect(await checker().check(cert.ours, cert.apCa)).not.toHaveProperty('uncheckable');
    const trust = new TrustStore([{ cert: parseCertificate(pki.rootCa.certPem), label: 'root' }], { ap: [{ cert: cert.apCa, label: 'AP CA' }], smp: [] });
    const hard = new CertificateValidator(trust, { revocationPolicy: 'hard-fail', revocation: checker() });
    expect(await hard.validate(sourceless, 'ap', clock.now())).toMatchObject({ valid: false, code: 'revocation-uncheckable' });
    expect(await hard.validate(cert.ours, 'ap', clock.now())).toMatchObject({ valid: false, code: 'revocation-unknown' });
    server.ocspMode = 'ok';
    server.crlMode = 'ok';
  });
});
