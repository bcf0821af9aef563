import { describe, expect, it, beforeAll } from 'vitest';
import { parseCertificate, type ParsedCertificate } from './certificate.js';
import { CertificateValidator, type CertificateValidation } from './certificate-validator.js';
import { createDevPki, type DevPki } from './dev-pki.js';
import type { RevocationChecker, RevocationStatus } from './revocation.js';
import { TrustStore } from './trust-store.js';
import { RSA_SHA256, subtle, x509, type CryptoKeyPair } from './x509-crypto.js';

const NOW = new Date('2026-03-01T10:00:00Z');

/** Answers from a fixed table keyed by subject CN; records what it was asked. */
class TableRevocationChecker implements RevocationChecker {
  readonly asked: string[] = [];
  constructor(private readonly answers: Record<string, RevocationStatus | Error>) {}
  async check(cert: ParsedCertificate, issuer: ParsedCertificate): Promise<RevocationStatus> {
    this.asked.push(`${cert.subjectCn}<-${issuer.subjectCn}`);
    const answer = this.answers[cert.subjectCn ?? ''];
    if (answer instanceof Error) throw answer;
    return answer ?? { status: 'good', source: 'ocsp', checkedAt: NOW };
  }
}

function failure(result: CertificateValidation) {
  if (result.valid) throw new Error('expected a failure');
  return result;
}

describe('CertificateValidator', () => {
  let pki: DevPki;
  let trust: TrustStore;
  const anchor = (pem: string, label: string) => ({ cert: parseCertificate(pem), label });

  beforeAll(async () => {
    pki = await createDevPki({ now: NOW });
    trust = new TrustStore([anchor(pki.rootCa.certPem, 'dev root')], {
      ap: [anchor(pki.apCa.certPem, 'dev AP CA')],
      smp: [anchor(pki.smpCa.certPem, 'dev SMP CA')],
    });
  });
  const validator = (checker?: RevocationChecker, policy: 'hard-fail' | 'soft-fail' | 'off' = 'hard-fail') =>
    new CertificateValidator(trust, { revocationPolicy: policy, revocation: checker });

  it('accepts our AP and the partner AP for purpose ap, returning the Seat id', async () => {
    for (const entry of [pki.ourAp, pki.partnerAp]) {
      const result = await validator().validate(entry.certPem, 'ap', NOW);
      expect(result).toMatchObject({ valid: true, subjectCn: entry.subjectCn, warnings: [] });
    }
  });

  it('accepts the SMP certificate for purpose smp, given as base64 DER like an SMP publishes it', async () => {
    const base64 = parseCertificate(pki.smp.certPem).der.toString('base64');
    const result = await validator().validate(base64, 'smp', NOW);
    expect(result).toMatchObject({ valid: true, subjectCn: 'PDK000070' });
  });

  it('refuses an expired certificate', async () => {
    const result = failure(await validator().validate(pki.expiredAp.certPem, 'ap', NOW));
    expect(result.code).toBe('expired');
    expect(result.message).toMatch(/CN=PDK000004 .* expired on/);
  });

  it('refuses a certificate before its validity starts, beyond the allowed clock skew', async () => {
    const before = new Date(parseCertificate(pki.ourAp.certPem).notBefore.getTime() - 60_000);
    expect(failure(await validator().validate(pki.ourAp.certPem, 'ap', before)).code).toBe('not-yet-valid');
    const tolerant = new CertificateValidator(trust, { revocationPolicy: 'off', clockSkewMs: 120_000 });
    expect((await tolerant.validate(pki.ourAp.certPem, 'ap', before)).valid).toBe(true);
  });

  it('refuses a certificate once its issuing CA has expired', async () => {
    const afterCa = new Date(parseCertificate(pki.apCa.certPem).notAfter.getTime() + 1000);
    const result = failure(await validator().validate(pki.ourAp.certPem, 'ap', afterCa));
    expect(result.code).toBe('expired');
  });

  it('refuses a certificate from an untrusted root', async () => {
    const result = failure(await validator().validate(pki.untrustedAp.certPem, 'ap', NOW));
    expect(result.code).toBe('untrusted');
    expect(result.message).toContain('issuer "DEV UNTRUSTED ROOT CA" is not a trusted access point CA');
  });

  it('refuses a certificate whose issuer name matches but whose signature does not', async () => {
    // An impostor CA with the AP CA's exact name (and no key identifier): only the signature tells them apart.
    const keys = (await subtle.generateKey(RSA_SHA256, true, ['sign', 'verify'])) as CryptoKeyPair;
    const impostor = await x509.X509CertificateGenerator.createSelfSigned({
      name: parseCertificate(pki.apCa.certPem).x509.subjectName,
      keys,
      notBefore: new Date(NOW.getTime() - 86_400_000),
      notAfter: new Date(NOW.getTime() + 86_400_000),
      signingAlgorithm: RSA_SHA256,
      extensions: [new x509.BasicConstraintsExtension(true, undefined, true)],
    });
    const impostorCert = parseCertificate(impostor.toString('pem'));
    expect(parseCertificate(pki.ourAp.certPem).node.checkIssued(impostorCert.node)).toBe(true);
    const impostorTrust = new TrustStore([], { ap: [{ cert: impostorCert, label: 'impostor' }], smp: [] });
    const v = new CertificateValidator(impostorTrust, { revocationPolicy: 'off' });
    expect(failure(await v.validate(pki.ourAp.certPem, 'ap', NOW)).code).toBe('untrusted');
  });

  it('refuses an SMP certificate used as an AP certificate, and the reverse', async () => {
    const smpAsAp = failure(await validator().validate(pki.smp.certPem, 'ap', NOW));
    expect(smpAsAp.code).toBe('wrong-purpose');
    expect(smpAsAp.message).toContain('issued by SMP CA');
    const apAsSmp = failure(await validator().validate(pki.ourAp.certPem, 'smp', NOW));
    expect(apAsSmp.code).toBe('wrong-purpose');
  });

  it('refuses a CA certificate presented as a leaf', async () => {
    expect(failure(await validator().validate(pki.apCa.certPem, 'ap', NOW)).code).toBe('key-usage');
  });

  it('refuses an OCSP-signing certificate as an AP certificate (key usage)', async () => {
    const result = failure(await validator().validate(pki.ocspResponder.certPem, 'ap', NOW));
    expect(result.code).toBe('key-usage');
    expect(result.message).toContain('digitalSignature and keyEncipherment');
  });

  it('reports garbage input as malformed instead of throwing', async () => {
    expect(failure(await validator().validate('not a certificate!', 'ap', NOW)).code).toBe('malformed');
    expect(failure(await validator().validate(Buffer.from('3003020101', 'hex'), 'ap', NOW)).code).toBe('malformed');
  });

  it('asks the revocation checker about the leaf with its issuer, and refuses a revoked one', async () => {
    const checker = new TableRevocationChecker({
      PDK000003: { status: 'revoked', source: 'ocsp', checkedAt: NOW, revokedAt: new Date('2026-02-01T00:00:00Z'), reason: 'keyCompromise' },
    });
    expect((await validator(checker).validate(pki.ourAp.certPem, 'ap', NOW)).valid).toBe(true);
    const revoked = failure(await validator(checker).validate(pki.revokedAp.certPem, 'ap', NOW));
    expect(revoked.code).toBe('revoked');
    expect(revoked.message).toContain('revoked on 2026-02-01T00:00:00.000Z (keyCompromise) according to OCSP');
    expect(checker.asked).toEqual(['PDK000001<-DEV PEPPOL ACCESS POINT TEST CA', 'PDK000003<-DEV PEPPOL ACCESS POINT TEST CA']);
  });

  it('applies hard-fail and soft-fail when the status is unknown', async () => {
    const warned: string[] = [];
    const checker = new TableRevocationChecker({ PDK000001: { status: 'unknown', reason: 'OCSP responder unreachable' } });
    const hard = failure(await validator(checker, 'hard-fail').validate(pki.ourAp.certPem, 'ap', NOW));
    expect(hard.code).toBe('revocation-unknown');
    const soft = new CertificateValidator(trust, {
      revocationPolicy: 'soft-fail',
      revocation: checker,
      warnings: { warn: (_details, message) => warned.push(message) },
    });
    const accepted = await soft.validate(pki.ourAp.certPem, 'ap', NOW);
    expect(accepted.valid && accepted.warnings).toEqual([expect.stringContaining('accepted under soft-fail policy')]);
    expect(warned).toHaveLength(1);
  });

  it('treats a failing checker as unknown, never as good', async () => {
    const checker = new TableRevocationChecker({ PDK000001: new Error('boom') });
    const result = failure(await validator(checker, 'hard-fail').validate(pki.ourAp.certPem, 'ap', NOW));
    expect(result.code).toBe('revocation-unknown');
    expect(result.message).toContain('revocation check failed: boom');
  });

  it('still refuses a revoked certificate under soft-fail, and skips checks when the policy is off', async () => {
    const checker = new TableRevocationChecker({ PDK000003: { status: 'revoked', source: 'crl', checkedAt: NOW } });
    expect(failure(await validator(checker, 'soft-fail').validate(pki.revokedAp.certPem, 'ap', NOW)).code).toBe('revoked');
    const off = await validator(checker, 'off').validate(pki.revokedAp.certPem, 'ap', NOW);
    expect(off).toMatchObject({ valid: true, revocation: { status: 'not-checked' } });
  });
});
