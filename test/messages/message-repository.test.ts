import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Clock } from '../../src/common/clock.js';
import { MessageRepository, StateConflictError } from '../../src/messages/message-repository.js';
import { databaseEngines, type TestDatabase } from '../support/databases.js';

describe.each(databaseEngines)('MessageRepository on $name', ({ create }) => {
  let t: TestDatabase;
  let repo: MessageRepository;
  beforeEach(async () => {
    t = await create();
    repo = new MessageRepository(t.db, new Clock());
  });
  afterEach(() => t.drop());

  it('records creation and each transition in the timeline', async () => {
    const m = await repo.create({ direction: 'inbound', kind: 'cart', state: 'received', as4MessageId: 'a@b', sendingAp: 'PDK000002' }, { actor: 'as4' });
    await repo.transition(m.id, 'validated', { actor: 'worker', reason: 'valid T77' });
    await repo.transition(m.id, 'awaiting-approval', { actor: 'worker', patch: { attributes: { approvalDeadline: '2030-01-01T00:00:00.000Z' } } });
    const timeline = await repo.timeline(m.id);
    expect(timeline.map((e) => [e.fromState, e.toState, e.actor])).toEqual([
      [null, 'received', 'as4'],
      ['received', 'validated', 'worker'],
      ['validated', 'awaiting-approval', 'worker'],
    ]);
    expect((await repo.get(m.id)).attributes).toEqual({ approvalDeadline: '2030-01-01T00:00:00.000Z' });
  });

  it('refuses a transition the machine does not allow and records nothing', async () => {
    const m = await repo.create({ direction: 'inbound', kind: 'cart', state: 'received' }, { actor: 'as4' });
    await expect(repo.transition(m.id, 'order-created', { actor: 'worker' })).rejects.toThrow(StateConflictError);
    expect(await repo.timeline(m.id)).toHaveLength(1);
  });

  it('lets exactly one of two concurrent movers win', async () => {
    const m = await repo.create({ direction: 'inbound', kind: 'cart', state: 'awaiting-approval' }, { actor: 'as4' });
    const results = await Promise.allSettled([
      repo.transition(m.id, 'approved', { actor: 'key-1', from: ['awaiting-approval'] }),
      repo.transition(m.id, 'abandoned', { actor: 'timer', from: ['awaiting-approval'] }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')[0]).toMatchObject({ reason: expect.any(StateConflictError) });
  });

  it('lets exactly one win when a mover that may leave several states races one that may leave one', async () => {
    const m = await repo.create({ direction: 'inbound', kind: 'cart', state: 'awaiting-approval' }, { actor: 'as4' });
    const results = await Promise.allSettled([
      repo.transition(m.id, 'rejected', { actor: 'key-1' }),
      repo.transition(m.id, 'abandoned', { actor: 'timer', from: ['awaiting-approval'] }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')[0]).toMatchObject({ reason: expect.any(StateConflictError) });
    expect(await repo.timeline(m.id)).toHaveLength(2);
  });

  it('names the state a refused transition found', async () => {
    const m = await repo.create({ direction: 'inbound', kind: 'cart', state: 'received' }, { actor: 'as4' });
    await expect(repo.transition(m.id, 'approved', { actor: 'worker', from: ['validated'] })).rejects.toMatchObject({ from: 'received', to: 'approved' });
    await expect(repo.transition(m.id, 'approved', { actor: 'worker', from: ['validated', 'awaiting-approval'] })).rejects.toMatchObject({ from: 'received' });
    await expect(repo.transition('00000000-0000-4000-8000-000000000000', 'validated', { actor: 'worker' })).rejects.toThrow(/no message/);
  });

  it('creates a record with its validation report, its first event and its documents', async () => {
    const report = { valid: true, fired: [], transaction: 'T01' };
    const m = await repo.create(
      { direction: 'outbound', kind: 'order', state: 'created' },
      { actor: 'punchout', reason: 'made', validation: report, documents: [{ role: 'order', sha256: 'a'.repeat(64), mediaType: 'application/xml', size: 3 }] },
    );
    expect((await repo.get(m.id)).validation).toEqual(report);
    expect((await repo.timeline(m.id)).map((e) => [e.fromState, e.toState, e.actor, e.reason])).toEqual([[null, 'created', 'punchout', 'made']]);
    expect(await repo.documents(m.id)).toEqual([{ role: 'order', sha256: 'a'.repeat(64), mediaType: 'application/xml', size: 3 }]);
  });

  it('finds an inbound message by sending AP and AS4 MessageId, and refuses a second one', async () => {
    await repo.create({ direction: 'inbound', kind: 'cart', state: 'received', as4MessageId: 'x@y', sendingAp: 'PDK000002' }, { actor: 'as4' });
    expect(await repo.findInbound('PDK000002', 'x@y')).not.toBeNull();
    expect(await repo.findInbound('PDK000003', 'x@y')).toBeNull();
    await expect(
      repo.create({ direction: 'inbound', kind: 'cart', state: 'received', as4MessageId: 'x@y', sendingAp: 'PDK000002' }, { actor: 'as4' }),
    ).rejects.toThrow();
  });

  it('keeps a failure in the one shape, bounded, and clears it when the message leaves failed', async () => {
    const m = await repo.create({ direction: 'inbound', kind: 'cart', state: 'validated' }, { actor: 'as4' });
    const failed = await repo.transition(m.id, 'failed', {
      actor: 'worker',
      patch: { failure: { stage: 'approval', code: 'too-many-lines', message: 'x'.repeat(5_000), attempt: 0 } },
    });
    expect(failed.failure).toEqual({ stage: 'approval', code: 'too-many-lines', message: 'x'.repeat(4_096) });
    expect((await repo.get(m.id)).failure).toEqual(failed.failure);
    expect((await repo.transition(m.id, 'validated', { actor: 'operator', from: ['failed'] })).failure).toBeNull();
  });

  it('applies a patch with a transition or alone: columns set, ids fixed once, attributes merged, no event without a transition', async () => {
    const m = await repo.create({ direction: 'outbound', kind: 'order', state: 'created', attributes: { orderNumber: 'PO-1' } }, { actor: 'punchout' });
    await repo.transition(m.id, 'sending', { actor: 'as4-send', patch: { as4MessageIdIfUnset: 'first@ap', attributes: { as4Send: { generation: 1 } } } });
    await repo.update(m.id, { as4MessageIdIfUnset: 'second@ap', conversationIdIfUnset: 'conv-1', sbdhInstanceId: 'sbdh-1' });
    await repo.update(m.id, { conversationIdIfUnset: 'conv-2', attributes: { as4Send: { generation: 2 } } });
    const sent = await repo.transition(m.id, 'sent', { actor: 'as4-send', patch: { signalSha256: 'b'.repeat(64), sendingAp: 'POP000001', receivingAp: 'PDK000002' } });
    expect(sent).toMatchObject({
      as4MessageId: 'first@ap',
      conversationId: 'conv-1',
      sbdhInstanceId: 'sbdh-1',
      signalSha256: 'b'.repeat(64),
      sendingAp: 'POP000001',
      receivingAp: 'PDK000002',
      attributes: { orderNumber: 'PO-1', as4Send: { generation: 2 } },
    });
    expect((await repo.timeline(m.id)).map((e) => e.toState)).toEqual(['created', 'sending', 'sent']);
  });

  it('builds a creation that skips an inbound duplicate, as one statement with its event and documents', async () => {
    const message = { direction: 'inbound', kind: 'cart', state: 'received', as4MessageId: 'dup@ap', sendingAp: 'PDK000002' } as const;
    const documents = [
      { role: 'received-raw', sha256: 'c'.repeat(64), mediaType: 'multipart/related', size: 10 },
      { role: 'sbd', sha256: 'd'.repeat(64), mediaType: 'application/xml', size: 5 },
    ];
    const run = async () => {
      const { ctes, params } = repo.creationStatement(message, { id: randomUUID(), actor: 'as4', reason: 'received', documents, skipInboundDuplicate: true });
      return t.db.query<{ id: string }>(`WITH ${ctes} SELECT id FROM created`, params);
    };
    const [first] = await run();
    expect(await run()).toEqual([]);
    expect(await repo.documents(first!.id)).toEqual(expect.arrayContaining(documents));
    expect((await repo.timeline(first!.id)).map((e) => [e.toState, e.actor, e.reason])).toEqual([['received', 'as4', 'received']]);
  });

  it('answers the queries other modules need: pending pages, waiting ids, counts, search, lock', async () => {
    const old = await repo.create({ direction: 'inbound', kind: 'cart', state: 'received', as4MessageId: 'find-me@ap', attributes: { transaction: 'T77' } }, { actor: 'as4' });
    const waiting = await repo.create({ direction: 'inbound', kind: 'cart', state: 'awaiting-approval' }, { actor: 'as4' });
    const order = await repo.create({ direction: 'outbound', kind: 'order', state: 'created' }, { actor: 'punchout' });
    await repo.setAttributes(old.id, { reconciler: { requeues: 2, at: new Date().toISOString() } });

    const later = new Date(Date.now() + 60_000);
    const first = await repo.pendingPage(['received', 'created'], later, null, 1);
    expect(first).toHaveLength(1);
    const second = await repo.pendingPage(['received', 'created'], later, first[0]!.cursor, 10);
    expect([...first, ...second].map((r) => r.id).sort()).toEqual([old.id, order.id].sort());
    expect([...first, ...second].find((r) => r.id === old.id)).toMatchObject({ kind: 'cart', state: 'received', transaction: 'T77', requeues: 2 });

    expect(await repo.idsInState('awaiting-approval', { limit: 10 })).toEqual([waiting.id]);
    expect(await repo.countByDirectionAndState()).toEqual(
      expect.arrayContaining([
        { direction: 'inbound', state: 'received', count: 1 },
        { direction: 'inbound', state: 'awaiting-approval', count: 1 },
        { direction: 'outbound', state: 'created', count: 1 },
      ]),
    );

    expect((await repo.search({ q: 'find-me', limit: 10 })).map((r) => r.record.id)).toEqual([old.id]);
    expect((await repo.search({ q: '%', limit: 10 })).map((r) => r.record.id)).toEqual([]);
    const page = await repo.search({ kind: 'cart', limit: 1 });
    expect(page).toHaveLength(2);
    const rest = await repo.search({ kind: 'cart', limit: 1, after: { at: page[0]!.createdAt, id: page[0]!.record.id } });
    expect([page[0]!.record.id, rest[0]!.record.id].sort()).toEqual([old.id, waiting.id].sort());

    expect(await t.db.transaction(async (tx) => (await repo.lock(waiting.id, tx))?.state)).toBe('awaiting-approval');
  });
});
