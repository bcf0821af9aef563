import { beforeAll, describe, expect, it } from 'vitest';
import { parseSafeXml } from '../as4/xml/safe-xml.js';
import { Clock } from '../common/clock.js';
import { parseCertificate } from '../pki/certificate.js';
import { CertificateValidator } from '../pki/certificate-validator.js';
import { createDevPki, type DevPki } from '../pki/dev-pki.js';
import { TrustStore } from '../pki/trust-store.js';
import { SmpSignatureVerifier } from './smp-signature.js';

const DS = 'http://www.w3.org/2000/09/xmldsig#';

function signature(referenceUri: string, transforms: string[], cert: string): string {
  return `<ds:Signature xmlns:ds="${DS}"><ds:SignedInfo>
    <ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/>
    <ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>
    <ds:Reference URI="${referenceUri}"><ds:Transforms>${transforms.map((t) => `<ds:Transform Algorithm="${t}"/>`).join('')}</ds:Transforms>
    <ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>AAAA</ds:DigestValue></ds:Reference>
  </ds:SignedInfo><ds:SignatureValue>AAAA</ds:SignatureValue><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${cert}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature>`;
}

// Shape checks that come before any cryptography (the loopback discovery tests cover real signatures).
describe('SmpSignatureVerifier shape checks', () => {
  let pki: DevPki;
  let verifier: SmpSignatureVerifier;
  const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
  const verify = (inner: string) => {
    const xml = `<Root xmlns="urn:x"><Data>1</Data>${inner}</Root>`;
    return verifier.verify(xml, parseSafeXml(xml, { maxBytes: 100_000, maxDepth: 32, maxElements: 1_000 }));
  };

  beforeAll(async () => {
    pki = await createDevPki();
    const anchor = (pem: string) => ({ cert: parseCertificate(pem), label: 'dev' });
    const trust = new TrustStore([anchor(pki.rootCa.certPem)], { ap: [anchor(pki.apCa.certPem)], smp: [anchor(pki.smpCa.certPem)] });
    verifier = new SmpSignatureVerifier(new CertificateValidator(trust, { revocationPolicy: 'off' }), new Clock(), { allowRsaSha1: false });
  });
  const smpCert = () => parseCertificate(pki.smp.certPem).der.toString('base64');

  it('requires a reference to the whole document', async () => {
    await expect(verify(signature('#Data', [ENVELOPED], smpCert()))).rejects.toThrow(/exactly one Reference with URI=""/);
  });

  it('requires the enveloped transform and refuses any other kind of transform', async () => {
    await expect(verify(signature('', ['http://www.w3.org/2001/10/xml-exc-c14n#'], smpCert()))).rejects.toThrow(/lacks the enveloped-signature transform/);
    await expect(verify(signature('', [ENVELOPED, 'http://www.w3.org/TR/1999/REC-xpath-19991116'], smpCert()))).rejects.toThrow(
      /transform http:\/\/www\.w3\.org\/TR\/1999\/REC-xpath-19991116, which is not allowed/,
    );
  });

  it('refuses a signature without certificate, or with an unusable one, before checking the value', async () => {
    await expect(verify(signature('', [ENVELOPED], ''))).rejects.toMatchObject({ code: 'smp-signer-untrusted' });
    await expect(verify(signature('', [ENVELOPED], 'bm90IGEgY2VydA=='))).rejects.toMatchObject({ code: 'smp-signer-untrusted' });
  });

  it('refuses a bad signature value from the right certificate', async () => {
    await expect(verify(signature('', [ENVELOPED], smpCert()))).rejects.toMatchObject({ code: 'smp-signature-invalid' });
  });
});
