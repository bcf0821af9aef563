import type { MultipartPart } from '@remix-run/multipart-parser';
import { memoryContent } from '../../io/content.js';
import type { WorkspaceFile } from '../../io/temp-workspace.js';
import { SpillBuffer } from '../../io/spill-buffer.js';
import { contentIdFromHeader, parseMediaType, type MediaType } from '../../mime/media-type.js';
import { MultipartReadError, readMultipart } from '../../mime/multipart-reader.js';
import { EbmsError } from '../../protocol/ebms-errors.js';
import { MEDIA } from '../../protocol/peppol-profile.js';
import type { ReceiveContext, ReceiveStep, ReceivedAttachment } from '../receive-context.js';

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

/** A part's headers; header bytes that are not UTF-8 are a MIME error of the sender, not an internal one. */
function headersOf(part: MultipartPart): MultipartPart['headers'] {
  try {
    return part.headers;
  } catch (error) {
    throw mime(`part headers cannot be read: ${(error as Error).message}`);
  }
}

function mediaTypeOf(value: string | undefined, what: string): MediaType {
  try {
    return parseMediaType(value);
  } catch (error) {
    throw mime(`${what}: ${(error as Error).message}`);
  }
}

/**
 * Step 1: streams the multipart/related body through the MIME parser, keeping the raw bytes as
 * received (in memory below the spill threshold, else in a temp file); the SOAP root stays in
 * memory (bounded), attachments above the spill threshold go to temp files.
 */
export class ReceiveMimeStep implements ReceiveStep {
  readonly name = 'receive-mime';

  constructor(private readonly limits: ReceiveMimeLimits) {}

  async run(ctx: ReceiveContext): Promise<void> {
    const type = mediaTypeOf(ctx.contentType, 'request Content-Type');
    if (type.essence === MEDIA.soap11) throw soap11Rejected();
    if (type.essence === MEDIA.soap12) throw mime('the SBD must travel as a MIME attachment: expected multipart/related, got a bare SOAP envelope');
    if (type.essence !== MEDIA.multipartRelated) throw mime(`Content-Type ${type.essence} is not multipart/related`);
    const rootType = type.params.get('type')?.toLowerCase();
    if (rootType === MEDIA.soap11) throw soap11Rejected();
    if (rootType !== undefined && rootType !== MEDIA.soap12) throw mime(`multipart type parameter ${rootType} is not ${MEDIA.soap12}`);
    const boundary = type.params.get('boundary');
    if (!boundary) throw mime('multipart/related Content-Type lacks a boundary');
    if (ctx.declaredLength !== undefined && ctx.declaredLength > this.limits.maxBodyBytes) {
      throw new EbmsError('EBMS:0004', `request body of ${ctx.declaredLength} bytes exceeds the limit of ${this.limits.maxBodyBytes} bytes`, undefined, { httpStatus: 413 });
    }

    const raw = new SpillBuffer(ctx.workspace, 'raw.mime', this.limits.spillThresholdBytes);
    try {
      await readMultipart(
        ctx.body,
        boundary,
        { maxBodyBytes: this.limits.maxBodyBytes, maxParts: this.limits.maxMimeParts, maxPartHeaderBytes: this.limits.maxPartHeaderBytes },
        (chunk) => raw.write(chunk),
        (part, index) => (index === 0 ? this.acceptRoot(ctx, part, type.params.get('start')) : this.acceptAttachment(ctx, part)),
      );
      ctx.raw = await raw.close();
    } catch (error) {
      await raw.abandon();
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
    if (!ctx.soapPart) throw mime('the multipart body has no parts');
  }

  private async acceptRoot(ctx: ReceiveContext, part: MultipartPart, start: string | undefined): Promise<void> {
    const headers = headersOf(part);
    const type = mediaTypeOf(headers['content-type'], 'root part Content-Type');
    if (type.essence === MEDIA.soap11) throw soap11Rejected();
    if (type.essence !== MEDIA.soap12) throw mime(`root part is ${type.essence}, not ${MEDIA.soap12}`);
    if (start !== undefined && contentIdFromHeader(start) !== contentIdFromHeader(headers['content-id'])) {
      throw mime('the start parameter does not name the first part');
    }
    if (part.size > this.limits.maxSoapBytes) {
      throw new EbmsError('EBMS:0009', `SOAP part of ${part.size} bytes exceeds ${this.limits.maxSoapBytes} bytes`, undefined, { httpStatus: 413 });
    }
    ctx.soapPart = Buffer.from(part.bytes);
  }

  private async acceptAttachment(ctx: ReceiveContext, part: MultipartPart): Promise<void> {
    const headers = headersOf(part);
    const contentId = contentIdFromHeader(headers['content-id']);
    if (!contentId) throw mime('an attachment part has no Content-ID');
    if (ctx.attachments.some((a) => a.contentId === contentId)) throw mime(`Content-ID <${contentId}> appears twice`);
    const encoding = (headers['content-transfer-encoding'] ?? 'binary').trim().toLowerCase();
    if (encoding !== 'binary' && encoding !== '8bit') throw mime(`Content-Transfer-Encoding ${encoding} is not supported; use binary`);
    const contentType = mediaTypeOf(headers['content-type'], `Content-Type of <${contentId}>`).essence;
    let attachment: ReceivedAttachment;
    if (part.size > this.limits.spillThresholdBytes) {
      let file: WorkspaceFile | undefined;
      try {
        file = await ctx.workspace.createFile('attachment');
        for (const chunk of part.content) await file.write(chunk);
        attachment = { contentId, contentType, content: await file.close() };
      } catch (error) {
        await file?.abandon();
        throw error;
      }
      // Drop the parser's chunks now that the bytes are on disk.
      part.content.length = 0;
    } else {
      attachment = { contentId, contentType, content: memoryContent(Buffer.from(part.bytes)) };
    }
    ctx.attachments.push(attachment);
  }
}
