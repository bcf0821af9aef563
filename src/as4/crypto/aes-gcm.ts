import { createCipheriv, createDecipheriv, randomBytes, type DecipherGCM } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { AES_GCM } from '../protocol/peppol-profile.js';

/** Raised when the ciphertext is shorter than IV + tag or the authentication tag does not match. */
export class AesGcmAuthenticationError extends Error {
  override name = 'AesGcmAuthenticationError';
}

export function newContentKey(): Buffer {
  return randomBytes(AES_GCM.keyBytes);
}

/** Encrypts in one go: IV ‖ ciphertext ‖ tag (XML Encryption 1.1 §5.2.4), fresh random IV. */
export function encryptAesGcm(key: Buffer, plaintext: Uint8Array): Buffer {
  const iv = randomBytes(AES_GCM.ivBytes);
  const cipher = createCipheriv(AES_GCM.nodeCipher, key, iv);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

/** Decrypts IV ‖ ciphertext ‖ tag held in memory in one go; a wrong tag or a short input is AesGcmAuthenticationError. */
export function decryptAesGcm(key: Buffer, sealed: Uint8Array): Buffer {
  if (sealed.length < AES_GCM.ivBytes + AES_GCM.tagBytes) throw new AesGcmAuthenticationError('ciphertext shorter than IV and authentication tag');
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  const decipher = createDecipheriv(AES_GCM.nodeCipher, key, bytes.subarray(0, AES_GCM.ivBytes));
  decipher.setAuthTag(bytes.subarray(bytes.length - AES_GCM.tagBytes));
  const body = decipher.update(bytes.subarray(AES_GCM.ivBytes, bytes.length - AES_GCM.tagBytes));
  try {
    return Buffer.concat([body, decipher.final()]);
  } catch {
    throw new AesGcmAuthenticationError('AES-GCM authentication tag does not match');
  }
}

/** Streaming encryption: emits the IV first and the tag last. */
export function createAesGcmEncryptStream(key: Buffer): Transform {
  const iv = randomBytes(AES_GCM.ivBytes);
  const cipher = createCipheriv(AES_GCM.nodeCipher, key, iv);
  let started = false;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (!started) {
        started = true;
        this.push(iv);
      }
      done(null, cipher.update(chunk));
    },
    flush(done) {
      if (!started) this.push(iv);
      this.push(cipher.final());
      done(null, cipher.getAuthTag());
    },
  });
}

/**
 * Streaming decryption of IV ‖ ciphertext ‖ tag. The last 16 bytes are held back until the end,
 * when the tag is checked; a mismatch fails the stream with AesGcmAuthenticationError. Output
 * produced before that point is unauthenticated and must be discarded if the stream fails.
 */
export function createAesGcmDecryptStream(key: Buffer): Transform {
  let decipher: DecipherGCM | undefined;
  let head = Buffer.alloc(0);
  let tail = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      try {
        let data = chunk;
        if (!decipher) {
          head = Buffer.concat([head, data]);
          if (head.length < AES_GCM.ivBytes) return done();
          decipher = createDecipheriv(AES_GCM.nodeCipher, key, head.subarray(0, AES_GCM.ivBytes));
          data = head.subarray(AES_GCM.ivBytes);
          head = Buffer.alloc(0);
        }
        const joined = tail.length === 0 ? data : Buffer.concat([tail, data]);
        const cut = Math.max(0, joined.length - AES_GCM.tagBytes);
        tail = Buffer.from(joined.subarray(cut));
        done(null, cut > 0 ? decipher.update(joined.subarray(0, cut)) : undefined);
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done: TransformCallback) {
      if (!decipher || tail.length < AES_GCM.tagBytes) {
        return done(new AesGcmAuthenticationError('ciphertext shorter than IV and authentication tag'));
      }
      try {
        decipher.setAuthTag(tail);
        done(null, decipher.final());
      } catch {
        done(new AesGcmAuthenticationError('AES-GCM authentication tag does not match'));
      }
    },
  });
}
