import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { multipartToBuffer, writeMultipartRelated } from './multipart-writer.js';
import { MultipartReadError, readMultipart } from './multipart-reader.js';
import { contentIdFromCidUri, contentIdFromHeader, parseMediaType } from './media-type.js';
import { parseHeaderBlock } from './part-headers.js';
import { transferDecoder, transferEncodingOf } from './transfer-encoding.js';

const limits = { maxBodyBytes: 1_000_000, maxParts: 4, maxPartHeaderBytes: 1024 };

async function collect(body: Buffer, boundary: string, l = limits, chunk = 333) {
  const pieces: Buffer[] = [];
  for (let i = 0; i < body.length; i += chunk) pieces.push(body.subarray(i, i + chunk));
  const parts: Array<{ headers: Record<string, string>; bytes: Buffer }> = [];
  const raw: Buffer[] = [];
  const result = await readMultipart(Readable.from(pieces), boundary, l, {
    onChunk: (c) => void raw.push(Buffer.from(c)),
    onPart: (headers) => {
      const bytes: Buffer[] = [];
      return {
        write: (b) => void bytes.push(Buffer.from(b)),
        end: () => void parts.push({ headers: Object.fromEntries(headers), bytes: Buffer.concat(bytes) }),
      };
    },
  });
  return { parts, raw: Buffer.concat(raw), result };
}

/** Every split of the body into two reads, and one byte per read: the framing must not depend on it. */
async function everySplit(body: Buffer, boundary: string) {
  const outcomes = new Set<string>();
  for (let cut = 0; cut <= body.length; cut++) {
    const pieces = [body.subarray(0, cut), body.subarray(cut)].filter((p) => p.length > 0);
    const parts: string[] = [];
    await readMultipart(Readable.from(pieces), boundary, limits, {
      onChunk: () => undefined,
      onPart: (h) => {
        let text = '';
        return { write: (b) => void (text += b.toString('latin1')), end: () => void parts.push(`${h.get('content-id') ?? ''}=${text}`) };
      },
    });
    outcomes.add(parts.join('|'));
  }
  outcomes.add((await collect(body, boundary, limits, 1)).parts.map((p) => `${p.headers['content-id'] ?? ''}=${p.bytes.toString('latin1')}`).join('|'));
  return [...outcomes];
}

describe('multipart/related round trip', () => {
  it('writes and reads back the root and a binary attachment, raw bytes preserved', async () => {
    const binary = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 256));
    const mime = writeMultipartRelated([
      { headers: { 'Content-Type': 'application/soap+xml;charset=UTF-8' }, body: Buffer.from('<e/>') },
      { headers: { 'Content-Type': 'application/octet-stream', 'Content-ID': '<att-1@cid>' }, body: () => Readable.from([binary]) },
    ]);
    const body = await multipartToBuffer(mime);
    const { parts, raw, result } = await collect(body, mime.boundary);
    expect(raw).toEqual(body);
    expect(parts).toHaveLength(2);
    expect(parts[0]!.bytes.toString()).toBe('<e/>');
    expect(parts[1]!.bytes).toEqual(binary);
    expect(result).toEqual({ bytes: body.length, parts: 2, bareLineFeeds: 0 });
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

describe('MIME framing: every legal form', () => {
  const body = (text: string) => Buffer.from(text, 'latin1');

  it('ignores a preamble (with or without a leading CRLF) and an epilogue', async () => {
    for (const preamble of ['This is a multi-part message in MIME format.\r\n', '\r\n', '\r\n\r\nsome text\r\n']) {
      const { parts } = await collect(body(`${preamble}--b\r\nContent-ID: <1>\r\n\r\none\r\n--b--\r\nepilogue\r\n`), 'b');
      expect(parts.map((p) => p.bytes.toString())).toEqual(['one']);
    }
  });

  it('does not take a boundary inside the preamble text for a delimiter', async () => {
    const { parts } = await collect(body('text--b\r\n--b\r\n\r\none\r\n--b--'), 'b');
    expect(parts.map((p) => p.bytes.toString())).toEqual(['one']);
  });

  it('skips transport padding after delimiters and accepts a close delimiter at the very end', async () => {
    const { parts } = await collect(body('--b \t\r\nContent-ID: <1>\r\n\r\none\r\n--b  \r\n\r\ntwo\r\n--b--'), 'b');
    expect(parts.map((p) => p.bytes.toString())).toEqual(['one', 'two']);
  });

  it('reads a part without body and a part without headers', async () => {
    const { parts } = await collect(body('--b\r\nContent-ID: <1>\r\n\r\n--b\r\n\r\nbare\r\n--b--\r\n'), 'b');
    expect(parts.map((p) => [p.headers['content-id'], p.bytes.toString()])).toEqual([['<1>', ''], [undefined, 'bare']]);
  });

  it('tolerates bare LF line breaks in the MIME structure and counts them', async () => {
    const { parts, result } = await collect(body('--b\nContent-Type: text/plain\nContent-ID: <1>\n\none\r\ntwo\n--b\n\nx\n--b--\n'), 'b');
    expect(parts.map((p) => p.bytes.toString())).toEqual(['one\r\ntwo', 'x']);
    expect(result.bareLineFeeds).toBeGreaterThan(0);
  });

  it('gives the same parts however the body is split into reads (the close delimiter CRLF alone included)', async () => {
    const text = 'pre\r\n--b\r\nContent-ID: <1>\r\n\r\nab\rcd\r\n--b\r\nContent-ID: <2>\r\n\r\n\r\n--b--\r\n';
    expect(await everySplit(body(text), 'b')).toEqual(['<1>=ab\rcd|<2>=']);
    expect(await everySplit(body(text.replaceAll('\r\n', '\n')), 'b')).toEqual(['<1>=ab\rcd|<2>=']);
  });

  it('refuses what is not MIME: text after a delimiter, a header line without colon, an endless preamble', async () => {
    await expect(collect(body('--bX\r\n\r\none\r\n--b--'), 'b')).rejects.toMatchObject({ reason: 'malformed' });
    await expect(collect(body('--b\r\nno colon here\r\n\r\none\r\n--b--'), 'b')).rejects.toMatchObject({ reason: 'malformed' });
    await expect(collect(body('--b\r\nContent-ID: <1>\x01\r\n\r\none\r\n--b--'), 'b')).rejects.toMatchObject({ reason: 'malformed' });
    await expect(collect(body(`${'x'.repeat(5000)}\r\n--b\r\n\r\none\r\n--b--`), 'b')).rejects.toMatchObject({ reason: 'malformed' });
    await expect(collect(body(`--b\r\n\r\none\r\n--b--\r\n${'x'.repeat(5000)}`), 'b')).rejects.toMatchObject({ reason: 'malformed' });
    await expect(collect(body(`--b\r\nX: ${'y'.repeat(2000)}\r\n\r\none\r\n--b--`), 'b')).rejects.toMatchObject({ reason: 'header-too-large' });
  });

  it('keeps memory flat for a large part: content is handed on in pieces, never collected', async () => {
    const head = body('--b\r\nContent-ID: <big>\r\n\r\n');
    const tail = body('\r\n--b--\r\n');
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let largest = 0;
    let total = 0;
    async function* stream() {
      yield head;
      for (let i = 0; i < 160; i++) yield chunk;
      yield tail;
    }
    await readMultipart(stream(), 'b', { ...limits, maxBodyBytes: 20_000_000 }, {
      onChunk: () => undefined,
      onPart: () => ({ write: (b) => void ((largest = Math.max(largest, b.length)), (total += b.length)), end: () => undefined }),
    });
    expect(total).toBe(160 * chunk.length);
    expect(largest).toBeLessThanOrEqual(chunk.length + 16);
  });
});

describe('MIME part headers', () => {
  const parse = (text: string) => parseHeaderBlock(Buffer.from(text, 'utf8'));

  it('matches names case-insensitively, unfolds folded values, accepts space before the colon', () => {
    const { headers, bareLineFeeds } = parse('content-TYPE: application/soap+xml;\r\n\tcharset=UTF-8\r\nContent-Id : <a@b>\r\n');
    expect(headers.get('content-type')).toBe('application/soap+xml;\tcharset=UTF-8');
    expect(headers.get('content-id')).toBe('<a@b>');
    expect(bareLineFeeds).toBe(0);
    expect(parse('A: 1\nB: 2\n').bareLineFeeds).toBe(2);
  });

  it('refuses malformed lines, control characters, a leading continuation and repeated Content-* fields', () => {
    expect(() => parse('no colon\r\n')).toThrow(/malformed MIME header line/);
    expect(() => parse(' folded: first\r\n')).toThrow(/continuation/);
    expect(() => parse('X: a\x00b\r\n')).toThrow(/control character/);
    expect(() => parse('Content-Type: a/b\r\ncontent-type: c/d\r\n')).toThrow(/twice/);
    expect(() => parseHeaderBlock(Buffer.from([0x58, 0x3a, 0xff, 0x0d, 0x0a]))).toThrow(/UTF-8/);
  });
});

describe('Content-Type parameters', () => {
  it.each([
    ['multipart/related; boundary="----=_Part_1"; type="application/soap+xml"', '----=_Part_1', 'application/soap+xml', undefined],
    ['Multipart/Related;TYPE="Application/Soap+XML";Boundary=abc; start="<root@x>"', 'abc', 'Application/Soap+XML', '<root@x>'],
    ['multipart/related; start=<root@x>; boundary=----=_Part_1; type=application/soap+xml', '----=_Part_1', 'application/soap+xml', '<root@x>'],
    ['multipart/related;\r\n\ttype="application/soap+xml";\r\n\tboundary="uuid:9a8+id=1"', 'uuid:9a8+id=1', 'application/soap+xml', undefined],
    ['multipart/related; boundary="a\\"b"; type=application/soap+xml;', 'a"b', 'application/soap+xml', undefined],
  ])('%s', (value, boundary, type, start) => {
    const parsed = parseMediaType(value.replace(/\r\n/g, ''));
    expect(parsed.essence).toBe('multipart/related');
    expect(parsed.params.get('boundary')).toBe(boundary);
    expect(parsed.params.get('type')).toBe(type);
    expect(parsed.params.get('start')).toBe(start);
  });

  it('refuses what is not a media type', () => {
    expect(() => parseMediaType('multipart')).toThrow();
    expect(() => parseMediaType('multipart/related; boundary="abc')).toThrow(/not closed/);
    expect(() => parseMediaType('multipart/related; boundary=a; boundary=b')).toThrow(/twice/);
    expect(() => parseMediaType('multipart/related; boundary\x00=a')).toThrow(/control/);
  });
});

describe('Content-Transfer-Encoding', () => {
  const decodeAll = (encoding: string, pieces: string[]) => {
    const decoder = transferDecoder(transferEncodingOf(encoding))!;
    return Buffer.concat([...pieces.map((p) => decoder.write(Buffer.from(p, 'latin1'))), decoder.end()]);
  };

  it('knows the five RFC 2045 encodings in any case and refuses others', () => {
    expect(['Binary', '8BIT', '7bit', 'base64', 'Quoted-Printable'].map(transferEncodingOf)).toEqual(['binary', '8bit', '7bit', 'base64', 'quoted-printable']);
    expect(transferEncodingOf(undefined)).toBe('7bit');
    expect(() => transferEncodingOf('biniry')).toThrow(/biniry/);
    expect(() => transferEncodingOf('x-uuencode')).toThrow();
  });

  it('decodes base64 split anywhere, with line breaks', () => {
    const plain = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 13) % 256));
    const encoded = plain.toString('base64').replace(/.{76}/g, '$&\r\n');
    for (const cut of [1, 2, 3, 77, 78, 500]) expect(decodeAll('base64', [encoded.slice(0, cut), encoded.slice(cut)])).toEqual(plain);
  });

  it('decodes quoted-printable split anywhere, soft line breaks and trailing spaces included', () => {
    const encoded = 'a=3Db  \r\nsoft=\r\nbreak=0D=0A=00=FF';
    for (let cut = 0; cut <= encoded.length; cut++) {
      expect(decodeAll('quoted-printable', [encoded.slice(0, cut), encoded.slice(cut)])).toEqual(Buffer.from('a=b\r\nsoftbreak\r\n\x00\xff', 'latin1'));
    }
    expect(() => decodeAll('quoted-printable', ['x'.repeat(2000)])).toThrow(/longer than/);
  });
});
