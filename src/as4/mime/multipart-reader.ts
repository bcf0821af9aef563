import { MimeHeaderError, parseHeaderBlock, type MimeHeaders } from './part-headers.js';

export interface MultipartReadLimits {
  readonly maxBodyBytes: number;
  readonly maxParts: number;
  /** Bound of one part's header block; the preamble and the epilogue get the same bound. */
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

/** Where a part's content goes, as it streams in (already split from the framing, not yet decoded). */
export interface PartSink {
  write(bytes: Buffer): Promise<void> | void;
  end(): Promise<void> | void;
}

export interface MultipartHandlers {
  /** Every chunk as received, before it is parsed (e.g. to keep the raw message). */
  onChunk(chunk: Uint8Array): Promise<void> | void;
  /** A part's headers are complete: where its content should go. */
  onPart(headers: MimeHeaders, index: number): Promise<PartSink> | PartSink;
}

export interface MultipartReadResult {
  /** Body size as counted here (Content-Length is never trusted). */
  readonly bytes: number;
  readonly parts: number;
  /** Line ends of the MIME structure written as a bare LF instead of CRLF (tolerated, not legal). */
  readonly bareLineFeeds: number;
}

const LF = 0x0a;
const CR = 0x0d;
const DASH = 0x2d;
const EMPTY = Buffer.alloc(0);
/** Transport padding after a delimiter (RFC 2046 §5.1.1): a line this long is not padding. */
const MAX_DELIMITER_LINE = 1024;

type State = 'preamble' | 'delimiter' | 'headers' | 'body' | 'epilogue';

/**
 * Splits a multipart body into parts as it streams (RFC 2046 §5.1.1): the preamble before the first
 * delimiter and the epilogue after the close delimiter are ignored (bounded); transport padding after
 * a delimiter is skipped; delimiters and header lines ending in a bare LF are accepted and counted.
 * Part content is handed on in pieces and never collected here, so a large part is never in memory.
 */
class MultipartFramer {
  private state: State = 'preamble';
  private pending: Buffer = EMPTY;
  /** The byte before `pending` was a line break (true at the start: a delimiter may open the body). */
  private atLineStart = true;
  private skipped = 0;
  private headerScan = 0;
  private sink: PartSink | undefined;
  private bodyStart = false;
  parts = 0;
  bareLineFeeds = 0;

  private readonly delimiter: Buffer;
  /** LF + delimiter: a delimiter inside the body always follows a line break. */
  private readonly bodyDelimiter: Buffer;

  constructor(
    boundary: string,
    private readonly limits: MultipartReadLimits,
    private readonly onPart: MultipartHandlers['onPart'],
  ) {
    this.delimiter = Buffer.from(`--${boundary}`, 'latin1');
    this.bodyDelimiter = Buffer.from(`\n--${boundary}`, 'latin1');
  }

  async push(chunk: Uint8Array): Promise<void> {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.pending = this.pending.length > 0 ? Buffer.concat([this.pending, bytes]) : bytes;
    while (await this.advance());
  }

  finish(): void {
    if (this.state === 'epilogue') return;
    const where =
      this.state === 'preamble'
        ? `no delimiter line ${this.delimiter.toString('latin1')} was found`
        : `the body ended before the close delimiter ${this.delimiter.toString('latin1')}--`;
    throw new MultipartReadError('malformed', where);
  }

  /** One move of the state machine; false when more bytes are needed. */
  private async advance(): Promise<boolean> {
    switch (this.state) {
      case 'preamble':
        return this.skipPreamble();
      case 'delimiter':
        return this.readDelimiterLine();
      case 'headers':
        return this.readHeaders();
      case 'body':
        return this.readBody();
      case 'epilogue':
        this.skip(this.pending.length, 'epilogue after the close delimiter');
        this.pending = EMPTY;
        return false;
    }
  }

  private skip(bytes: number, what: string): void {
    this.skipped += bytes;
    if (this.skipped > this.limits.maxPartHeaderBytes) {
      throw new MultipartReadError('malformed', `${what} is longer than ${this.limits.maxPartHeaderBytes} bytes`);
    }
  }

  private skipPreamble(): boolean {
    for (let at = this.pending.indexOf(this.delimiter); at !== -1; at = this.pending.indexOf(this.delimiter, at + 1)) {
      if (at === 0 ? this.atLineStart : this.pending[at - 1] === LF) {
        this.skip(at, 'the preamble before the first delimiter');
        this.pending = this.pending.subarray(at + this.delimiter.length);
        this.state = 'delimiter';
        return true;
      }
    }
    const drop = this.pending.length - this.delimiter.length;
    if (drop > 0) {
      this.skip(drop, 'the preamble before the first delimiter');
      this.atLineStart = this.pending[drop - 1] === LF;
      this.pending = this.pending.subarray(drop);
    }
    return false;
  }

  /** After `--boundary`: `--` closes the body; else optional padding, then the line break. */
  private readDelimiterLine(): boolean {
    if (this.pending.length < 2) return false;
    if (this.pending[0] === DASH && this.pending[1] === DASH) {
      this.pending = this.pending.subarray(2);
      this.skipped = 0;
      this.state = 'epilogue';
      return true;
    }
    const lineEnd = this.pending.indexOf(LF);
    if (lineEnd === -1) {
      if (this.pending.length > MAX_DELIMITER_LINE) throw new MultipartReadError('malformed', 'a delimiter line is not followed by a line break');
      return false;
    }
    let end = lineEnd;
    if (end > 0 && this.pending[end - 1] === CR) end--;
    else this.bareLineFeeds++;
    for (let i = 0; i < end; i++) {
      const c = this.pending[i];
      if (c !== 0x20 && c !== 0x09) {
        throw new MultipartReadError('malformed', `the delimiter ${this.delimiter.toString('latin1')} is followed by other text on its line`);
      }
    }
    this.pending = this.pending.subarray(lineEnd + 1);
    if (++this.parts > this.limits.maxParts) {
      throw new MultipartReadError('too-many-parts', `the multipart body has more than ${this.limits.maxParts} parts`);
    }
    this.state = 'headers';
    this.headerScan = 0;
    return true;
  }

  /** Up to and including the empty line that ends the header block. */
  private async readHeaders(): Promise<boolean> {
    const max = this.limits.maxPartHeaderBytes;
    for (;;) {
      const lineEnd = this.pending.indexOf(LF, this.headerScan);
      if (lineEnd > max + 2 || (lineEnd === -1 && this.pending.length > max + 2)) {
        throw new MultipartReadError('header-too-large', `a part's headers exceed ${max} bytes`);
      }
      if (lineEnd === -1) return false;
      const start = this.headerScan;
      this.headerScan = lineEnd + 1;
      const empty = lineEnd === start || (lineEnd === start + 1 && this.pending[start] === CR);
      if (!empty) continue;
      if (lineEnd === start) this.bareLineFeeds++;
      let parsed;
      try {
        parsed = parseHeaderBlock(this.pending.subarray(0, start));
      } catch (error) {
        if (error instanceof MimeHeaderError) throw new MultipartReadError('malformed', error.message);
        throw error;
      }
      this.bareLineFeeds += parsed.bareLineFeeds;
      this.pending = this.pending.subarray(lineEnd + 1);
      this.sink = await this.onPart(parsed.headers, this.parts - 1);
      this.state = 'body';
      this.bodyStart = true;
      return true;
    }
  }

  private async readBody(): Promise<boolean> {
    if (this.bodyStart) {
      // A part with no body (RFC 2046 body-part := headers [CRLF *OCTET]): the line break before the
      // delimiter was the one read as the empty line, so the delimiter starts the "body".
      const head = this.pending.subarray(0, this.delimiter.length);
      if (head.length < this.delimiter.length && this.delimiter.subarray(0, head.length).equals(head)) return false;
      this.bodyStart = false;
      if (head.equals(this.delimiter)) return this.endPart(0, this.delimiter.length);
    }
    const found = this.pending.indexOf(this.bodyDelimiter);
    if (found === -1) {
      // Keep what could be the start of a delimiter (and the CR before it) for the next chunk.
      const keep = this.bodyDelimiter.length;
      if (this.pending.length > keep) {
        await this.sink!.write(this.pending.subarray(0, this.pending.length - keep));
        this.pending = this.pending.subarray(this.pending.length - keep);
      }
      return false;
    }
    let end = found;
    if (end > 0 && this.pending[end - 1] === CR) end--;
    else this.bareLineFeeds++;
    return this.endPart(end, found + this.bodyDelimiter.length);
  }

  /** The part's content ends at `contentEnd`; the delimiter line continues at `next`. */
  private async endPart(contentEnd: number, next: number): Promise<boolean> {
    if (contentEnd > 0) await this.sink!.write(this.pending.subarray(0, contentEnd));
    await this.sink!.end();
    this.sink = undefined;
    this.pending = this.pending.subarray(next);
    this.state = 'delimiter';
    return true;
  }
}

/**
 * Streams a multipart body through the framer: every chunk goes to `onChunk` first, then each part's
 * headers to `onPart`, whose sink receives the content as it arrives. The body size is counted
 * here, not trusted from Content-Length.
 */
export async function readMultipart(
  body: AsyncIterable<Uint8Array>,
  boundary: string,
  limits: MultipartReadLimits,
  handlers: MultipartHandlers,
): Promise<MultipartReadResult> {
  if (boundary.length === 0 || boundary.length > 70 || !/^[\x20-\x7e]+$/.test(boundary)) {
    throw new MultipartReadError('malformed', 'multipart boundary must have 1..70 printable ASCII characters');
  }
  const framer = new MultipartFramer(boundary, limits, handlers.onPart);
  let received = 0;
  for await (const chunk of body) {
    received += chunk.length;
    if (received > limits.maxBodyBytes) {
      throw new MultipartReadError('too-large', `request body exceeds ${limits.maxBodyBytes} bytes`);
    }
    await handlers.onChunk(chunk);
    await framer.push(chunk);
  }
  framer.finish();
  return { bytes: received, parts: framer.parts, bareLineFeeds: framer.bareLineFeeds };
}
