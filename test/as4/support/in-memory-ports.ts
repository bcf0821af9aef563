import { readContent } from '../../../src/as4/io/content.js';
import {
  DuplicateRegistry,
  InboundJobEnqueuer,
  InboundMessageStore,
  ParticipantDirectory,
  type DuplicateClaim,
  type InboundMessageToStore,
  type MessageKey,
  type ServiceLookup,
  type StoredInboundMessage,
} from '../../../src/as4/inbound/ports.js';
import type { PeppolIdentifier } from '../../../src/as4/protocol/identifiers.js';

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

export class MemoryDuplicateRegistry extends DuplicateRegistry {
  readonly entries = new Map<string, { state: 'in-progress' } | { state: 'done'; receipt: Buffer; keepUntil: Date }>();

  async claim(key: MessageKey, receivedAt: Date): Promise<DuplicateClaim> {
    const entry = this.entries.get(keyOf(key));
    if (entry?.state === 'done' && entry.keepUntil > receivedAt) return { status: 'duplicate', receipt: entry.receipt };
    if (entry?.state === 'in-progress') return { status: 'in-progress' };
    this.entries.set(keyOf(key), { state: 'in-progress' });
    return { status: 'new' };
  }

  async complete(key: MessageKey, receipt: Buffer, keepUntil: Date): Promise<void> {
    this.entries.set(keyOf(key), { state: 'done', receipt, keepUntil });
  }

  async release(key: MessageKey): Promise<void> {
    if (this.entries.get(keyOf(key))?.state === 'in-progress') this.entries.delete(keyOf(key));
  }

  completedCount(): number {
    return [...this.entries.values()].filter((e) => e.state === 'done').length;
  }
}

export interface StoredCopy {
  readonly message: InboundMessageToStore;
  readonly raw: Buffer;
  readonly sbd: Buffer;
}

export class MemoryMessageStore extends InboundMessageStore {
  readonly records = new Map<string, StoredCopy>();
  failNext = false;

  async persist(message: InboundMessageToStore): Promise<StoredInboundMessage> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('disk full');
    }
    // Copies the bytes now: the temp files behind the content vanish after the request.
    const copy = { message, raw: await readContent(message.raw, 1 << 30), sbd: await readContent(message.sbd, 1 << 30) };
    this.records.set(keyOf(message.key), copy);
    return { id: keyOf(message.key) };
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
