import type { MessageRepository } from '../../messages/message-repository.js';
import type { BlobStore } from '../../storage/blob-store.js';
import { extractBusinessDocument } from '../../workflows/validation/sbd-payload.js';
import { DeliveryError } from '../delivery.errors.js';

/** The business document of a message as a byte stream: the stored document itself, or taken out of its SBD. */
export async function openBusinessDocument(
  messages: Pick<MessageRepository, 'documents'>,
  blobs: Pick<BlobStore, 'open'>,
  messageId: string,
): Promise<AsyncIterable<Uint8Array | string> | null> {
  const documents = await messages.documents(messageId);
  const plain = documents.find((d) => d.role === 'payload' || d.role === 'document');
  if (plain) return blobs.open(plain.sha256);
  const sbd = documents.find((d) => d.role === 'sbd');
  return sbd ? extractBusinessDocument(blobs.open(sbd.sha256)) : null;
}

/** Reads a small document fully, refusing more than `maxBytes`. */
export async function readBounded(source: AsyncIterable<Uint8Array | string>, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    size += bytes.length;
    if (size > maxBytes) throw new DeliveryError('message-not-deliverable', `document larger than ${maxBytes} bytes`);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}
