import { createPrivateKey, randomBytes, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAesGcmDecryptStream } from '../../src/as4/crypto/aes-gcm.js';
import { unwrapKeyRsaOaep } from '../../src/as4/crypto/rsa-oaep.js';
import { NS } from '../../src/as4/protocol/namespaces.js';
import { parseSafeXml } from '../../src/as4/xml/safe-xml.js';
import { createScenario, sbdFor, type Scenario } from './support/scenario.js';
import { hasBinary, run } from './support/tools.js';

const missing = ['openssl', 'xmlsec1'].filter((b) => !hasBinary(b));
if (missing.length > 0) console.warn(`${missing.join(', ')} not installed: skipping the independent OAEP/AES-GCM cross-check`);

const OAEP_SHA256 = ['-pkeyopt', 'rsa_padding_mode:oaep', '-pkeyopt', 'rsa_oaep_md:sha256', '-pkeyopt', 'rsa_mgf1_md:sha256'];
const GCM_TEMPLATE = (cipherValue = '') =>
  `<EncryptedData xmlns="${NS.xenc}" Type="http://www.isi.edu/in-notes/iana/assignments/media-types/application/octet-stream">` +
  `<EncryptionMethod Algorithm="http://www.w3.org/2009/xmlenc11#aes128-gcm"/><KeyInfo xmlns="${NS.ds}"><KeyName>k</KeyName></KeyInfo>` +
  `<CipherData><CipherValue>${cipherValue}</CipherValue></CipherData></EncryptedData>`;

describe.skipIf(missing.length > 0)('our RSA-OAEP and AES-128-GCM against openssl and xmlsec1', () => {
  let s: Scenario;
  let dir: string;
  beforeAll(async () => {
    s = await createScenario();
    dir = mkdtempSync(join(tmpdir(), 'as4-crypto-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, data?: string | Buffer) => {
    const path = join(dir, name);
    if (data !== undefined) writeFileSync(path, data);
    return path;
  };

  it('openssl unwraps our EncryptedKey and xmlsec1 decrypts our attachment to the gzip of the SBD', () => {
    const payload = sbdFor();
    const message = s.build({ payload });
    const doc = parseSafeXml(message.soapXml, { maxBytes: 1_000_000, maxDepth: 64, maxElements: 10_000 });
    const cipherValue = doc.getElementsByTagNameNS(NS.xenc, 'CipherValue')[0]!.textContent!.replace(/\s+/g, '');
    const unwrap = run('openssl', ['pkeyutl', '-decrypt', '-inkey', file('our.key', s.pki.ourAp.keyPem), ...OAEP_SHA256, '-in', file('wrapped.bin', Buffer.from(cipherValue, 'base64'))]);
    expect(unwrap.stderr).toBe('');
    expect(unwrap.stdout.length).toBe(16);

    file('cek.bin', unwrap.stdout);
    file('attachment.xml', GCM_TEMPLATE(message.attachments[0]!.bytes.toString('base64')));
    const decrypt = run('xmlsec1', ['--decrypt', '--aeskey:k', file('cek.bin'), '--output', file('attachment.gz'), file('attachment.xml')]);
    expect(decrypt.status, decrypt.stderr).toBe(0);
    expect(gunzipSync(readFileSync(file('attachment.gz'))).equals(payload)).toBe(true);
  });

  it('we unwrap a key openssl wrapped and stream-decrypt what xmlsec1 encrypted', async () => {
    const cek = randomBytes(16);
    const wrapped = run('openssl', ['pkeyutl', '-encrypt', '-certin', '-inkey', file('our.crt', s.pki.ourAp.certPem), ...OAEP_SHA256, '-in', file('cek2.bin', cek)]);
    expect(wrapped.status, wrapped.stderr).toBe(0);
    expect(unwrapKeyRsaOaep(wrapped.stdout, createPrivateKey(s.pki.ourAp.keyPem)).equals(cek)).toBe(true);

    const plain = randomBytes(300_000);
    const encrypt = run('xmlsec1', ['--encrypt', '--aeskey:k', file('cek2.bin'), '--binary-data', file('plain.bin', plain), '--output', file('enc.xml'), file('tmpl.xml', GCM_TEMPLATE())]);
    expect(encrypt.status, encrypt.stderr).toBe(0);
    const sealed = Buffer.from(readFileSync(file('enc.xml'), 'utf8').match(/<CipherValue>([^<]+)<\/CipherValue>/)![1]!.replace(/\s+/g, ''), 'base64');
    const chunks: Buffer[] = [];
    for (let i = 0; i < sealed.length; i += 4099) chunks.push(sealed.subarray(i, i + 4099));
    const decrypted = await buffer(Readable.from(chunks).pipe(createAesGcmDecryptStream(cek)));
    expect(decrypted.equals(plain)).toBe(true);
    expect(new X509Certificate(s.pki.ourAp.certPem).publicKey.asymmetricKeyType).toBe('rsa');
  });
});
