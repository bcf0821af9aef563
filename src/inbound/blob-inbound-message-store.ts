import { Injectable } from '@nestjs/common';
import { InboundMessageStore, type InboundMessageToStore, type StoredInboundMessage } from '../as4/inbound/ports.js';
import { formatSchemeAndValue } from '../as4/protocol/identifiers.js';
import { Database } from '../database/database.js';
import { MessageRepository } from '../messages/message-repository.js';
import { kindOfTransaction, normalizeParticipant, transactionOfDocumentType } from '../participants/peppol-documents.js';
import { BlobStore } from '../storage/blob-store.js';

/**
 * Stores an accepted AS4 message: the request body as received and the decrypted SBD go to the blob
 * store (fsynced) first; then one transaction writes the record, its documents and the first timeline
 * entry. A retry of the same MessageId reuses the record it finds.
 */
@Injectable()
export class BlobInboundMessageStore extends InboundMessageStore {
  constructor(
    private readonly blobs: BlobStore,
    private readonly db: Database,
    private readonly messages: MessageRepository,
  ) {
    super();
  }

  async persist(m: InboundMessageToStore): Promise<StoredInboundMessage> {
    const raw = await this.blobs.put(m.raw.open());
    const sbd = await this.blobs.put(m.sbd.open());
    const receipt = await this.blobs.put(m.receipt);
    if (sbd.sha256 !== m.sbdSha256) throw new Error('stored SBD does not match the verified digest');
    const existing = await this.messages.findInbound(m.key.senderPartyId, m.key.messageId);
    if (existing) {
      await this.messages.addDocument(existing.id, { role: 'receipt', sha256: receipt.sha256, mediaType: 'application/soap+xml', size: receipt.size });
      return { id: existing.id };
    }
    const documentTypeId = formatSchemeAndValue(m.sbdh.documentType);
    const transaction = transactionOfDocumentType(documentTypeId);
    const record = await this.db.transaction((tx) =>
      this.messages.create(
        {
          direction: 'inbound',
          kind: kindOfTransaction(transaction?.id),
          state: 'received',
          as4MessageId: m.key.messageId,
          conversationId: m.header.conversationId,
          sendingAp: m.key.senderPartyId,
          receivingAp: m.header.toPartyId,
          senderId: normalizeParticipant(m.sbdh.sender.value),
          receiverId: normalizeParticipant(m.sbdh.receiver.value),
          documentTypeId,
          processId: formatSchemeAndValue(m.sbdh.process),
          sbdhInstanceId: m.sbdh.instanceIdentifier,
          countryC1: m.sbdh.countryC1,
          rawSha256: raw.sha256,
          payloadSha256: sbd.sha256,
          payloadSize: sbd.size,
          signalSha256: receipt.sha256,
          attributes: {
            transaction: transaction?.id ?? null,
            senderCertificateSubject: m.senderCertificate.subject,
            as4Timestamp: m.header.timestamp,
          },
        },
        {
          actor: `as4:${m.key.senderPartyId}`,
          reason: 'received over AS4, signature and decryption verified',
          tx,
          documents: [
            { role: 'received-raw', sha256: raw.sha256, mediaType: m.contentType, size: raw.size },
            { role: 'sbd', sha256: sbd.sha256, mediaType: 'application/xml', size: sbd.size },
            { role: 'receipt', sha256: receipt.sha256, mediaType: 'application/soap+xml', size: receipt.size },
          ],
        },
      ),
    );
    return { id: record.id };
  }
}
