import { createPrivateKey, KeyObject, randomBytes, webcrypto } from 'node:crypto';
import type { DevPki, DevPkiEntry } from '../../../src/pki/dev-pki.js';
import { x509 } from '../../../src/pki/x509-crypto.js';

const RSA_SHA256 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };

/**
 * An AP certificate from the dev AP CA that names no OCSP responder and no CRL distribution point:
 * its revocation status can never be established.
 */
export async function apCertificateWithoutRevocationSources(pki: DevPki, subjectCn = 'PDK000777'): Promise<DevPkiEntry> {
  const subtle = webcrypto.subtle;
  const caKey = await subtle.importKey('pkcs8', createPrivateKey(pki.apCa.keyPem).export({ type: 'pkcs8', format: 'der' }), RSA_SHA256, false, ['sign']);
  const caCert = new x509.X509Certificate(pki.apCa.certPem);
  const keys = (await subtle.generateKey(RSA_SHA256, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x10;
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial.toString('hex'),
    subject: `C=DK, O=DEV ONLY - NOT FOR PRODUCTION, OU=PEPPOL TEST AP, CN=${subjectCn}`,
    issuer: caCert.subjectName,
    notBefore: new Date(Date.now() - 86_400_000),
    notAfter: new Date(Date.now() + 365 * 86_400_000),
    publicKey: keys.publicKey,
    signingKey: caKey,
    signingAlgorithm: RSA_SHA256,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(await caCert.publicKey.export()),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth]),
    ],
  });
  const keyPem = KeyObject.from(keys.privateKey).export({ type: 'pkcs8', format: 'pem' }).toString();
  return { certPem: cert.toString('pem'), keyPem, subjectCn };
}
