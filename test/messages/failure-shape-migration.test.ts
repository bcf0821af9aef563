import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { Clock } from '../../src/common/clock.js';
import { migrations } from '../../src/database/migrations/index.js';
import { migrate } from '../../src/database/migrator.js';
import { MessageRepository } from '../../src/messages/message-repository.js';
import { createEmbeddedTestDatabase, createPostgresTestDatabase, type TestDatabase } from '../support/databases.js';

/** Failures as the releases before the one failure shape stored them, with what they read as now. */
const STORED_BEFORE = [
  {
    name: 'a workflow failure (stage, reason, attempt)',
    row: { kind: 'cart', direction: 'inbound', state: 'failed', failure: { stage: 'approval', reason: 'line 2: no price', attempt: 3 } },
    reads: { stage: 'approval', code: 'failed', message: 'line 2: no price', attempt: 3 },
  },
  {
    name: 'a workflow failure without an attempt',
    row: { kind: 'cart', direction: 'inbound', state: 'failed', failure: { stage: 'conversion', reason: 'no order number: series exhausted', attempt: null } },
    reads: { stage: 'conversion', code: 'failed', message: 'no order number: series exhausted' },
  },
  {
    name: 'a reconciler failure (the stuck state as stage, requeues)',
    row: { kind: 'cart', direction: 'inbound', state: 'failed', failure: { stage: 'validated', reason: 'work did not progress after repeated re-queues', requeues: 5 } },
    reads: { stage: 'approval', code: 'stalled', message: 'work did not progress after repeated re-queues' },
  },
  {
    name: 'a reconciler failure of a received message',
    row: { kind: 'catalogue', direction: 'inbound', state: 'failed', failure: { stage: 'received', reason: 'work did not progress after repeated re-queues', requeues: 5 } },
    reads: { stage: 'validation', code: 'stalled', message: 'work did not progress after repeated re-queues' },
  },
  {
    name: 'a send failure (code, message, no stage)',
    row: { kind: 'order', direction: 'outbound', state: 'send-failed', failure: { code: 'EBMS:0004', message: 'PEPPOL:NOT_SERVICED' } },
    reads: { stage: 'sending', code: 'EBMS:0004', message: 'PEPPOL:NOT_SERVICED' },
  },
  {
    name: 'a delivery failure without a stage',
    row: { kind: 'order', direction: 'outbound', state: 'delivery-failed', failure: { code: 'delivery-failed', message: '1 of 1 webhook deliveries failed' } },
    reads: { stage: 'delivery', code: 'delivery-failed', message: '1 of 1 webhook deliveries failed' },
  },
  {
    name: 'a failure already in the one shape',
    row: { kind: 'order', direction: 'outbound', state: 'delivery-failed', failure: { code: 'no-route', message: 'no enabled route', stage: 'delivery' } },
    reads: { stage: 'delivery', code: 'no-route', message: 'no enabled route' },
  },
] as const;

describe.each([
  { name: 'postgres', create: createPostgresTestDatabase },
  { name: 'embedded', create: createEmbeddedTestDatabase },
])('stored failures after migration 7 on $name', ({ create }) => {
  let t: TestDatabase | undefined;
  afterEach(async () => {
    await t?.drop();
    t = undefined;
  });

  it('reads every shape stored before in the one shape', async () => {
    t = await create(migrations.filter((m) => m.version < 7));
    const ids = new Map<string, string>();
    for (const { name, row } of STORED_BEFORE) {
      const id = randomUUID();
      ids.set(name, id);
      await t.db.query(`INSERT INTO messages (id, direction, kind, state, failure) VALUES ($1, $2, $3, $4, $5::jsonb)`, [
        id, row.direction, row.kind, row.state, JSON.stringify(row.failure),
      ]);
    }
    expect(await migrate(t.db)).toContain(7);
    const repo = new MessageRepository(t.db, new Clock());
    for (const { name, reads } of STORED_BEFORE) {
      const id = ids.get(name)!;
      // Rewritten in the database, not only read so.
      const [stored] = await t.db.query<{ failure: unknown }>(`SELECT failure FROM messages WHERE id = $1`, [id]);
      expect(stored!.failure, name).toEqual(reads);
      expect((await repo.get(id)).failure, name).toEqual(reads);
    }
  });
});
