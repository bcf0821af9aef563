import { webcrypto, type KeyObject } from 'node:crypto';

/*
 * The receiver's two RSA private-key operations per message (content-key unwrap, receipt signature)
 * through WebCrypto, which runs them on the libuv thread pool: the event loop keeps parsing and
 * canonicalising other requests meanwhile, and both cores do RSA work.
 */

interface ImportedKeys {
  readonly sign: Promise<webcrypto.CryptoKey>;
  readonly oaep: Promise<webcrypto.CryptoKey>;
}

const imported = new WeakMap<KeyObject, ImportedKeys>();

function keysFor(privateKey: KeyObject): ImportedKeys {
  let keys = imported.get(privateKey);
  if (!keys) {
    const der = privateKey.export({ type: 'pkcs8', format: 'der' });
    keys = {
      sign: webcrypto.subtle.importKey('pkcs8', der, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']),
      oaep: webcrypto.subtle.importKey('pkcs8', der, { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['decrypt']),
    };
    imported.set(privateKey, keys);
  }
  return keys;
}

/** RSASSA-PKCS1-v1_5 with SHA-256 (xmldsig-more#rsa-sha256). */
export async function rsaSha256SignAsync(data: Uint8Array, privateKey: KeyObject): Promise<Buffer> {
  return Buffer.from(await webcrypto.subtle.sign('RSASSA-PKCS1-v1_5', await keysFor(privateKey).sign, data));
}

/** RSA-OAEP, SHA-256 digest with MGF1-SHA-256 (WebCrypto uses the same hash for both). */
export async function unwrapKeyRsaOaepAsync(wrapped: Uint8Array, privateKey: KeyObject): Promise<Buffer> {
  return Buffer.from(await webcrypto.subtle.decrypt({ name: 'RSA-OAEP' }, await keysFor(privateKey).oaep, wrapped));
}
