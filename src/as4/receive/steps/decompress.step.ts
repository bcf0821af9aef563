import { createHash } from 'node:crypto';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, gunzipSync } from 'node:zlib';
import { inMemoryBytes, memoryContent, type Content } from '../../io/content.js';
import { EbmsError } from '../../protocol/ebms-errors.js';
import type { ReceiveContext, ReceiveStep } from '../receive-context.js';

class DecompressedTooLarge extends Error {}

/** Bounds of the one-call gunzip on the event loop (about a millisecond at most). */
const SYNC_GUNZIP_MAX_INPUT = 64 * 1024;
const SYNC_GUNZIP_MAX_OUTPUT = 512 * 1024;

/** Counts bytes and fails the stream as soon as the cap is passed (gzip bomb defence). */
function sizeCap(maxBytes: number): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      total += chunk.length;
      if (total > maxBytes) return done(new DecompressedTooLarge(`decompressed payload exceeds ${maxBytes} bytes`));
      done(null, chunk);
    },
  });
}

/**
 * Step 7: gunzips the SBD attachment as a stream with a decompressed-size cap; failure or the cap
 * → EBMS:0303. An uncompressed payload is taken as decrypted.
 */
export class DecompressStep implements ReceiveStep {
  readonly name = 'decompress';

  constructor(
    private readonly maxDecompressedBytes: number,
    private readonly spillThresholdBytes: number,
  ) {}

  async run(ctx: ReceiveContext): Promise<void> {
    const part = ctx.header!.parts[0]!;
    const decrypted = ctx.decrypted.get(part.contentId)!;
    if (!part.compressionType) {
      if (decrypted.content.size > this.maxDecompressedBytes) {
        throw new EbmsError('EBMS:0303', `payload exceeds ${this.maxDecompressedBytes} bytes`);
      }
      ctx.payload = { content: decrypted.content, sha256: decrypted.sha256 };
      return;
    }
    const small = inMemoryBytes(decrypted.content);
    const payload = small && small.length <= SYNC_GUNZIP_MAX_INPUT ? this.gunzipSmall(small) : undefined;
    if (payload) {
      ctx.payload = { content: memoryContent(payload), sha256: createHash('sha256').update(payload).digest() };
      return;
    }
    const hash = createHash('sha256');
    const hashing = new Transform({ transform: (c: Buffer, _e, done) => (hash.update(c), done(null, c)) });
    const toFile = decrypted.content.path !== undefined || decrypted.content.size > this.spillThresholdBytes;
    try {
      let content: Content;
      if (toFile) {
        const file = await ctx.workspace.createFile('payload.xml');
        try {
          await pipeline(decrypted.content.open(), createGunzip(), sizeCap(this.maxDecompressedBytes), hashing, file.writable());
          content = await file.close();
        } catch (error) {
          await file.abandon();
          throw error;
        }
      } else {
        const chunks: Buffer[] = [];
        await pipeline(decrypted.content.open(), createGunzip(), sizeCap(this.maxDecompressedBytes), hashing, new Writable({ write: (c: Buffer, _e, done) => (chunks.push(c), done()) }));
        content = memoryContent(Buffer.concat(chunks));
      }
      ctx.payload = { content, sha256: hash.digest() };
    } catch (error) {
      if (error instanceof DecompressedTooLarge) throw new EbmsError('EBMS:0303', error.message);
      if ((error as NodeJS.ErrnoException).code?.startsWith('Z_')) {
        throw new EbmsError('EBMS:0303', `payload marked application/gzip cannot be decompressed: ${(error as Error).message}`);
      }
      throw error;
    }
  }

  /**
   * A small payload (the usual order or cart) is gunzipped in one call on this thread: tens of
   * microseconds, where a stream would queue behind other requests' work on the shared thread pool.
   * Undefined when its output would pass SYNC_GUNZIP_MAX_OUTPUT: then it streams like a large one.
   */
  private gunzipSmall(compressed: Buffer): Buffer | undefined {
    const cap = Math.min(SYNC_GUNZIP_MAX_OUTPUT, this.maxDecompressedBytes);
    try {
      return gunzipSync(compressed, { maxOutputLength: cap });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE') {
        if (cap < this.maxDecompressedBytes) return undefined;
        throw new EbmsError('EBMS:0303', `decompressed payload exceeds ${this.maxDecompressedBytes} bytes`);
      }
      if (code?.startsWith('Z_')) throw new EbmsError('EBMS:0303', `payload marked application/gzip cannot be decompressed: ${(error as Error).message}`);
      throw error;
    }
  }
}
