import { describe, expect, it } from 'vitest';
import type { InboundContext } from '../inbound-context.js';
import type { DuplicateRegistry, InboundJobEnqueuer, InboundMessageStore, ParticipantDirectory } from '../ports.js';
import type { UserMessageHeader } from '../user-message.js';
import type { SbdhData } from '../../sbdh/sbdh-model.js';
import { CheckDuplicateStep } from './check-duplicate.step.js';
import { CheckSbdhConsistencyStep } from './check-sbdh-consistency.step.js';
import { CheckServedStep } from './check-served.step.js';
import { EnqueueStep } from './enqueue.step.js';
import { PersistStep } from './persist.step.js';
import { RememberReceiptStep } from './remember-receipt.step.js';
import { memoryContent } from '../../io/content.js';

const P = (value: string) => ({ scheme: 'iso6523-actorid-upis', value });
const DOC = { scheme: 'busdox-docid-qns', value: 'urn:x::Order##urn:c::2.1' };
const PROC = { scheme: 'cenbii-procid-ubl', value: 'urn:p' };

const header = { messageId: 'm@x', fromPartyId: 'POP1', originalSender: P('0088:1'), finalRecipient: P('0088:2'), action: DOC, service: PROC } as unknown as UserMessageHeader;
const sbdh = { sender: P('0088:1'), receiver: P('0088:2'), documentType: DOC, process: PROC } as unknown as SbdhData;

function ctx(extra: Partial<InboundContext> = {}): InboundContext {
  return {
    receivedAt: new Date('2026-11-23T10:00:00Z'),
    contentType: '',
    body: (async function* () {})(),
    workspace: undefined as never,
    attachments: [],
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
const failing = <T>() => ({ persist: async () => { throw new Error('x'); }, enqueue: async () => { throw new Error('x'); }, complete: async () => { throw new Error('x'); }, claim: async () => { throw new Error('x'); }, lookup: async () => { throw new Error('x'); } }) as unknown as T;

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
  const registry = (claim: unknown) => ({ claim: async () => claim }) as unknown as DuplicateRegistry;
  it('claims new messages, replays the receipt of duplicates, asks to retry while in progress', async () => {
    const fresh = ctx();
    await new CheckDuplicateStep(registry({ status: 'new' })).run(fresh);
    expect(fresh.claimed).toBe(true);
    const dup = ctx();
    await new CheckDuplicateStep(registry({ status: 'duplicate', receipt: Buffer.from('old') })).run(dup);
    expect(dup.replayReceipt?.toString()).toBe('old');
    expect(await codeOf(new CheckDuplicateStep(registry({ status: 'in-progress' })).run(ctx()))).toBe('EBMS:0202/503');
    expect(await codeOf(new CheckDuplicateStep(failing<DuplicateRegistry>()).run(ctx()))).toBe('EBMS:0202/500');
  });
});

describe('persist, enqueue and remember-receipt', () => {
  it('hand the message on and turn any port failure into EBMS:0202 / HTTP 500', async () => {
    const stored: unknown[] = [];
    const store = { persist: async (m: unknown) => (stored.push(m), { id: 's-1' }) } as unknown as InboundMessageStore;
    const c = ctx({ stored: undefined });
    await new PersistStep(store).run(c);
    expect(c.stored).toEqual({ id: 's-1' });
    expect(stored).toHaveLength(1);
    const jobs: unknown[] = [];
    await new EnqueueStep({ enqueue: async (j: unknown) => void jobs.push(j) } as unknown as InboundJobEnqueuer).run(c);
    expect(jobs).toEqual([{ storedMessageId: 's-1', key: c.key, receivedAt: c.receivedAt }]);
    const completed: Array<[unknown, Buffer, Date]> = [];
    const done = ctx({ claimed: true });
    await new RememberReceiptStep({ complete: async (k: unknown, r: Buffer, until: Date) => void completed.push([k, r, until]) } as unknown as DuplicateRegistry, 3_600_000).run(done);
    expect(completed[0]![2].toISOString()).toBe('2026-11-23T11:00:00.000Z');
    expect(done.claimed).toBe(false);

    expect(await codeOf(new PersistStep(failing<InboundMessageStore>()).run(ctx()))).toBe('EBMS:0202/500');
    expect(await codeOf(new EnqueueStep(failing<InboundJobEnqueuer>()).run(ctx()))).toBe('EBMS:0202/500');
    expect(await codeOf(new RememberReceiptStep(failing<DuplicateRegistry>(), 1000).run(ctx()))).toBe('EBMS:0202/500');
  });
});
