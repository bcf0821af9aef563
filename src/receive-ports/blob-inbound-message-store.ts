import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { InboundMessageStore, type InboundMessageToStore, type PersistOutcome } from '../as4/receive/ports.js';
import { Database, DatabaseUnavailableError } from '../database/database.js';
import { MessageRepository, type MessageDocument, type NewMessage } from '../messages/message-repository.js';
import { formatSchemeAndValue, normalizeParticipant, TransactionRegistry } from '../peppol/index.js';
import { BlobStore, BlobStoreError, type StoredBlob } from '../storage/blob-store.js';
import { inMemoryBytes } from '../as4/io/content.js';
import { commonName } from '../pki/keystore.js';
import { TransmissionRecorder } from '../reporting/transmission-recorder.js';
import { GroupCommitWindow, type ItemOutcome } from '../common/group-commit-window.js';
import type { TransmissionRecord } from '../reporting/transmission-record.js';
import { GroupCommitMetrics } from './group-commit-metrics.js';
import { receivePortsConfig, type ReceivePortsConfig } from './receive-ports.config.js';

/** One message's creation, ready to run: its record, timeline entry, documents, kept receipt and Reporting record. */
interface Creation {
  readonly id: string;
  readonly sql: string;
  readonly params: unknown[];
  readonly transmission: TransmissionRecord | undefined;
  readonly receiptDocument: MessageDocument;
}

/**
 * Stores an accepted AS4 message: the request body as received, the decrypted SBD and our receipt
 * go to the blob store (fsynced, side by side) first; then one statement commits the record with
 * everything that belongs to it. A MessageId recorded before is never recorded twice: inside the
 * duplicate window its earlier receipt is answered; past it (the receipt forgotten) the new receipt
 * is kept for the existing record, which is handed to processing again only if it never started.
 *
 * Group commit (RECEIVE_GROUP_COMMIT_WINDOW_MS): messages arriving within the window are stored
 * together: all their blobs in one durable batch (one fsync round), then one transaction running
 * each message's statement; each caller is answered after that commit, with its own outcome. A
 * batch that fails is stored again message by message, so each message's records are all committed
 * or none, and one bad message cannot fail the others (unless the database or the disk is away:
 * then every message of the batch fails at once, and its sender retries). Messages too large to be
 * in memory are stored alone.
 */
@Injectable()
export class BlobInboundMessageStore extends InboundMessageStore {
  private readonly window: GroupCommitWindow<InboundMessageToStore, PersistOutcome>;

  constructor(
    private readonly blobs: BlobStore,
    private readonly db: Database,
    private readonly messages: MessageRepository,
    private readonly transactions: TransactionRegistry,
    private readonly transmissions: TransmissionRecorder,
    @Inject(receivePortsConfig.KEY) config: Pick<ReceivePortsConfig, 'groupCommit'>,
    @Optional() metrics?: GroupCommitMetrics,
  ) {
    super();
    this.window = new GroupCommitWindow(
      {
        batch: (batch) => this.persistBatch(batch),
        single: (m) => this.persistAlone(m),
        // The database or the disk away: each message alone would only wait for it again.
        retryAlone: (error) => !(error instanceof DatabaseUnavailableError || error instanceof BlobStoreError),
      },
      { ...config.groupCommit, onBatch: (size) => metrics?.batchSize.observe({ stage: 'store' }, size) },
    );
  }

  persist(m: InboundMessageToStore): Promise<PersistOutcome> {
    // A large message (spilled to a temporary file) streams to the store alone.
    if (!inMemoryBytes(m.raw) || !inMemoryBytes(m.sbd)) return this.persistAlone(m);
    return this.window.submit(m);
  }

  /** One message: its blobs in one durable batch, then one statement, so one round trip and one commit. */
  private async persistAlone(m: InboundMessageToStore): Promise<PersistOutcome> {
    const [raw, sbd, receipt] = await this.storeBlobs(m);
    if (sbd!.sha256 !== m.sbdSha256) throw new Error('stored SBD does not match the verified digest');
    const creation = this.creation(m, raw!, sbd!, receipt!);
    const created = await this.db.query<{ id: string }>(creation.sql, creation.params);
    return this.outcome(m, creation, created.length > 0);
  }

  /**
   * A window's messages (all in memory): every blob in one durable batch, then one transaction with
   * each message's statement. Throws (the window then stores each message alone) when the blobs or
   * the transaction fail; each message's own outcome otherwise.
   */
  private async persistBatch(batch: readonly InboundMessageToStore[]): Promise<Array<ItemOutcome<PersistOutcome>>> {
    const stored = await this.blobs.putAll(batch.flatMap((m) => [inMemoryBytes(m.raw)!, inMemoryBytes(m.sbd)!, m.receipt]));
    const outcomes: Array<ItemOutcome<PersistOutcome>> = new Array(batch.length);
    const pending: Array<{ index: number; m: InboundMessageToStore; creation: Creation }> = [];
    batch.forEach((m, index) => {
      const [raw, sbd, receipt] = stored.slice(3 * index, 3 * index + 3);
      if (sbd!.sha256 !== m.sbdSha256) outcomes[index] = { status: 'rejected', reason: new Error('stored SBD does not match the verified digest') };
      else pending.push({ index, m, creation: this.creation(m, raw!, sbd!, receipt!) });
    });
    if (pending.length === 0) return outcomes;
    // Keys in one order in every batch: two batches committing at once cannot deadlock on them.
    pending.sort((a, b) => compareKeys(a.m, b.m));
    // In order: a MessageId twice in one batch is created by the first statement, skipped by the second (it sees the first's row).
    const created = await this.db.transaction(async (tx) => {
      const rows: boolean[] = [];
      for (const p of pending) rows.push((await tx.query(p.creation.sql, p.creation.params)).length > 0);
      return rows;
    });
    await Promise.all(
      pending.map(async (p, i) => {
        try {
          outcomes[p.index] = { status: 'fulfilled', value: await this.outcome(p.m, p.creation, created[i]!) };
        } catch (error) {
          outcomes[p.index] = { status: 'rejected', reason: error };
        }
      }),
    );
    return outcomes;
  }

  /** After the commit: stored, or the MessageId had a record already (see `recordedBefore`). */
  private async outcome(m: InboundMessageToStore, creation: Creation, created: boolean): Promise<PersistOutcome> {
    if (created) {
      this.transmissions.counted(creation.transmission);
      return { status: 'stored', id: creation.id };
    }
    return this.recordedBefore(m, creation.receiptDocument);
  }

  /** The statement that creates the message's record with everything that belongs to it, unless its MessageId has one. */
  private creation(m: InboundMessageToStore, raw: StoredBlob, sbd: StoredBlob, receipt: StoredBlob): Creation {
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
    // One statement: the record (unless this sending AP's MessageId
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
    const sql = `WITH ${creation.ctes}, receipt AS (
         INSERT INTO as4_receipts (sending_ap, message_id, claimed_at, receipt, keep_until)
         SELECT sending_ap, as4_message_id, created_at, ${p(1)}::bytea, ${p(2)}::timestamptz FROM created)${transmission ? `, ${transmission.cte}` : ''}
       SELECT id FROM created`;
    return {
      id,
      sql,
      params: [...creation.params, m.receipt, m.keepReceiptUntil.toISOString(), ...(transmission?.params ?? [])],
      transmission: transmission?.record,
      receiptDocument: { role: 'receipt', sha256: receipt.sha256, mediaType: 'application/soap+xml', size: receipt.size },
    };
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

function compareKeys(a: InboundMessageToStore, b: InboundMessageToStore): number {
  return a.key.senderPartyId < b.key.senderPartyId ? -1 : a.key.senderPartyId > b.key.senderPartyId ? 1 : a.key.messageId < b.key.messageId ? -1 : a.key.messageId > b.key.messageId ? 1 : 0;
}
