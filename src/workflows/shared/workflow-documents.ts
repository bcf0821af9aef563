import type { Readable } from 'node:stream';
import { PermanentJobError } from '../../queue/job-queue.js';
import { Injectable } from '@nestjs/common';
import { MessageRepository, type MessageDocument } from '../../messages/message-repository.js';
import { BlobStore, type StoredBlob } from '../../storage/blob-store.js';

/** Document roles written by the processing flows. */
export const DOCUMENT_ROLE = {
  /** The UBL document taken out of a received SBD. */
  business: 'business-document',
  order: 'order',
  catalogueResponse: 'catalogue-response',
} as const;

/** The documents of a message, in the blob store. */
@Injectable()
export class WorkflowDocuments {
  constructor(
    private readonly blobs: BlobStore,
    private readonly messages: MessageRepository,
  ) {}

  async find(messageId: string, role: string): Promise<MessageDocument | undefined> {
    return (await this.messages.documents(messageId)).find((doc) => doc.role === role);
  }

  async require(messageId: string, role: string): Promise<MessageDocument> {
    const doc = await this.find(messageId, role);
    if (!doc) throw new PermanentJobError(`message ${messageId} has no ${role} document`);
    return doc;
  }

  /** The whole document in memory; refused above `maxBytes`. */
  async read(doc: MessageDocument, maxBytes: number): Promise<Buffer> {
    if (doc.size > maxBytes) throw new PermanentJobError(`${doc.role} is ${doc.size} bytes, more than the limit of ${maxBytes}`);
    return this.blobs.read(doc.sha256);
  }

  open(doc: MessageDocument): Readable {
    return this.blobs.open(doc.sha256);
  }

  put(content: Buffer | string | AsyncIterable<Uint8Array>): Promise<StoredBlob> {
    return this.blobs.put(content);
  }
}
