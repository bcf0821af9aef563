import { connect } from 'node:net';

export interface RawReply {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

export interface RawRequest {
  readonly port: number;
  readonly path: string;
  readonly contentType: string;
  /** The body as the TCP segments it is written in, in order. */
  readonly segments: readonly Buffer[];
  /** `chunked`: one HTTP chunk per segment; `length`: a Content-Length body. */
  readonly framing: 'chunked' | 'length';
  /** Pause before writing each segment (ms), so that each arrives in its own read. */
  readonly pauseMs?: (index: number) => number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * An HTTP/1.1 POST written on a raw socket segment by segment (Nagle off, pauses between), so a test
 * controls how the body is split into reads on the server, as real networks split it at random.
 */
export async function postSegments(request: RawRequest): Promise<RawReply> {
  const socket = connect({ host: '127.0.0.1', port: request.port });
  socket.setNoDelay(true);
  const received: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => received.push(chunk));
  const closed = new Promise<void>((resolve, reject) => {
    socket.once('close', () => resolve());
    socket.once('error', reject);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const length = request.segments.reduce((n, s) => n + s.length, 0);
  const framingHeader = request.framing === 'chunked' ? 'Transfer-Encoding: chunked' : `Content-Length: ${length}`;
  socket.write(`POST ${request.path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${request.contentType}\r\n${framingHeader}\r\nConnection: close\r\n\r\n`);
  for (const [index, segment] of request.segments.entries()) {
    const ms = request.pauseMs?.(index) ?? 0;
    if (ms > 0) await pause(ms);
    if (request.framing === 'chunked') socket.write(Buffer.concat([Buffer.from(`${segment.length.toString(16)}\r\n`), segment, Buffer.from('\r\n')]));
    else socket.write(segment);
  }
  if (request.framing === 'chunked') socket.write('0\r\n\r\n');
  await closed;
  return parseReply(Buffer.concat(received));
}

function parseReply(raw: Buffer): RawReply {
  const headEnd = raw.indexOf('\r\n\r\n');
  if (headEnd < 0) throw new Error(`no HTTP reply: ${raw.toString('latin1').slice(0, 200)}`);
  const [statusLine, ...lines] = raw.subarray(0, headEnd).toString('latin1').split('\r\n');
  const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).trim().toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  let body = raw.subarray(headEnd + 4);
  if (headers['transfer-encoding'] === 'chunked') {
    const pieces: Buffer[] = [];
    for (let at = 0; ; ) {
      const lineEnd = body.indexOf('\r\n', at);
      const size = parseInt(body.subarray(at, lineEnd).toString('latin1'), 16);
      if (!size) break;
      pieces.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
    }
    body = Buffer.concat(pieces);
  }
  return { status: Number(statusLine!.split(' ')[1]), headers, body };
}

/** Cuts a body into pieces of `size` bytes (the last one shorter). */
export function piecesOf(body: Buffer, size: number): Buffer[] {
  const pieces: Buffer[] = [];
  for (let i = 0; i < body.length; i += size) pieces.push(body.subarray(i, i + size));
  return pieces;
}
