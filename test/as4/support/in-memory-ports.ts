import { readContent } from '../../../src/as4/io/content.js';
import {
  DuplicateRegistry,
  InboundJobEnqueuer,
  InboundMessageStore,
  ParticipantDirectory,
  type EarlierAcceptance,
  type InboundMessageToStore,
  type MessageKey,
  type PersistOutcome,
  type ServiceLookup,
} from '../../../src/as4/receive/ports.js';
import type { PeppolIdentifier } from '../../../src/peppol/index.js';

/* In-memory port implementations for tests only. */

const keyOf = (k: MessageKey) => `${k.senderPartyId.toLowerCase()}|${k.messageId}`;

export class MemoryParticipantDirectory extends ParticipantDirectory {
  readonly served = new Map<string, Array<{ documentType: string; process: string }>>();

  serve(participant: string, documentType: PeppolIdentifier, process: PeppolIdentifier): this {
    const list = this.served.get(participant.toLowerCase()) ?? [];
    list.push({ documentType: `${documentType.scheme}::${documentType.value}`, process: `${process.scheme}::${process.value}` });
    this.served.set(participant.toLowerCase(), list);
    return this;
  }

  async lookup(q: { participant: PeppolIdentifier; documentType: PeppolIdentifier; process: PeppolIdentifier }): Promise<ServiceLookup> {
    const list = this.served.get(q.participant.value.toLowerCase());
    if (!list) return 'unknown-participant';
    const ok = list.some((e) => e.documentType === `${q.documentType.scheme}::${q.documentType.value}` && e.process === `${q.process.scheme}::${q.process.value}`);
    return ok ? 'served' : 'document-type-not-accepted';
  }
}

export interface StoredCopy {
  readonly id: string;
  readonly message: InboundMessageToStore;
  readonly raw: Buffer;
  readonly sbd: Buffer;
  /** The receipt answered for this MessageKey and until when it is answered again. */
  receipt: Buffer;
  keepUntil: Date;
  /** Whether a worker took the message up (duplicates are queued again only before that). */
  processingStarted: boolean;
}

/** Records and kept receipts, as the database holds them: one record per MessageKey, ever. */
export class MemoryMessageStore extends InboundMessageStore {
  readonly records = new Map<string, StoredCopy>();
  failNext = false;

  async persist(message: InboundMessageToStore): Promise<PersistOutcome> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('disk full');
    }
    const existing = this.records.get(keyOf(message.key));
    if (existing) {
      if (existing.keepUntil < message.receivedAt) {
        existing.receipt = message.receipt;
        existing.keepUntil = message.keepReceiptUntil;
      }
      return { status: 'duplicate', storedMessageId: existing.id, receipt: existing.receipt, awaitingProcessing: !existing.processingStarted };
    }
    // Copies the bytes now: the temp files behind the content vanish after the request.
    const copy: StoredCopy = {
      id: keyOf(message.key),
      message,
      raw: await readContent(message.raw, 1 << 30),
      sbd: await readContent(message.sbd, 1 << 30),
      receipt: message.receipt,
      keepUntil: message.keepReceiptUntil,
      processingStarted: false,
    };
    this.records.set(copy.id, copy);
    return { status: 'stored', id: copy.id };
  }

  /** Receipts kept to answer duplicates with (one per accepted MessageKey). */
  keptReceipts(): number {
    return this.records.size;
  }
}

/** Reads what the store committed, as the database registry does. */
export class MemoryDuplicateRegistry extends DuplicateRegistry {
  constructor(private readonly store: MemoryMessageStore) {
    super();
  }

  async find(key: MessageKey, at: Date): Promise<EarlierAcceptance | undefined> {
    const record = this.store.records.get(keyOf(key));
    if (!record || record.keepUntil < at) return undefined;
    return { storedMessageId: record.id, receipt: record.receipt, awaitingProcessing: !record.processingStarted };
  }
}

export class MemoryJobEnqueuer extends InboundJobEnqueuer {
  readonly jobs: Array<{ storedMessageId: string; key: MessageKey }> = [];
  failNext = false;

  async enqueue(job: { storedMessageId: string; key: MessageKey }): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('redis unavailable');
    }
    if (!this.jobs.some((j) => j.storedMessageId === job.storedMessageId)) this.jobs.push(job);
  }
}
