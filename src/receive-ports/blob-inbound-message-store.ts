import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InboundMessageStore, type InboundMessageToStore, type PersistOutcome } from '../as4/receive/ports.js';
import { Database } from '../database/database.js';
import { MessageRepository, type MessageDocument, type NewMessage } from '../messages/message-repository.js';
import { formatSchemeAndValue, normalizeParticipant, TransactionRegistry } from '../peppol/index.js';
import { BlobStore, type StoredBlob } from '../storage/blob-store.js';
import { inMemoryBytes } from '../as4/io/content.js';
import { commonName } from '../pki/keystore.js';
import { TransmissionRecorder } from '../reporting/transmission-recorder.js';

/**
 * Stores an accepted AS4 message: the request body as received, the decrypted SBD and our receipt
 * go to the blob store (fsynced, side by side) first; then one statement commits the record with
 * everything that belongs to it. A MessageId recorded before is never recorded twice: inside the
 * duplicate window its earlier receipt is answered; past it (the receipt forgotten) the new receipt
 * is kept for the existing record, which is handed to processing again only if it never started.
 */
@Injectable()
export class BlobInboundMessageStore extends InboundMessageStore {
  constructor(
    private readonly blobs: BlobStore,
    private readonly db: Database,
    private readonly messages: MessageRepository,
    private readonly transactions: TransactionRegistry,
    private readonly transmissions: TransmissionRecorder,
  ) {
    super();
  }

  async persist(m: InboundMessageToStore): Promise<PersistOutcome> {
    const [raw, sbd, receipt] = await this.storeBlobs(m);
    if (sbd.sha256 !== m.sbdSha256) throw new Error('stored SBD does not match the verified digest');
    const documentTypeId = formatSchemeAndValue(m.sbdh.documentType);
    const transaction = this.transactions.forDocumentType(documentTypeId);
    const record: NewMessage = {
      direction: 'inbound',
      kind: this.transactions.kindOf(transaction?.id),
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
    };
    const id = randomUUID();
    // One statement, so one round trip and one commit: the record (unless this sending AP's MessageId
    // has one already), its first timeline entry, its documents, and the receipt kept for duplicates.
    const creation = this.messages.creationStatement(record, {
      id,
      actor: `as4:${m.key.senderPartyId}`,
      reason: 'received over AS4, signature and decryption verified',
      documents: [
        { role: 'received-raw', sha256: raw.sha256, mediaType: m.contentType, size: raw.size },
        { role: 'sbd', sha256: sbd.sha256, mediaType: 'application/xml', size: sbd.size },
        { role: 'receipt', sha256: receipt.sha256, mediaType: 'application/soap+xml', size: receipt.size },
      ],
      skipInboundDuplicate: true,
    });
    const p = (n: number) => `$${creation.params.length + n}`;
    // Peppol Reporting counts it (we are C3) in the same commit: the receipt is given for what is stored.
    const transmission = this.transmissions.receivedCte(
      {
        messageId: id,
        receivedAt: m.receivedAt,
        sendingSeatId: commonName(m.senderCertificate) ?? m.key.senderPartyId,
        ourSeatId: m.header.toPartyId,
        sender: m.sbdh.sender,
        receiver: m.sbdh.receiver,
        documentType: m.sbdh.documentType,
        process: m.sbdh.process,
        countryC1: m.sbdh.countryC1,
      },
      creation.params.length + 3,
    );
    const created = await this.db.query<{ id: string }>(
      `WITH ${creation.ctes}, receipt AS (
         INSERT INTO as4_receipts (sending_ap, message_id, claimed_at, receipt, keep_until)
         SELECT sending_ap, as4_message_id, created_at, ${p(1)}::bytea, ${p(2)}::timestamptz FROM created)${transmission ? `, ${transmission.cte}` : ''}
       SELECT id FROM created`,
      [...creation.params, m.receipt, m.keepReceiptUntil.toISOString(), ...(transmission?.params ?? [])],
    );
    if (created.length > 0) {
      this.transmissions.counted(transmission?.record);
      return { status: 'stored', id };
    }
    return this.recordedBefore(m, { role: 'receipt', sha256: receipt.sha256, mediaType: 'application/soap+xml', size: receipt.size });
  }

  /** The common small message is in memory: its three blobs go to disk in one durable batch. */
  private storeBlobs(m: InboundMessageToStore): Promise<StoredBlob[]> {
    const raw = inMemoryBytes(m.raw);
    const sbd = inMemoryBytes(m.sbd);
    if (raw && sbd) return this.blobs.putAll([raw, sbd, m.receipt]);
    return Promise.all([this.blobs.put(raw ?? m.raw.open()), this.blobs.put(sbd ?? m.sbd.open()), this.blobs.put(m.receipt)]);
  }

  /** The MessageId has a record already: a concurrent request won, or a retry comes after the window. */
  private async recordedBefore(m: InboundMessageToStore, receiptDocument: MessageDocument): Promise<PersistOutcome> {
    return this.db.transaction(async (tx) => {
      const existing = await this.messages.findInbound(m.key.senderPartyId, m.key.messageId, tx);
      if (!existing) throw new Error(`message ${m.key.messageId} conflicts with a record that cannot be found`);
      const [kept] = await tx.query<{ receipt: Uint8Array }>(
        `SELECT receipt FROM as4_receipts WHERE sending_ap = $1 AND message_id = $2 AND keep_until >= $3 FOR UPDATE`,
        [m.key.senderPartyId, m.key.messageId, m.receivedAt.toISOString()],
      );
      const awaitingProcessing = existing.state === 'received';
      if (kept) return { status: 'duplicate', storedMessageId: existing.id, receipt: Buffer.from(kept.receipt), awaitingProcessing };
      // Past the window: this receipt is the one answered from now on.
      await tx.query(
        `INSERT INTO as4_receipts (sending_ap, message_id, claimed_at, receipt, keep_until) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (sending_ap, message_id) DO UPDATE SET claimed_at = EXCLUDED.claimed_at, receipt = EXCLUDED.receipt, keep_until = EXCLUDED.keep_until`,
        [m.key.senderPartyId, m.key.messageId, m.receivedAt.toISOString(), m.receipt, m.keepReceiptUntil.toISOString()],
      );
      await this.messages.addDocument(existing.id, receiptDocument, tx);
      return { status: 'duplicate', storedMessageId: existing.id, receipt: m.receipt, awaitingProcessing };
    });
  }
}
