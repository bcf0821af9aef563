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
    await repo.transition(m.id, 'awaiting-approval', { actor: 'worker', patch: { attributes: { total: '10.00' } } });
    const timeline = await repo.timeline(m.id);
    expect(timeline.map((e) => [e.fromState, e.toState, e.actor])).toEqual([
      [null, 'received', 'as4'],
      ['received', 'validated', 'worker'],
      ['validated', 'awaiting-approval', 'worker'],
    ]);
    expect((await repo.get(m.id)).attributes).toEqual({ total: '10.00' });
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
});
