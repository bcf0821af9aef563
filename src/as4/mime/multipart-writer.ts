import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';

export interface MimePartToWrite {
  readonly headers: Record<string, string>;
  readonly body: Buffer | (() => Readable);
}

export interface MultipartRelated {
  /** Value for the HTTP Content-Type header. */
  readonly contentType: string;
  readonly boundary: string;
  /** Streams the whole body; parts given as stream factories are not buffered. */
  stream(): Readable;
}

const CRLF = '\r\n';

/** Writes `multipart/related; type="application/soap+xml"`, binary transfer. */
export function writeMultipartRelated(parts: MimePartToWrite[], rootType = 'application/soap+xml'): MultipartRelated {
  const boundary = `----=_Part_${randomBytes(12).toString('hex')}`;
  for (const part of parts) {
    for (const [name, value] of Object.entries(part.headers)) {
      if (/[\r\n]/.test(name) || /[\r\n]/.test(value)) throw new Error(`MIME header ${name} contains a line break`);
    }
  }
  const contentType = `multipart/related; boundary="${boundary}"; type="${rootType}"`;
  async function* generate(): AsyncGenerator<Buffer> {
    for (const part of parts) {
      const head = Object.entries(part.headers).map(([k, v]) => `${k}: ${v}${CRLF}`).join('');
      yield Buffer.from(`--${boundary}${CRLF}${head}${CRLF}`, 'utf8');
      if (Buffer.isBuffer(part.body)) yield part.body;
      else for await (const chunk of part.body()) yield chunk as Buffer;
      yield Buffer.from(CRLF);
    }
    yield Buffer.from(`--${boundary}--${CRLF}`);
  }
  return { contentType, boundary, stream: () => Readable.from(generate(), { objectMode: false }) };
}

export async function multipartToBuffer(mime: MultipartRelated): Promise<Buffer<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  for await (const chunk of mime.stream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
