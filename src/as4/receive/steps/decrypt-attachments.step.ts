import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { createAesGcmDecryptStream, AesGcmAuthenticationError, decryptAesGcm } from '../../crypto/aes-gcm.js';
import { sameCertificate } from '../../crypto/certificates.js';
import { unwrapKeyRsaOaepAsync } from '../../crypto/rsa-async.js';
import { inMemoryBytes, memoryContent, type Content } from '../../io/content.js';
import { EbmsError } from '../../protocol/ebms-errors.js';
import { AES_GCM, PEPPOL } from '../../protocol/peppol-profile.js';
import { hashingPassThrough } from '../../wss/attachment-digest.js';
import type { AccessPointKeys } from '../ports.js';
import type { ReceiveContext, ReceiveStep } from '../receive-context.js';

const failed = (detail: string, cause?: unknown) => new EbmsError('EBMS:0102', detail, undefined, { cause });

/**
 * Step 5: unwraps the content key with our private key (RSA-OAEP/MGF1-SHA256) and decrypts each
 * attachment as a stream (AES-128-GCM, IV ‖ ciphertext ‖ tag), hashing the decrypted octets on
 * the way. A key for another certificate or a failing tag is EBMS:0102.
 */
export class DecryptAttachmentsStep implements ReceiveStep {
  readonly name = 'decrypt-attachments';

  constructor(private readonly keys: AccessPointKeys) {}

  async run(ctx: ReceiveContext): Promise<void> {
    const security = ctx.security!;
    for (const encryptedKey of security.encryptedKeys) {
      const ours = this.keys.decryption().find((k) => sameCertificate(k.certificate, encryptedKey.token.certificate));
      if (!ours) throw failed('the content key is encrypted for a certificate that is not ours');
      let contentKey: Buffer;
      try {
        contentKey = await unwrapKeyRsaOaepAsync(encryptedKey.wrappedKey, ours.privateKey);
      } catch (error) {
        throw failed('the content key cannot be decrypted with our private key', error);
      }
      if (contentKey.length !== AES_GCM.keyBytes) throw failed(`content key has ${contentKey.length} bytes, AES-128 needs ${AES_GCM.keyBytes}`);
      for (const dataId of encryptedKey.dataReferences) {
        const encrypted = security.encryptedData.find((d) => d.id === dataId);
        if (!encrypted) throw failed(`EncryptedKey lists ${dataId}, which is not in the Security header`);
        const attachment = ctx.attachments.find((a) => a.contentId === encrypted.contentId);
        if (!attachment) throw new EbmsError('EBMS:0011', `EncryptedData ${dataId} points to missing attachment cid:${encrypted.contentId}`);
        const part = ctx.header!.parts.find((p) => p.contentId === encrypted.contentId);
        // Compressed means the encrypted octets are gzip, whatever EncryptedData/@MimeType says
        // (some stacks write the payload's type there): the digest then takes them raw.
        const mimeType = part?.compressionType ? PEPPOL.gzipCompression : (encrypted.mimeType ?? part?.mimeType ?? 'application/octet-stream');
        let decrypted: { content: Content; sha256: Buffer };
        try {
          decrypted = await this.decrypt(ctx, attachment.content, contentKey);
        } catch (error) {
          if (error instanceof AesGcmAuthenticationError) throw failed(`attachment cid:${encrypted.contentId}: ${error.message}`, error);
          throw error;
        }
        ctx.decrypted.set(encrypted.contentId, { contentId: encrypted.contentId, mimeType, ...decrypted });
      }
    }
  }

  /** The plaintext (in memory or in a workspace file, like its source) and its SHA-256. */
  private async decrypt(ctx: ReceiveContext, source: Content, key: Buffer): Promise<{ content: Content; sha256: Buffer }> {
    const inMemory = inMemoryBytes(source);
    if (inMemory) {
      // Small attachments: one call, no stream machinery.
      const plain = decryptAesGcm(key, inMemory);
      return { content: memoryContent(plain), sha256: createHash('sha256').update(plain).digest() };
    }
    const hash = hashingPassThrough();
    return { content: await this.decryptStreaming(ctx, source, key, hash), sha256: hash.digest() };
  }

  private async decryptStreaming(ctx: ReceiveContext, source: Content, key: Buffer, hash: ReturnType<typeof hashingPassThrough>): Promise<Content> {
    if (source.path === undefined) {
      const chunks: Buffer[] = [];
      await pipeline(source.open(), createAesGcmDecryptStream(key), hash, new Writable({ write: (c: Buffer, _e, done) => (chunks.push(c), done()) }));
      return memoryContent(Buffer.concat(chunks));
    }
    const file = await ctx.workspace.createFile('decrypted');
    try {
      await pipeline(source.open(), createAesGcmDecryptStream(key), hash, file.writable());
      return await file.close();
    } catch (error) {
      await file.abandon();
      throw error;
    }
  }
}
