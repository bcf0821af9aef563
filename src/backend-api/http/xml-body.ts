import { HttpStatus } from '@nestjs/common';
import type { Request } from 'express';
import { PROBLEM_TYPES, ProblemException } from '../../admin/http/problem.js';

/** Media types a UBL document may be sent as. */
export const XML_MEDIA_TYPES = ['application/xml', 'text/xml'];

/**
 * The request body as sent (byte-exact), for XML media types only: 415 for another Content-Type,
 * 413 past `maxBytes` (declared or read), 400 for an empty body.
 */
export async function readXmlBody(req: Request, maxBytes: number): Promise<Buffer> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!XML_MEDIA_TYPES.includes(type)) {
    req.resume();
    throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, `send the UBL document as ${XML_MEDIA_TYPES.join(' or ')}, not ${type || 'without a Content-Type'}`, {
      type: PROBLEM_TYPES.unsupportedMediaType,
      title: 'Unsupported media type',
    });
  }
  const tooLarge = () => new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, `the document is larger than ${maxBytes} bytes (BACKEND_API_MAX_DOCUMENT_BYTES)`, { type: PROBLEM_TYPES.tooLarge, title: 'Content too large' });
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    throw tooLarge();
  }
  // Read by events, not by async iteration: leaving an iteration early would destroy the socket
  // before the problem is answered. Past the limit the rest is read and dropped.
  const { body, size } = await new Promise<{ body: Buffer; size: number }>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (over) return;
      if (size > maxBytes) {
        over = true;
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => resolve({ body: Buffer.concat(chunks), size }));
    req.once('error', reject);
  });
  if (size === 0) throw new ProblemException(HttpStatus.BAD_REQUEST, 'the body is empty: send the UBL document', { type: PROBLEM_TYPES.validation, title: 'Malformed document' });
  return body;
}
