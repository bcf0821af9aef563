import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { memoryContent, readContent } from '../../io/content.js';
import type { ReceiveContext } from '../receive-context.js';
import type { UserMessageHeader } from '../user-message.js';
import { DecompressStep } from './decompress.step.js';

function ctxWith(compressed: Buffer, files: string[] = []): ReceiveContext {
  return {
    header: { parts: [{ contentId: 'p1', compressionType: 'application/gzip' }] } as unknown as UserMessageHeader,
    decrypted: new Map([['p1', { contentId: 'p1', mimeType: 'application/gzip', content: memoryContent(compressed), sha256: Buffer.alloc(32) }]]),
    workspace: {
      createFile: async (name: string) => {
        files.push(name);
        const chunks: Buffer[] = [];
        const { Writable } = await import('node:stream');
        return {
          writable: () => new Writable({ write: (c: Buffer, _e, done) => (chunks.push(c), done()) }),
          close: async () => memoryContent(Buffer.concat(chunks)),
          abandon: async () => undefined,
        };
      },
    },
  } as unknown as ReceiveContext;
}

const codeOf = (p: Promise<unknown>) => p.then(() => 'accepted', (e: { code?: string }) => e.code ?? String(e));

describe('DecompressStep', () => {
  it('gunzips a small payload in memory and hashes what came out', async () => {
    const xml = Buffer.from('<sbd>' + 'x'.repeat(10_000) + '</sbd>');
    const files: string[] = [];
    const ctx = ctxWith(gzipSync(xml), files);
    await new DecompressStep(500 * 1024 * 1024, 1024 * 1024).run(ctx);
    expect((await readContent(ctx.payload!.content, 1 << 20)).equals(xml)).toBe(true);
    expect(ctx.payload!.sha256.equals(createHash('sha256').update(xml).digest())).toBe(true);
    expect(files).toEqual([]);
  });

  it('a small input that expands past the one-call bound is streamed instead, with the same result', async () => {
    const big = Buffer.alloc(2 * 1024 * 1024, 0x41);
    const ctx = ctxWith(gzipSync(big));
    await new DecompressStep(500 * 1024 * 1024, 1024 * 1024).run(ctx);
    expect(ctx.payload!.content.size).toBe(big.length);
    expect(ctx.payload!.sha256.equals(createHash('sha256').update(big).digest())).toBe(true);
  });

  it('gzip bomb: more than the decompressed cap is EBMS:0303, on either path', async () => {
    const bomb = gzipSync(Buffer.alloc(4 * 1024 * 1024));
    expect(await codeOf(new DecompressStep(100 * 1024, 1024 * 1024).run(ctxWith(bomb)))).toBe('EBMS:0303');
    expect(await codeOf(new DecompressStep(3 * 1024 * 1024, 1024 * 1024).run(ctxWith(bomb)))).toBe('EBMS:0303');
  });

  it('bytes that are not gzip are EBMS:0303', async () => {
    expect(await codeOf(new DecompressStep(1024 * 1024, 1024 * 1024).run(ctxWith(Buffer.from('plain text, not gzip'))))).toBe('EBMS:0303');
  });
});
