import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';

/** Bytes held in memory (small) or in a temp file (large); read them as a stream either way. */
export interface Content {
  readonly size: number;
  /** Set when the bytes live in a file; the file is deleted when the request's workspace ends. */
  readonly path?: string;
  open(): Readable;
}

export function memoryContent(bytes: Buffer): Content & { readonly bytes: Buffer } {
  return { size: bytes.length, bytes, open: () => Readable.from([bytes]) };
}

export function fileContent(path: string, size: number): Content {
  return { size, path, open: () => createReadStream(path, { highWaterMark: 256 * 1024 }) };
}

/** The bytes of a content held in memory, or undefined when it lives in a file. */
export function inMemoryBytes(content: Content): Buffer | undefined {
  const bytes = (content as { bytes?: unknown }).bytes;
  return content.path === undefined && Buffer.isBuffer(bytes) ? bytes : undefined;
}

/** Reads a content fully into memory, refusing more than `maxBytes`. */
export async function readContent(content: Content, maxBytes: number): Promise<Buffer> {
  if (content.size > maxBytes) throw new RangeError(`content of ${content.size} bytes exceeds ${maxBytes} bytes`);
  const inMemory = inMemoryBytes(content);
  if (inMemory) return inMemory;
  const chunks: Buffer[] = [];
  for await (const chunk of content.open()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
