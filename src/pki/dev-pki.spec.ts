import { execFileSync } from 'node:child_process';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commonName } from './keystore.js';
import { createDevPki, DEV_MARK, type DevPki } from './dev-pki.js';

const NOW = new Date('2026-06-01T12:00:00Z');

describe('createDevPki', () => {
  let pki: DevPki;
  let dir: string;
  const file = (name: keyof DevPki) => path.join(dir, `${name}.pem`);
  const opensslVerify = (leaf: keyof DevPki, intermediate: keyof DevPki, root: keyof DevPki = 'rootCa') =>
    execFileSync('openssl', ['verify', '-attime', String(NOW.getTime() / 1000), '-CAfile', file(root), '-untrusted', file(intermediate), file(leaf)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });

  beforeAll(async () => {
    pki = await createDevPki({ now: NOW, ocspUrl: 'http://127.0.0.1:1/ocsp', crlBaseUrl: 'http://127.0.0.1:1/crl/' });
    dir = mkdtempSync(path.join(tmpdir(), 'dev-pki-'));
    for (const [name, entry] of Object.entries(pki)) writeFileSync(path.join(dir, `${name}.pem`), entry.certPem);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('marks every certificate as dev only and reports the subject CN it wrote', () => {
    for (const entry of Object.values(pki)) {
      const cert = new X509Certificate(entry.certPem);
      expect(cert.subject).toContain(`O=${DEV_MARK}`);
      expect(commonName(cert)).toBe(entry.subjectCn);
    }
  });

  it('gives our AP certificate the Peppol AP shape', () => {
    const cert = new X509Certificate(pki.ourAp.certPem);
    expect(pki.ourAp.subjectCn).toMatch(/^P[A-Z]{2}\d{6}$/);
    expect(cert.subject).toContain('OU=PEPPOL TEST AP');
    expect(cert.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(cert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.2']);
    expect(cert.ca).toBe(false);
    expect(cert.infoAccess).toContain('OCSP - URI:http://127.0.0.1:1/ocsp');
    const text = execFileSync('openssl', ['x509', '-noout', '-ext', 'keyUsage,crlDistributionPoints', '-in', file('ourAp')], { encoding: 'utf8' });
    expect(text).toContain('Digital Signature, Key Encipherment, Data Encipherment');
    expect(text).toContain('URI:http://127.0.0.1:1/crl/ap-ca.crl');
  });

  it('pairs each private key with its certificate', () => {
    for (const entry of Object.values(pki)) {
      expect(new X509Certificate(entry.certPem).checkPrivateKey(createPrivateKey(entry.keyPem))).toBe(true);
    }
  });

  it('builds chains that openssl accepts, and the faulty ones it refuses', () => {
    for (const leaf of ['ourAp', 'partnerAp', 'revokedAp', 'ocspResponder'] as const) {
      expect(opensslVerify(leaf, 'apCa')).toContain(': OK');
    }
    expect(opensslVerify('smp', 'smpCa')).toContain(': OK');
    expect(opensslVerify('untrustedAp', 'untrustedCa', 'untrustedCa')).toContain(': OK');
    expect(() => opensslVerify('expiredAp', 'apCa')).toThrow(/certificate has expired/);
    expect(() => opensslVerify('untrustedAp', 'apCa')).toThrow(/unable to get local issuer certificate/);
  });

  it('puts the expired certificate entirely before the reference time', () => {
    const cert = new X509Certificate(pki.expiredAp.certPem);
    expect(new Date(cert.validTo).getTime()).toBeLessThan(NOW.getTime());
  });
});
