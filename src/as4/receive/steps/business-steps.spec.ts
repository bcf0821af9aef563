import { describe, expect, it } from 'vitest';
import type { ReceiveContext } from '../receive-context.js';
import type { DuplicateRegistry, InboundJobEnqueuer, InboundMessageStore, ParticipantDirectory } from '../ports.js';
import type { UserMessageHeader } from '../user-message.js';
import type { SbdhData } from '../../sbdh/sbdh-model.js';
import { CheckDuplicateStep } from './check-duplicate.step.js';
import { CheckSbdhConsistencyStep } from './check-sbdh-consistency.step.js';
import { CheckServedStep } from './check-served.step.js';
import { EnqueueStep } from './enqueue.step.js';
import { PersistStep } from './persist.step.js';
import { memoryContent } from '../../io/content.js';

const P = (value: string) => ({ scheme: 'iso6523-actorid-upis', value });
const DOC = { scheme: 'busdox-docid-qns', value: 'urn:x::Order##urn:c::2.1' };
const PROC = { scheme: 'cenbii-procid-ubl', value: 'urn:p' };

const header = { messageId: 'm@x', fromPartyId: 'POP1', originalSender: P('0088:1'), finalRecipient: P('0088:2'), action: DOC, service: PROC } as unknown as UserMessageHeader;
const sbdh = { sender: P('0088:1'), receiver: P('0088:2'), documentType: DOC, process: PROC } as unknown as SbdhData;

function ctx(extra: Partial<ReceiveContext> = {}): ReceiveContext {
  return {
    receivedAt: new Date('2026-11-23T10:00:00Z'),
    contentType: '',
    body: (async function* () {})(),
    workspace: undefined as never,
    attachments: [],
    tolerated: [],
    senderAuthenticated: true,
    decrypted: new Map(),
    header,
    sbdh,
    key: { messageId: 'm@x', senderPartyId: 'POP1' },
    receipt: { xml: Buffer.from('<receipt/>'), messageId: 'r@y' },
    payload: { content: memoryContent(Buffer.from('<sbd/>')), sha256: Buffer.alloc(32) },
    raw: memoryContent(Buffer.from('raw')),
    stored: { id: 'stored-1' },
    ...extra,
  };
}

const codeOf = (p: Promise<unknown>) => p.then(() => 'accepted', (e: { code?: string; httpStatus?: number }) => `${e.code}/${e.httpStatus ?? '-'}`);
const failing = <T>() => ({ persist: async () => { throw new Error('x'); }, enqueue: async () => { throw new Error('x'); }, find: async () => { throw new Error('x'); }, lookup: async () => { throw new Error('x'); } }) as unknown as T;

describe('CheckSbdhConsistencyStep', () => {
  it('accepts matching identifiers (participants case-insensitively)', async () => {
    expect(await codeOf(new CheckSbdhConsistencyStep().run(ctx({ sbdh: { ...sbdh, receiver: P('0088:2'.toUpperCase()) } })))).toBe('accepted');
  });
  it.each([
    ['sender', { sender: P('0088:9') }],
    ['receiver', { receiver: P('0088:9') }],
    ['document type', { documentType: { ...DOC, value: 'urn:y::Order##urn:c::2.1' } }],
    ['process', { process: { ...PROC, value: 'urn:other' } }],
  ])('a different %s → EBMS:0003', async (_n, change) => {
    expect(await codeOf(new CheckSbdhConsistencyStep().run(ctx({ sbdh: { ...sbdh, ...change } as SbdhData })))).toBe('EBMS:0003/-');
  });
});

describe('CheckServedStep', () => {
  const directory = (answer: string) => ({ lookup: async () => answer }) as unknown as ParticipantDirectory;
  it('served passes; unknown participant and unaccepted document type are EBMS:0004 PEPPOL:NOT_SERVICED', async () => {
    expect(await codeOf(new CheckServedStep(directory('served')).run(ctx()))).toBe('accepted');
    for (const answer of ['unknown-participant', 'document-type-not-accepted']) {
      const error = await new CheckServedStep(directory(answer)).run(ctx()).catch((e: unknown) => e as { code: string; detail: string });
      expect(error).toMatchObject({ code: 'EBMS:0004', detail: 'PEPPOL:NOT_SERVICED' });
    }
    expect(await codeOf(new CheckServedStep(failing<ParticipantDirectory>()).run(ctx()))).toBe('EBMS:0202/500');
  });
});

describe('CheckDuplicateStep', () => {
  const registry = (earlier: unknown, asked: unknown[] = []) => ({ find: async (k: unknown) => (asked.push(k), earlier) }) as unknown as DuplicateRegistry;
  const earlier = { storedMessageId: 'old-1', receipt: Buffer.from('old'), awaitingProcessing: false };

  it('lets a MessageId seen for the first time through without asking the registry', async () => {
    const asked: unknown[] = [];
    const fresh = ctx({ stored: undefined, key: undefined });
    await new CheckDuplicateStep(registry(earlier, asked)).run(fresh);
    expect(fresh.key).toEqual({ messageId: 'm@x', senderPartyId: 'POP1' });
    expect(asked).toEqual([]);
    expect(fresh.duplicateOf).toBeUndefined();
    expect(fresh.stored).toBeUndefined();
  });

  it('asks the registry for a MessageId seen before and marks it a duplicate of the accepted one', async () => {
    const asked: unknown[] = [];
    const step = new CheckDuplicateStep(registry(earlier, asked));
    await step.run(ctx({ stored: undefined }));
    const retry = ctx({ stored: undefined });
    await step.run(retry);
    expect(asked).toEqual([{ messageId: 'm@x', senderPartyId: 'POP1' }]);
    expect(retry.duplicateOf).toEqual(earlier);
    expect(retry.stored).toEqual({ id: 'old-1' });
  });

  it('a retry of a message that was never accepted goes on', async () => {
    const step = new CheckDuplicateStep(registry(undefined));
    await step.run(ctx({ stored: undefined }));
    const retry = ctx({ stored: undefined });
    await step.run(retry);
    expect(retry.duplicateOf).toBeUndefined();
  });

  it('a registry failure is EBMS:0202 / HTTP 500', async () => {
    const step = new CheckDuplicateStep(failing<DuplicateRegistry>());
    await step.run(ctx());
    expect(await codeOf(step.run(ctx()))).toBe('EBMS:0202/500');
  });
});

describe('persist and enqueue', () => {
  it('hand the message on with the receipt kept for the duplicate window', async () => {
    const stored: Array<{ keepReceiptUntil: Date }> = [];
    const store = { persist: async (m: { keepReceiptUntil: Date }) => (stored.push(m), { status: 'stored', id: 's-1' }) } as unknown as InboundMessageStore;
    const c = ctx({ stored: undefined });
    await new PersistStep(store, 3_600_000).run(c);
    expect(c.stored).toEqual({ id: 's-1' });
    expect(c.duplicateOf).toBeUndefined();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.keepReceiptUntil.toISOString()).toBe('2026-11-23T11:00:00.000Z');
    const jobs: unknown[] = [];
    await new EnqueueStep({ enqueue: async (j: unknown) => void jobs.push(j) } as unknown as InboundJobEnqueuer).run(c);
    expect(jobs).toEqual([{ storedMessageId: 's-1', key: c.key, receivedAt: c.receivedAt }]);
  });

  it('a key taken meanwhile makes the message a duplicate of the record that took it', async () => {
    const store = { persist: async () => ({ status: 'duplicate', storedMessageId: 'won-1', receipt: Buffer.from('first'), awaitingProcessing: true }) } as unknown as InboundMessageStore;
    const c = ctx({ stored: undefined });
    await new PersistStep(store, 1000).run(c);
    expect(c.stored).toEqual({ id: 'won-1' });
    expect(c.duplicateOf).toEqual({ storedMessageId: 'won-1', receipt: Buffer.from('first'), awaitingProcessing: true });
  });

  it('queues a duplicate again only while its processing has not started (the first enqueue may have been lost)', async () => {
    const jobs: unknown[] = [];
    const enqueue = new EnqueueStep({ enqueue: async (j: unknown) => void jobs.push(j) } as unknown as InboundJobEnqueuer);
    expect(enqueue.runsForDuplicates).toBe(true);
    await enqueue.run(ctx({ stored: { id: 'old-1' }, duplicateOf: { storedMessageId: 'old-1', receipt: Buffer.from('r'), awaitingProcessing: false } }));
    expect(jobs).toEqual([]);
    await enqueue.run(ctx({ stored: { id: 'old-1' }, duplicateOf: { storedMessageId: 'old-1', receipt: Buffer.from('r'), awaitingProcessing: true } }));
    expect(jobs).toHaveLength(1);
  });

  it('turn any port failure into EBMS:0202 / HTTP 500', async () => {
    expect(await codeOf(new PersistStep(failing<InboundMessageStore>(), 1000).run(ctx()))).toBe('EBMS:0202/500');
    expect(await codeOf(new EnqueueStep(failing<InboundJobEnqueuer>()).run(ctx()))).toBe('EBMS:0202/500');
  });
});
