import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSafeXml } from '../../src/as4/xml/safe-xml.js';
import { Clock } from '../../src/common/clock.js';
import { SmpSignatureVerifier } from '../../src/discovery/smp-signature.js';
import { readServiceMetadata } from '../../src/discovery/smp-xml.js';
import { parseCertificate } from '../../src/pki/certificate.js';
import { CertificateValidator } from '../../src/pki/certificate-validator.js';
import { createDevPki, type DevPki } from '../../src/pki/dev-pki.js';
import { TrustStore } from '../../src/pki/trust-store.js';
import { signEnveloped, smp1Metadata, smp2Metadata } from './support/smp-documents.js';

const hasXmlsec = spawnSync('xmlsec1', ['--version']).status === 0;
const TEMPLATE = `<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"><SignedInfo>
<CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/>
<SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>
<Reference URI=""><Transforms><Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/></Transforms>
<DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><DigestValue/></Reference></SignedInfo>
<SignatureValue/><KeyInfo><X509Data/></KeyInfo></Signature>`;

// The SMP signature check against an independent XMLDSig implementation (xmlsec1), both directions.
describe.skipIf(!hasXmlsec)('SMP signatures cross-checked with xmlsec1', () => {
  let dir: string;
  let pki: DevPki;
  let verifier: SmpSignatureVerifier;
  const file = (name: string, text: string) => {
    writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
  const spec = () => ({
    participant: '0088:7315458756324',
    documentType: 'urn:oasis:names:specification:ubl:schema:xsd:Order-2::Order##urn:fdc:peppol.eu:poacc:trns:order:3::2.1',
    process: 'urn:fdc:peppol.eu:poacc:bis:ordering:3',
    endpoints: [{ address: 'https://ap.example/as4', certificatePem: pki.partnerAp.certPem }],
  });
  const xmlsecSign = (unsigned: string, name: string) => {
    const template = unsigned.replace(/(<\/[^>]+>)\s*$/, `${TEMPLATE}$1`);
    const out = path.join(dir, `${name}.signed.xml`);
    execFileSync('xmlsec1', ['--sign', '--privkey-pem', `${file('smp.key', pki.smp.keyPem)},${file('smp.pem', pki.smp.certPem)}`, '--output', out, file(`${name}.xml`, template)], { stdio: 'pipe' });
    return readFileSync(out, 'utf8');
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'smp-xmlsec-'));
    pki = await createDevPki();
    const anchor = (pem: string) => ({ cert: parseCertificate(pem), label: 'dev' });
    const trust = new TrustStore([anchor(pki.rootCa.certPem)], { ap: [anchor(pki.apCa.certPem)], smp: [anchor(pki.smpCa.certPem)] });
    verifier = new SmpSignatureVerifier(new CertificateValidator(trust, { revocationPolicy: 'off' }), new Clock(), { allowRsaSha1: false });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['SMP 1', () => smp1Metadata(spec())],
    ['SMP 2', () => smp2Metadata(spec())],
  ])('accepts a %s response signed by xmlsec1', async (_name, build) => {
    const signed = xmlsecSign(build(), _name.replace(' ', ''));
    const doc = parseSafeXml(signed, { maxBytes: 1_000_000, maxDepth: 64, maxElements: 10_000 });
    expect((await verifier.verify(signed, doc)).subjectCn).toBe('PDK000070');
    expect(readServiceMetadata(doc)).toMatchObject({ kind: 'service-information', participant: { value: '0088:7315458756324' } });
    const tampered = signed.replace('https://ap.example/as4', 'https://evil.example/as4');
    await expect(verifier.verify(tampered, parseSafeXml(tampered, { maxBytes: 1_000_000, maxDepth: 64, maxElements: 10_000 }))).rejects.toMatchObject({
      code: 'smp-signature-invalid',
    });
  });

  it('produces test fixtures that xmlsec1 verifies against the dev SMP CA chain', () => {
    const signed = file('ours.xml', signEnveloped(smp1Metadata(spec()), pki.smp.keyPem, pki.smp.certPem));
    const out = spawnSync('xmlsec1', ['--verify', '--trusted-pem', file('root.pem', pki.rootCa.certPem), '--untrusted-pem', file('smpca.pem', pki.smpCa.certPem), signed], { encoding: 'utf8' });
    expect(out.stderr).toContain('OK');
    expect(out.status).toBe(0);
  });
});
