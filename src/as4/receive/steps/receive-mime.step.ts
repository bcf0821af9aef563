import { SpillBuffer } from '../../io/spill-buffer.js';
import { contentIdFromHeader, parseMediaType, type MediaType } from '../../mime/media-type.js';
import { MultipartReadError, readMultipart, type PartSink } from '../../mime/multipart-reader.js';
import { MimeHeaderError, type MimeHeaders } from '../../mime/part-headers.js';
import { transferDecoder, transferEncodingOf, type TransferDecoder } from '../../mime/transfer-encoding.js';
import { EbmsError } from '../../protocol/ebms-errors.js';
import { MEDIA } from '../../protocol/peppol-profile.js';
import type { ReceiveContext, ReceiveStep } from '../receive-context.js';

export interface ReceiveMimeLimits {
  readonly maxBodyBytes: number;
  readonly maxMimeParts: number;
  readonly maxPartHeaderBytes: number;
  readonly maxSoapBytes: number;
  readonly spillThresholdBytes: number;
}

const mime = (detail: string) => new EbmsError('EBMS:0007', detail, undefined, { httpStatus: 400 });

/** Peppol mandates SOAP 1.2; a SOAP 1.1 request gets this specific rejection. */
export function soap11Rejected(): EbmsError {
  return new EbmsError('EBMS:0010', 'SOAP 1.1 is not allowed by the Peppol AS4 profile: use SOAP 1.2 (application/soap+xml)', undefined, {
    httpStatus: 400,
  });
}

function mediaTypeOf(value: string | undefined, what: string): MediaType {
  try {
    return parseMediaType(value);
  } catch (error) {
    throw mime(`${what}: ${(error as Error).message}`);
  }
}

function decoderFor(headers: MimeHeaders, what: string): TransferDecoder | undefined {
  try {
    return transferDecoder(transferEncodingOf(headers.get('content-transfer-encoding')));
  } catch (error) {
    if (error instanceof MimeHeaderError) throw mime(`${what}: ${error.message}`);
    throw error;
  }
}

/** Decodes the transfer encoding on the way into `target`; decoding faults are the sender's MIME errors. */
function decodingSink(decoder: TransferDecoder | undefined, what: string, target: { write(bytes: Buffer): Promise<void> | void; end(): Promise<void> }): PartSink {
  if (!decoder) return target;
  const run = <T>(f: () => T): T => {
    try {
      return f();
    } catch (error) {
      if (error instanceof MimeHeaderError) throw mime(`${what}: ${error.message}`);
      throw error;
    }
  };
  return {
    write: (bytes) => target.write(run(() => decoder.write(bytes))),
    end: async () => {
      const last = run(() => decoder.end());
      if (last.length > 0) await target.write(last);
      await target.end();
    },
  };
}

/**
 * Step 1: streams the multipart/related body through the MIME framing, keeping the raw bytes as
 * received (in memory below the spill threshold, else in a temp file). Each part's content is
 * decoded from its Content-Transfer-Encoding as it arrives; the SOAP root (named by `start`, else
 * the first part) stays in memory (bounded), attachments above the spill threshold go to temp files.
 */
export class ReceiveMimeStep implements ReceiveStep {
  readonly name = 'receive-mime';

  constructor(private readonly limits: ReceiveMimeLimits) {}

  async run(ctx: ReceiveContext): Promise<void> {
    const type = mediaTypeOf(ctx.contentType, 'request Content-Type');
    if (type.essence === MEDIA.soap11) throw soap11Rejected();
    if (type.essence === MEDIA.soap12) throw mime('the SBD must travel as a MIME attachment: expected multipart/related, got a bare SOAP envelope');
    if (type.essence !== MEDIA.multipartRelated) throw mime(`Content-Type ${type.essence} is not multipart/related`);
    const rootType = type.params.get('type')?.trim().toLowerCase();
    if (rootType === MEDIA.soap11) throw soap11Rejected();
    if (rootType !== undefined && rootType !== MEDIA.soap12) throw mime(`multipart type parameter ${rootType} is not ${MEDIA.soap12}`);
    const boundary = type.params.get('boundary');
    if (!boundary) throw mime('multipart/related Content-Type lacks a boundary');
    const start = type.params.get('start');
    const startId = start === undefined ? undefined : contentIdFromHeader(start);
    if (start !== undefined && startId === undefined) throw mime(`the start parameter ${JSON.stringify(start.slice(0, 80))} is not a Content-ID`);
    if (ctx.declaredLength !== undefined && ctx.declaredLength > this.limits.maxBodyBytes) {
      throw new EbmsError('EBMS:0004', `request body of ${ctx.declaredLength} bytes exceeds the limit of ${this.limits.maxBodyBytes} bytes`, undefined, { httpStatus: 413 });
    }

    const raw = new SpillBuffer(ctx.workspace, 'raw.mime', this.limits.spillThresholdBytes);
    const open: SpillBuffer[] = [raw];
    try {
      const read = await readMultipart(
        ctx.body,
        boundary,
        { maxBodyBytes: this.limits.maxBodyBytes, maxParts: this.limits.maxMimeParts, maxPartHeaderBytes: this.limits.maxPartHeaderBytes },
        {
          onChunk: (chunk) => raw.write(chunk),
          onPart: (headers, index) => {
            const contentId = contentIdOf(headers);
            const isRoot = ctx.soapPart === undefined && (startId === undefined ? index === 0 : contentId === startId);
            return isRoot ? this.rootSink(ctx, headers) : this.attachmentSink(ctx, headers, contentId, open);
          },
        },
      );
      ctx.raw = await raw.close();
      if (read.bareLineFeeds > 0) ctx.tolerated.push('bare-lf');
    } catch (error) {
      for (const buffer of open) await buffer.abandon();
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || (error as Error).message === 'aborted') {
        throw mime('the request body ended before the multipart message was complete');
      }
      if (error instanceof MultipartReadError) {
        if (error.reason === 'too-large') {
          throw new EbmsError('EBMS:0004', `request body exceeds the limit of ${this.limits.maxBodyBytes} bytes`, undefined, { httpStatus: 413 });
        }
        throw mime(`malformed multipart body: ${error.message}`);
      }
      throw error;
    }
    if (!ctx.soapPart) {
      throw mime(startId === undefined ? 'the multipart body has no parts' : `no part has the Content-ID <${startId}> that the start parameter names`);
    }
  }

  /** The SOAP part: held in memory, refused as soon as it passes the SOAP size bound. */
  private rootSink(ctx: ReceiveContext, headers: MimeHeaders): PartSink {
    const type = mediaTypeOf(headers.get('content-type'), 'root part Content-Type');
    if (type.essence === MEDIA.soap11) throw soap11Rejected();
    if (type.essence !== MEDIA.soap12) throw mime(`root part is ${type.essence}, not ${MEDIA.soap12}`);
    const chunks: Buffer[] = [];
    let size = 0;
    return decodingSink(decoderFor(headers, 'the SOAP part'), 'the SOAP part', {
      write: (bytes) => {
        size += bytes.length;
        if (size > this.limits.maxSoapBytes) {
          throw new EbmsError('EBMS:0009', `SOAP part exceeds ${this.limits.maxSoapBytes} bytes`, undefined, { httpStatus: 413 });
        }
        chunks.push(Buffer.from(bytes));
      },
      end: async () => {
        ctx.soapPart = Buffer.concat(chunks, size);
      },
    });
  }

  /** An attachment: decoded into memory, or into a workspace file once past the spill threshold. */
  private attachmentSink(ctx: ReceiveContext, headers: MimeHeaders, contentId: string | undefined, open: SpillBuffer[]): PartSink {
    if (!contentId) throw mime('an attachment part has no Content-ID');
    if (ctx.attachments.some((a) => a.contentId === contentId)) throw mime(`Content-ID <${contentId}> appears twice`);
    const what = `attachment <${contentId}>`;
    const decoder = decoderFor(headers, what);
    // RFC 2045 §5.2: a part without Content-Type is text/plain.
    const contentType = headers.has('content-type') ? mediaTypeOf(headers.get('content-type'), `Content-Type of ${what}`).essence : 'text/plain';
    const spill = new SpillBuffer(ctx.workspace, 'attachment', this.limits.spillThresholdBytes);
    open.push(spill);
    return decodingSink(decoder, what, {
      write: (bytes) => spill.write(bytes),
      end: async () => {
        ctx.attachments.push({ contentId, contentType, content: await spill.close() });
        open.splice(open.indexOf(spill), 1);
      },
    });
  }
}

function contentIdOf(headers: MimeHeaders): string | undefined {
  const value = headers.get('content-id');
  if (value === undefined) return undefined;
  const id = contentIdFromHeader(value);
  if (id === undefined) throw mime(`Content-ID ${JSON.stringify(value.slice(0, 80))} is not a valid Content-ID`);
  return id;
}
