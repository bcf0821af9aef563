import { constants, privateDecrypt, publicEncrypt, type KeyObject, type X509Certificate } from 'node:crypto';

/** RSA-OAEP with SHA-256 digest and MGF1-SHA-256 (xmlenc11#rsa-oaep + mgf1sha256, no label). */
export function wrapKeyRsaOaep(contentKey: Buffer, recipient: X509Certificate): Buffer {
  return publicEncrypt(
    { key: recipient.publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
    contentKey,
  );
}

/**
 * node:crypto applies `oaepHash` to both the OAEP digest and MGF1, which is exactly the pinned pair
 * (SHA-256 / MGF1-SHA-256); OpenSSL's `rsa_mgf1_md` defaults to the OAEP digest.
 */
export function unwrapKeyRsaOaep(wrapped: Buffer, privateKey: KeyObject): Buffer {
  return privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, wrapped);
}
