import { createHash, X509Certificate } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { createScenario, credentials, type Scenario } from './support/scenario.js';
import { runStepsUntil } from './support/step-kit.js';
import { memoryContent } from '../../src/as4/io/content.js';
import { SenderCertificateValidator } from '../../src/as4/receive/ports.js';
import { CheckSecurityHeaderStep } from '../../src/as4/receive/steps/check-security-header.step.js';
import { DecompressStep } from '../../src/as4/receive/steps/decompress.step.js';
import { DecryptAttachmentsStep } from '../../src/as4/receive/steps/decrypt-attachments.step.js';
import { PeppolHeaderStep } from '../../src/as4/receive/steps/peppol-header.step.js';
import { VerifySignatureStep } from '../../src/as4/receive/steps/verify-signature.step.js';
import { CredentialsAccessPointKeys } from './support/credentials-access-point-keys.js';

let s: Scenario;
beforeAll(async () => {
  s = await createScenario();
});

const codeOf = (p: Promise<unknown>) => p.then(() => 'accepted', (e: { code?: string; message: string }) => e.code ?? e.message);
const swap = (from: string, to: string) => (m: ReturnType<Scenario['build']>) => ({ ...m, soapXml: m.soapXml.replace(from, to) });

describe('PeppolHeaderStep', () => {
  it('requires To/PartyId to be our AP when configured', async () => {
    const ctx = await runStepsUntil(s, s.build({ toPartyId: 'POP999999' }), 'peppol-header');
    const keys = new CredentialsAccessPointKeys(credentials(s.pki.ourAp));
    expect(await codeOf(new PeppolHeaderStep(keys, true).run(ctx))).toBe('EBMS:0010');
    expect(await codeOf(new PeppolHeaderStep(keys, false).run(ctx))).toBe('accepted');
  });

  it('refuses an attachment not listed in PayloadInfo', async () => {
    const m = s.build();
    const extra = { contentId: 'extra@cid', contentType: 'application/octet-stream', bytes: Buffer.from('x') };
    const ctx = await runStepsUntil(s, { ...m, attachments: [...m.attachments, extra] }, 'peppol-header');
    expect(await codeOf(new PeppolHeaderStep(new CredentialsAccessPointKeys(credentials(s.pki.ourAp)), true).run(ctx))).toBe('EBMS:0007');
  });
});

describe('CheckSecurityHeaderStep', () => {
  const step = () => new CheckSecurityHeaderStep({ validate: async () => ({ valid: true }) } as SenderCertificateValidator, 16);

  it.each([
    ['inclusive C14N for SignedInfo', swap('<ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"', '<ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"')],
    ['SHA-1 digest', swap('<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>', '<ds:DigestMethod Algorithm="http://www.w3.org/2000/09/xmldsig#sha1"/><ds:DigestValue>')],
    ['AES-CBC payload encryption', swap('http://www.w3.org/2009/xmlenc11#aes128-gcm', 'http://www.w3.org/2001/04/xmlenc#aes128-cbc')],
    ['rsa-oaep-mgf1p key transport', swap('http://www.w3.org/2009/xmlenc11#rsa-oaep', 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p')],
    ['MGF1-SHA1', swap('http://www.w3.org/2009/xmlenc11#mgf1sha256', 'http://www.w3.org/2009/xmlenc11#mgf1sha1')],
    ['key identifier other than a BST reference', (m: ReturnType<Scenario['build']>) => ({ ...m, soapXml: m.soapXml.replace(/(<ds:Signature[\s\S]*<ds:KeyInfo>)[\s\S]*?(<\/ds:KeyInfo>)/, '$1<ds:KeyName>POP000306</ds:KeyName>$2') })],
  ])('%s → EBMS:0103', async (_n, edit) => {
    const ctx = await runStepsUntil(s, edit(s.build()), 'check-security-header');
    expect(await codeOf(step().run(ctx))).toBe('EBMS:0103');
  });

  it('a validator that cannot decide gives EBMS:0202 (retry), an invalid certificate EBMS:0101', async () => {
    const ctx = await runStepsUntil(s, s.build(), 'check-security-header');
    const throwing = { validate: async () => { throw new Error('OCSP unreachable'); } } as unknown as SenderCertificateValidator;
    expect(await codeOf(new CheckSecurityHeaderStep(throwing, 16).run(ctx))).toBe('EBMS:0202');
    const refusing = { validate: async () => ({ valid: false, reason: 'revoked' }) } as unknown as SenderCertificateValidator;
    expect(await codeOf(new CheckSecurityHeaderStep(refusing, 16).run(ctx))).toBe('EBMS:0101');
  });

  it('refuses a second EncryptedKey (one content key per message)', async () => {
    const m = s.build();
    const twice = m.soapXml.replace(/(<xenc:EncryptedKey[\s\S]*?<\/xenc:EncryptedKey>)/, (ek) => ek + ek.replace(/Id="EK-/, 'Id="EK2-'));
    const ctx = await runStepsUntil(s, { ...m, soapXml: twice }, 'check-security-header');
    expect(await codeOf(step().run(ctx))).toBe('EBMS:0103');
  });

  it('bounds the number of signature references', async () => {
    const ctx = await runStepsUntil(s, s.build(), 'check-security-header');
    expect(await codeOf(new CheckSecurityHeaderStep({ validate: async () => ({ valid: true }) } as SenderCertificateValidator, 2).run(ctx))).toBe('EBMS:0103');
  });
});

describe('DecryptAttachmentsStep', () => {
  it('decrypts and hashes the attachment to the gzip bytes that were signed', async () => {
    const ctx = await runStepsUntil(s, s.build(), 'decrypt-attachments');
    await new DecryptAttachmentsStep(new CredentialsAccessPointKeys(credentials(s.pki.ourAp))).run(ctx);
    const [decrypted] = [...ctx.decrypted.values()];
    expect(decrypted!.mimeType).toBe('application/gzip');
    expect(decrypted!.sha256.length).toBe(32);
  });

  it('needs our key for the certificate the key was encrypted for', async () => {
    const ctx = await runStepsUntil(s, s.build(), 'decrypt-attachments');
    const otherKeys = new CredentialsAccessPointKeys(credentials(s.pki.partnerAp));
    expect(await codeOf(new DecryptAttachmentsStep(otherKeys).run(ctx))).toBe('EBMS:0102');
  });

  it('keeps the previous key for decryption during a rollover', async () => {
    const message = s.build({ encryptFor: new X509Certificate(s.pki.partnerAp.certPem) });
    const ctx = await runStepsUntil(s, message, 'decrypt-attachments');
    const rollover = new CredentialsAccessPointKeys(credentials(s.pki.ourAp), [credentials(s.pki.partnerAp)]);
    expect(await codeOf(new DecryptAttachmentsStep(rollover).run(ctx))).toBe('accepted');
  });
});

describe('VerifySignatureStep', () => {
  it('marks the sender authenticated only after a complete, valid signature', async () => {
    const ctx = await runStepsUntil(s, s.build(), 'verify-signature');
    expect(ctx.senderAuthenticated).toBe(false);
    await new VerifySignatureStep(s.config.limits.xmlAttachment).run(ctx);
    expect(ctx.senderAuthenticated).toBe(true);
  });

  it('refuses when the decrypted attachment differs from what was signed', async () => {
    const ctx = await runStepsUntil(s, s.build(), 'verify-signature');
    const [entry] = [...ctx.decrypted.values()];
    const other = gzipSync(Buffer.from('<other/>'));
    ctx.decrypted.set(entry!.contentId, { ...entry!, content: memoryContent(other), sha256: createHash('sha256').update(other).digest() });
    expect(await codeOf(new VerifySignatureStep(s.config.limits.xmlAttachment).run(ctx))).toBe('EBMS:0101');
    expect(ctx.senderAuthenticated).toBe(false);
  });
});

describe('DecompressStep', () => {
  it('gunzips within the cap, refuses corrupt gzip and oversize output with EBMS:0303', async () => {
    const ctx = await runStepsUntil(s, s.build(), 'decompress');
    await new DecompressStep(10_000_000, 1_000_000).run(ctx);
    expect(ctx.payload!.content.size).toBeGreaterThan(100);
    const capped = await runStepsUntil(s, s.build(), 'decompress');
    expect(await codeOf(new DecompressStep(100, 1_000_000).run(capped))).toBe('EBMS:0303');
    const corrupt = await runStepsUntil(s, s.build(), 'decompress');
    const [entry] = [...corrupt.decrypted.values()];
    corrupt.decrypted.set(entry!.contentId, { ...entry!, content: memoryContent(Buffer.from('not gzip at all')) });
    expect(await codeOf(new DecompressStep(10_000_000, 1_000_000).run(corrupt))).toBe('EBMS:0303');
  });
});
