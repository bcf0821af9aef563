import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/define-config.js';
import { parseCertificate } from '../../src/pki/certificate.js';
import { CertificateValidator } from '../../src/pki/certificate-validator.js';
import { crlUrlsOf } from '../../src/pki/crl-client.js';
import { ocspUrlOf } from '../../src/pki/ocsp-client.js';
import { writeDevPki } from '../../src/pki/dev-pki-files.js';
import type { DevPki } from '../../src/pki/dev-pki.js';
import { PEPPOL_CA_DIR } from '../../src/pki/peppol-cas.js';
import { pkiConfig } from '../../src/pki/pki.config.js';
import { PkiFiles } from '../../src/pki/pki-files.js';
import { TrustStore } from '../../src/pki/trust-store.js';

const fixture = (name: string) => readFileSync(path.resolve(__dirname, 'fixtures', name), 'utf8');
const REAL_G3 = 'peppol-test-ap-g3-pop000306.cert.pem';
const REAL_G2 = 'peppol-test-ap-g2-pop000306.cert.pem';
const IN_VALIDITY = new Date('2026-01-15T12:00:00Z');

const load = (env: Record<string, string>, files?: PkiFiles) => TrustStore.load(pkiConfig.load(env), files);
const validate = async (store: TrustStore, pem: string, purpose: 'ap' | 'smp' = 'ap', at = IN_VALIDITY) =>
  new CertificateValidator(store, { revocationPolicy: 'off' }).validate(pem, purpose, at);

describe('TrustStore with the shipped Peppol CAs', () => {
  it('holds the G3 test root, AP CA and SMP CA in the test stage', async () => {
    const store = await load({ PEPPOL_STAGE: 'test' });
    expect(store.roots.map((a) => a.cert.subjectCn)).toEqual(['PEPPOL Root TEST CA - G3']);
    expect(store.issuers.ap.map((a) => a.cert.subjectCn)).toEqual(['PEPPOL ACCESS POINT TEST CA - G3']);
    expect(store.issuers.smp.map((a) => a.cert.subjectCn)).toEqual(['PEPPOL SERVICE METADATA PUBLISHER TEST CA - G3']);
    expect(store.describe()).toHaveLength(3);
  });

  it('holds the production CAs only in production, and G2 as well when PKI_ACCEPT_G2 is set', async () => {
    const prod = await load({ PEPPOL_STAGE: 'production' });
    expect(prod.issuers.ap.map((a) => a.cert.subjectCn)).toEqual(['PEPPOL ACCESS POINT CA - G3']);
    const withG2 = await load({ PEPPOL_STAGE: 'production', PKI_ACCEPT_G2: 'true' });
    expect(withG2.issuers.ap.map((a) => a.cert.subjectCn)).toEqual(['PEPPOL ACCESS POINT CA - G3', 'PEPPOL ACCESS POINT CA - G2']);
  });

  it('accepts a real G3 test AP certificate in the test stage and refuses it in production', async () => {
    const ok = await validate(await load({ PEPPOL_STAGE: 'test' }), fixture(REAL_G3));
    expect(ok).toMatchObject({ valid: true, subjectCn: 'POP000306' });
    const refused = await validate(await load({ PEPPOL_STAGE: 'production' }), fixture(REAL_G3));
    expect(refused).toMatchObject({ valid: false, code: 'untrusted' });
    expect(!refused.valid && refused.message).toContain('"PEPPOL ACCESS POINT TEST CA - G3" is not a trusted access point CA');
  });

  it('finds the OCSP responder and CRL a real G3 test certificate names', () => {
    const cert = parseCertificate(fixture(REAL_G3));
    expect(ocspUrlOf(cert)).toBe('http://ocsp.one.nl.digicert.com');
    expect(crlUrlsOf(cert)).toEqual(['http://crl.one.nl.digicert.com/PEPPOLACCESSPOINTTESTCA-G3.crl']);
  });

  it('refuses a G2 test AP certificate unless G2 is accepted', async () => {
    expect(await validate(await load({ PEPPOL_STAGE: 'test' }), fixture(REAL_G2))).toMatchObject({ valid: false, code: 'untrusted' });
    expect(await validate(await load({ PEPPOL_STAGE: 'test', PKI_ACCEPT_G2: 'true' }), fixture(REAL_G2))).toMatchObject({ valid: true });
  });

  it('refuses the real AP certificate as an SMP certificate', async () => {
    const result = await validate(await load({ PEPPOL_STAGE: 'test' }), fixture(REAL_G3), 'smp');
    expect(result).toMatchObject({ valid: false, code: 'wrong-purpose' });
  });

  it('refuses to start when a shipped CA file no longer matches its pinned fingerprint', async () => {
    class SwappedFiles extends PkiFiles {
      override async read(file: string, maxBytes: number): Promise<Buffer> {
        const swapped = file.endsWith('peppol-access-point-test-ca-g3.pem') ? path.join(PEPPOL_CA_DIR, 'peppol-access-point-ca-g3.pem') : file;
        return super.read(swapped, maxBytes);
      }
    }
    await expect(load({ PEPPOL_STAGE: 'test' }, new SwappedFiles())).rejects.toThrow(/does not match its pinned SHA-256/);
  });
});

describe('TrustStore with the dev PKI and AP_TRUSTED_CAS', () => {
  let dir: string;
  let pki: DevPki;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'trust-store-'));
    pki = await writeDevPki(path.join(dir, 'certs-dev'), { now: IN_VALIDITY });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('trusts the dev root, AP CA and SMP CA in the dev stage, next to the Peppol test CAs', async () => {
    const store = await load({ PEPPOL_STAGE: 'dev', PKI_DEV_DIR: path.join(dir, 'certs-dev') });
    expect((await validate(store, pki.ourAp.certPem)).valid).toBe(true);
    expect((await validate(store, pki.smp.certPem, 'smp')).valid).toBe(true);
    expect((await validate(store, fixture(REAL_G3))).valid).toBe(true);
    expect(await validate(store, pki.untrustedAp.certPem)).toMatchObject({ valid: false, code: 'untrusted' });
  });

  it('does not trust the dev PKI outside the dev stage', async () => {
    const store = await load({ PEPPOL_STAGE: 'test', PKI_DEV_DIR: path.join(dir, 'certs-dev') });
    expect(await validate(store, pki.ourAp.certPem)).toMatchObject({ valid: false, code: 'untrusted' });
  });

  it('tells the operator to run pki init when the dev PKI is missing', async () => {
    await expect(load({ PEPPOL_STAGE: 'dev', PKI_DEV_DIR: path.join(dir, 'nowhere') })).rejects.toThrow(/PKI_DEV_DIR .*peppol-ap pki init/);
  });

  it('adds the CAs listed in AP_TRUSTED_CAS for access points only', async () => {
    const file = path.join(dir, 'extra-ca.pem');
    writeFileSync(file, pki.untrustedCa.certPem);
    const store = await load({ PEPPOL_STAGE: 'test', AP_TRUSTED_CAS: file });
    expect((await validate(store, pki.untrustedAp.certPem)).valid).toBe(true);
    expect(await validate(store, pki.untrustedAp.certPem, 'smp')).toMatchObject({ valid: false, code: 'wrong-purpose' });
  });

  it('names AP_TRUSTED_CAS when a file is missing, empty or holds a non-CA certificate', async () => {
    const missing = path.join(dir, 'missing.pem');
    await expect(load({ AP_TRUSTED_CAS: missing })).rejects.toThrow(ConfigError);
    await expect(load({ AP_TRUSTED_CAS: missing })).rejects.toThrow(/^AP_TRUSTED_CAS \(.*missing\.pem\): cannot read/);
    const empty = path.join(dir, 'empty.pem');
    writeFileSync(empty, '');
    await expect(load({ AP_TRUSTED_CAS: empty })).rejects.toThrow(/no "BEGIN CERTIFICATE" block/);
    const leaf = path.join(dir, 'leaf.pem');
    writeFileSync(leaf, pki.partnerAp.certPem);
    await expect(load({ AP_TRUSTED_CAS: leaf })).rejects.toThrow(/certificate #1 \(PDK000002\) is not a CA/);
  });
});
