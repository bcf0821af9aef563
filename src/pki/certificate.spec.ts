import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { CertificateParseError, parseCertificate } from './certificate.js';
import { createDevPki, type DevPki } from './dev-pki.js';
import { derToPem, splitPemCertificates } from './pem.js';
import { x509 } from './x509-crypto.js';

describe('parseCertificate', () => {
  let pki: DevPki;
  beforeAll(async () => {
    pki = await createDevPki();
  });

  it('reads PEM, base64 DER, raw DER and parsed objects to the same certificate', () => {
    const fromPem = parseCertificate(pki.ourAp.certPem);
    const base64 = fromPem.der.toString('base64').replace(/(.{60})/g, '$1\n ');
    for (const input of [base64, fromPem.der, new Uint8Array(fromPem.der), new X509Certificate(pki.ourAp.certPem), new x509.X509Certificate(pki.ourAp.certPem), fromPem]) {
      const parsed = parseCertificate(input);
      expect(parsed.sha256).toBe(fromPem.sha256);
      expect(parsed.subjectCn).toBe('PDK000001');
    }
    expect(fromPem.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['text that is not base64', 'hello world!', /PEM certificate or the base64/],
    ['empty text', '', /PEM certificate or the base64/],
    ['DER of something else', Buffer.from('300a020101', 'hex'), /not an X\.509 certificate/],
    ['an oversized input', Buffer.alloc(70_000), /more than 65536/],
  ])('refuses %s', (_name, input, message) => {
    expect(() => parseCertificate(input)).toThrow(CertificateParseError);
    expect(() => parseCertificate(input)).toThrow(message);
  });

  it('round-trips DER to PEM and splits chains', () => {
    const der = parseCertificate(pki.apCa.certPem).der;
    const pem = derToPem(der);
    expect(pem).toMatch(/^-----BEGIN CERTIFICATE-----\n([A-Za-z0-9+/=]{1,64}\n)+-----END CERTIFICATE-----\n$/);
    expect(parseCertificate(pem).der.equals(der)).toBe(true);
    expect(splitPemCertificates(`junk\n${pki.ourAp.certPem}\nmore\n${pki.apCa.certPem}`)).toHaveLength(2);
  });
});
