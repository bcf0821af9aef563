import {
  MaxHeaderSizeExceededError,
  MaxPartsExceededError,
  MultipartParseError,
  MultipartParser,
  type MultipartPart,
} from '@remix-run/multipart-parser';

export interface MultipartReadLimits {
  readonly maxBodyBytes: number;
  readonly maxParts: number;
  readonly maxPartHeaderBytes: number;
}

export type MultipartFailure = 'too-large' | 'too-many-parts' | 'header-too-large' | 'malformed';

export class MultipartReadError extends Error {
  override name = 'MultipartReadError';
  constructor(
    readonly reason: MultipartFailure,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Streams a multipart body through the library parser. Every received chunk is handed to `onChunk`
 * first (e.g. to keep the raw bytes as received), then each completed part to `onPart`, which
 * should move its content out of memory if large. The body size is counted here, not trusted from
 * Content-Length.
 */
export async function readMultipart(
  body: AsyncIterable<Uint8Array>,
  boundary: string,
  limits: MultipartReadLimits,
  onChunk: (chunk: Uint8Array) => Promise<void>,
  onPart: (part: MultipartPart, index: number) => Promise<void>,
): Promise<number> {
  if (boundary.length === 0 || boundary.length > 70) {
    throw new MultipartReadError('malformed', 'multipart boundary must have 1..70 characters');
  }
  const parser = new MultipartParser(boundary, {
    maxHeaderSize: limits.maxPartHeaderBytes,
    maxFileSize: limits.maxBodyBytes,
    maxTotalSize: limits.maxBodyBytes,
    maxParts: limits.maxParts,
  });
  let received = 0;
  let index = 0;
  try {
    for await (const chunk of body) {
      received += chunk.length;
      if (received > limits.maxBodyBytes) {
        throw new MultipartReadError('too-large', `request body exceeds ${limits.maxBodyBytes} bytes`);
      }
      await onChunk(chunk);
      for (const part of parser.write(chunk)) await onPart(part, index++);
    }
    parser.finish();
  } catch (error) {
    if (error instanceof MultipartReadError) throw error;
    if (error instanceof MaxPartsExceededError) throw new MultipartReadError('too-many-parts', error.message);
    if (error instanceof MaxHeaderSizeExceededError) throw new MultipartReadError('header-too-large', error.message);
    if (error instanceof MultipartParseError) throw new MultipartReadError('malformed', error.message);
    throw error;
  }
  return received;
}
