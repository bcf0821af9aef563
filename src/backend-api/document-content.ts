import type { MessageRepository } from '../messages/message-repository.js';
import type { BlobStore } from '../storage/blob-store.js';
import { extractBusinessDocument } from '../workflows/validation/sbd-payload.js';

/** Roles under which a message keeps its business document as such, in order of preference. */
const DOCUMENT_ROLES = ['business-document', 'order', 'catalogue-response', 'payload', 'document'];

/**
 * The business document (UBL) of a message as stored: the document itself when the message has
 * it under one of its roles, else taken out of its SBD. Null when the message has neither.
 */
export async function openBusinessContent(
  messages: Pick<MessageRepository, 'documents'>,
  blobs: Pick<BlobStore, 'open'>,
  messageId: string,
): Promise<{ stream: AsyncIterable<Uint8Array | string>; size?: number } | null> {
  const documents = await messages.documents(messageId);
  for (const role of DOCUMENT_ROLES) {
    const doc = documents.find((d) => d.role === role);
    if (doc) return { stream: blobs.open(doc.sha256), size: doc.size };
  }
  const sbd = documents.find((d) => d.role === 'sbd');
  return sbd ? { stream: extractBusinessDocument(blobs.open(sbd.sha256)) } : null;
}

/** Reads a document fully, refusing more than `maxBytes`. */
export async function readAll(source: AsyncIterable<Uint8Array | string>, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    size += bytes.length;
    if (size > maxBytes) throw new RangeError(`document larger than ${maxBytes} bytes`);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}
