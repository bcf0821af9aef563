import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { multipartToBuffer, writeMultipartRelated } from './multipart-writer.js';
import { MultipartReadError, readMultipart } from './multipart-reader.js';
import { contentIdFromCidUri, contentIdFromHeader, parseMediaType } from './media-type.js';

const limits = { maxBodyBytes: 1_000_000, maxParts: 4, maxPartHeaderBytes: 1024 };

async function collect(body: Buffer, boundary: string, l = limits, chunk = 333) {
  const pieces: Buffer[] = [];
  for (let i = 0; i < body.length; i += chunk) pieces.push(body.subarray(i, i + chunk));
  const parts: Array<{ headers: Record<string, string | undefined>; bytes: Buffer }> = [];
  const raw: Buffer[] = [];
  await readMultipart(Readable.from(pieces), boundary, l, async (c) => void raw.push(Buffer.from(c)), async (p) => {
    parts.push({ headers: { ...p.headers }, bytes: Buffer.from(p.bytes) });
  });
  return { parts, raw: Buffer.concat(raw) };
}

describe('multipart/related round trip', () => {
  it('writes and reads back the root and a binary attachment, raw bytes preserved', async () => {
    const binary = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 256));
    const mime = writeMultipartRelated([
      { headers: { 'Content-Type': 'application/soap+xml;charset=UTF-8' }, body: Buffer.from('<e/>') },
      { headers: { 'Content-Type': 'application/octet-stream', 'Content-ID': '<att-1@cid>' }, body: () => Readable.from([binary]) },
    ]);
    const body = await multipartToBuffer(mime);
    const { parts, raw } = await collect(body, mime.boundary);
    expect(raw).toEqual(body);
    expect(parts).toHaveLength(2);
    expect(parts[0]!.bytes.toString()).toBe('<e/>');
    expect(parts[1]!.bytes).toEqual(binary);
    expect(contentIdFromHeader(parts[1]!.headers['content-id'])).toBe('att-1@cid');
    expect(parseMediaType(mime.contentType).params.get('type')).toBe('application/soap+xml');
  });

  it('reports malformed, oversize and too many parts', async () => {
    await expect(collect(Buffer.from('not multipart at all'), 'b')).rejects.toMatchObject({ reason: 'malformed' });
    const truncated = Buffer.from('--b\r\nContent-Type: text/plain\r\n\r\nabc');
    await expect(collect(truncated, 'b')).rejects.toMatchObject({ reason: 'malformed' });
    const big = await multipartToBuffer(writeMultipartRelated([{ headers: {}, body: Buffer.alloc(2000) }]));
    await expect(collect(big, 'x', { ...limits, maxBodyBytes: 1000 })).rejects.toBeInstanceOf(MultipartReadError);
    const many = writeMultipartRelated(Array.from({ length: 6 }, () => ({ headers: { 'Content-Type': 'text/plain' }, body: Buffer.from('x') })));
    await expect(collect(await multipartToBuffer(many), many.boundary)).rejects.toMatchObject({ reason: 'too-many-parts' });
  });

  it('decodes cid: URIs', () => {
    expect(contentIdFromCidUri('cid:abc%40x')).toBe('abc@x');
    expect(contentIdFromCidUri('http://x')).toBeUndefined();
  });
});
