// @peculiar/x509 resolves its algorithm providers through tsyringe, which needs the metadata polyfill.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

// @peculiar/x509 needs a WebCrypto provider; Node's is the real implementation we want everywhere.
// (Node types its WebCrypto separately from the DOM `Crypto` type the library declares.)
x509.cryptoProvider.set(webcrypto as never);

export { x509 };
export const subtle = webcrypto.subtle;

/** RSA PKCS#1 v1.5 with SHA-256: the signature algorithm for every dev certificate, CRL and OCSP response. */
export type CryptoKeyPair = webcrypto.CryptoKeyPair;
type CryptoKey = webcrypto.CryptoKey;

export const RSA_SHA256: webcrypto.RsaHashedKeyGenParams = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};

