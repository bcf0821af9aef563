import { execFileSync } from 'node:child_process';
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../config/define-config.js';
import { buildDevP12 } from './dev-pki-files.js';
import { createDevPki, DEV_P12_PASSWORD, type DevPki } from './dev-pki.js';
import { ApKeystore } from './keystore.js';
import { pkiConfig } from './pki.config.js';

describe('ApKeystore', () => {
  let pki: DevPki;
  let dir: string;
  const put = (name: string, data: string | Buffer) => {
    const file = path.join(dir, name);
    writeFileSync(file, data);
    return file;
  };
  const loadFrom = (env: Record<string, string>) => new ApKeystore().load(pkiConfig.load(env).keySource);

  beforeAll(async () => {
    pki = await createDevPki();
    dir = mkdtempSync(path.join(tmpdir(), 'keystore-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads PEM key and certificate, and the key signs what the certificate verifies', async () => {
    const creds = await loadFrom({ AP_CERT: put('ap.cert.pem', pki.ourAp.certPem), AP_KEY: put('ap.key.pem', pki.ourAp.keyPem) });
    expect(creds.subjectCn).toBe('PDK000001');
    expect(creds.chain).toEqual([]);
    const signature = sign('sha256', Buffer.from('hello'), creds.privateKey);
    expect(verify('sha256', Buffer.from('hello'), creds.certificate.publicKey, signature)).toBe(true);
  });

  it('accepts a certificate file holding the chain, whatever the order', async () => {
    const chainFirst = put('chain.pem', pki.apCa.certPem + pki.ourAp.certPem + pki.rootCa.certPem);
    const creds = await loadFrom({ AP_CERT: chainFirst, AP_KEY: put('k.pem', pki.ourAp.keyPem) });
    expect(creds.subjectCn).toBe('PDK000001');
    expect(creds.chain.map((c) => c.subject)).toHaveLength(2);
  });

  it('loads an encrypted PKCS#1 key made by openssl with AP_KEY_PASSWORD', async () => {
    const plain = put('plain.key.pem', pki.ourAp.keyPem);
    const encrypted = path.join(dir, 'enc.key.pem');
    execFileSync('openssl', ['rsa', '-in', plain, '-aes256', '-traditional', '-passout', 'pass:s3cret', '-out', encrypted], { stdio: 'pipe' });
    const cert = put('ap2.cert.pem', pki.ourAp.certPem);
    const creds = await loadFrom({ AP_CERT: cert, AP_KEY: encrypted, AP_KEY_PASSWORD: 's3cret' });
    expect(creds.subjectCn).toBe('PDK000001');
    await expect(loadFrom({ AP_CERT: cert, AP_KEY: encrypted, AP_KEY_PASSWORD: 'nope' })).rejects.toThrow(/AP_KEY .*not a readable private key/);
  });

  it('loads our dev PKCS#12 and one made by openssl, converting the key for node:crypto', async () => {
    const ours = put('ap.p12', buildDevP12(pki));
    const fromForge = await loadFrom({ AP_P12: ours, AP_P12_PASSWORD: DEV_P12_PASSWORD });
    expect(fromForge.subjectCn).toBe('PDK000001');
    expect(fromForge.chain).toHaveLength(2);

    const opensslP12 = path.join(dir, 'openssl.p12');
    execFileSync('openssl', ['pkcs12', '-export', '-in', put('c.pem', pki.partnerAp.certPem), '-inkey', put('k2.pem', pki.partnerAp.keyPem),
      '-certfile', put('ca.pem', pki.apCa.certPem), '-passout', 'pass:other', '-out', opensslP12], { stdio: 'pipe' });
    const fromOpenssl = await loadFrom({ AP_P12: opensslP12, AP_P12_PASSWORD: 'other' });
    expect(fromOpenssl.subjectCn).toBe('PDK000002');
    expect(createPublicKey(fromOpenssl.privateKey).export({ format: 'der', type: 'spki' }))
      .toEqual(fromOpenssl.certificate.publicKey.export({ format: 'der', type: 'spki' }));
  });

  it('names AP_P12 when the password is wrong', async () => {
    const file = put('wrong-password.p12', buildDevP12(pki));
    const error = await loadFrom({ AP_P12: file, AP_P12_PASSWORD: 'not-it' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/AP_P12 .*wrong AP_P12_PASSWORD or corrupt file/);
  });

  it('names AP_KEY when the key file cannot be read', async () => {
    const error = await loadFrom({ AP_CERT: put('c3.pem', pki.ourAp.certPem), AP_KEY: path.join(dir, 'missing.key.pem') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/^AP_KEY \(.*missing\.key\.pem\): cannot read: .*ENOENT/);
  });

  it('names AP_KEY when the file is not a key', async () => {
    const notAKey = put('not-a-key.pem', pki.ourAp.certPem);
    await expect(loadFrom({ AP_CERT: put('c4.pem', pki.ourAp.certPem), AP_KEY: notAKey })).rejects.toThrow(/^AP_KEY .*not a readable private key/);
  });

  it('names AP_CERT when the certificate file holds no certificate', async () => {
    await expect(loadFrom({ AP_CERT: put('empty-cert.pem', 'nothing here'), AP_KEY: put('k5.pem', pki.ourAp.keyPem) }))
      .rejects.toThrow(/^AP_CERT .*no "BEGIN CERTIFICATE" block/);
  });

  it('refuses a key that does not belong to the certificate', async () => {
    const error = await loadFrom({ AP_CERT: put('c6.pem', pki.ourAp.certPem), AP_KEY: put('key-of-partner.pem', pki.partnerAp.keyPem) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/AP_KEY .* does not match the certificate in AP_CERT .*CN=PDK000001/);
  });

  it('refuses a non-RSA key', async () => {
    const ec = path.join(dir, 'ec.key.pem');
    execFileSync('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', ec], { stdio: 'pipe' });
    expect(createPrivateKey(execFileSync('cat', [ec])).asymmetricKeyType).toBe('ec');
    await expect(loadFrom({ AP_CERT: put('c7.pem', pki.ourAp.certPem), AP_KEY: ec })).rejects.toThrow(/needs an RSA key, found ec/);
  });

  it('refuses files above the size bound', async () => {
    const big = put('big.pem', Buffer.alloc(4096, 'A'));
    const keystore = new ApKeystore(undefined, 1024);
    await expect(keystore.load(pkiConfig.load({ AP_CERT: big, AP_KEY: big }).keySource)).rejects.toThrow(/AP_CERT .*more than the 1024 allowed/);
  });

  it('explains what to set when no key source is configured', async () => {
    await expect(new ApKeystore().load(undefined)).rejects.toThrow(/AP_CERT and AP_KEY \(or AP_P12\) must be set/);
  });
});
