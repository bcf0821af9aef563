import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { AesGcmAuthenticationError, createAesGcmDecryptStream, createAesGcmEncryptStream, decryptAesGcm, encryptAesGcm, newContentKey } from './aes-gcm.js';

async function decrypt(key: Buffer, data: Buffer, chunk = 7): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for (let i = 0; i < data.length; i += chunk) pieces.push(data.subarray(i, i + chunk));
  const out: Buffer[] = [];
  const sink = createAesGcmDecryptStream(key);
  sink.on('data', (c: Buffer) => out.push(c));
  await pipeline(Readable.from(pieces), sink);
  return Buffer.concat(out);
}

describe('AES-128-GCM (IV ‖ ciphertext ‖ tag)', () => {
  const key = newContentKey();
  const plain = randomBytes(1000);

  it('round-trips through the streaming decryptor in odd chunk sizes', async () => {
    const sealed = encryptAesGcm(key, plain);
    expect(sealed.length).toBe(12 + 1000 + 16);
    expect(await decrypt(key, sealed, 7)).toEqual(plain);
    expect(await decrypt(key, sealed, 4096)).toEqual(plain);
  });

  it('one-shot decryption of bytes in memory agrees with the stream, and refuses a changed or short input', async () => {
    const sealed = encryptAesGcm(key, plain);
    expect(decryptAesGcm(key, sealed)).toEqual(plain);
    expect(decryptAesGcm(key, sealed.subarray(0))).toEqual(await decrypt(key, sealed));
    const tampered = Buffer.from(sealed);
    tampered[20]! ^= 1;
    expect(() => decryptAesGcm(key, tampered)).toThrow(AesGcmAuthenticationError);
    expect(() => decryptAesGcm(newContentKey(), sealed)).toThrow(AesGcmAuthenticationError);
    expect(() => decryptAesGcm(key, sealed.subarray(0, 27))).toThrow(AesGcmAuthenticationError);
    expect(decryptAesGcm(key, encryptAesGcm(key, Buffer.alloc(0)))).toEqual(Buffer.alloc(0));
  });

  it('streaming encryption matches the framing', async () => {
    const enc = createAesGcmEncryptStream(key);
    const sealed = await buffer(Readable.from([plain.subarray(0, 10), plain.subarray(10)]).pipe(enc));
    expect(await decrypt(key, sealed)).toEqual(plain);
  });

  it('fails on a flipped ciphertext bit or truncation', async () => {
    const sealed = encryptAesGcm(key, plain);
    sealed[500] ^= 1;
    await expect(decrypt(key, sealed)).rejects.toBeInstanceOf(AesGcmAuthenticationError);
    await expect(decrypt(key, Buffer.alloc(20))).rejects.toBeInstanceOf(AesGcmAuthenticationError);
  });

  it('fails with another key', async () => {
    await expect(decrypt(newContentKey(), encryptAesGcm(key, plain))).rejects.toBeInstanceOf(AesGcmAuthenticationError);
  });
});
