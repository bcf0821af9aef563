import { describe, expect, it } from 'vitest';
import { MESSAGE_STATES } from '../messages/message-states.js';
import { pendingJobOf, RECONCILED_STATES, type PendingMessage } from './pending-work.js';

const SOURCE = '4f1c2b7e-0000-4000-8000-000000000002';
const m = (over: Partial<PendingMessage>): PendingMessage => ({
  id: '4f1c2b7e-0000-4000-8000-000000000001',
  direction: 'inbound',
  kind: 'cart',
  state: 'received',
  transaction: null,
  relatedMessageId: null,
  ...over,
});

describe('pendingJobOf', () => {
  it('names the inbound job of a received message', () => {
    expect(pendingJobOf(m({}))).toEqual({ queue: 'inbound', payload: { messageId: m({}).id }, jobId: `inbound.run.${m({}).id}` });
  });

  it('routes validated carts to punch-out and catalogues (valid or not) to the catalogue flow, as the inbound router does', () => {
    expect(pendingJobOf(m({ state: 'validated', transaction: 'T77' }))?.queue).toBe('punchout');
    expect(pendingJobOf(m({ state: 'validated', kind: 'catalogue', transaction: 'T19' }))?.queue).toBe('catalogue');
    expect(pendingJobOf(m({ state: 'rejected', kind: 'catalogue', transaction: 'T19' }))?.queue).toBe('catalogue');
    expect(pendingJobOf(m({ state: 'rejected', transaction: 'T77' }))).toBeNull();
    expect(pendingJobOf(m({ state: 'validated', kind: 'order', transaction: 'T01' }))).toBeNull();
  });

  it('queues a decided cart for its order under the approval service\'s id', () => {
    expect(pendingJobOf(m({ state: 'approved', transaction: 'T77' }))?.jobId).toBe(`punchout.order.${m({}).id}`);
    expect(pendingJobOf(m({ state: 'changed', transaction: 'T77' }))?.jobId).toBe(`punchout.order.${m({}).id}`);
  });

  it('runs the job that made a produced order or catalogue response again, for its source, which hands the document over', () => {
    const order = pendingJobOf(m({ state: 'created', kind: 'order', direction: 'outbound', relatedMessageId: SOURCE }));
    expect(order).toEqual({ queue: 'punchout', payload: { messageId: SOURCE }, jobId: `punchout.order.${SOURCE}` });
    const response = pendingJobOf(m({ state: 'created', kind: 'catalogue-response', direction: 'outbound', relatedMessageId: SOURCE }));
    expect(response).toEqual({ queue: 'catalogue', payload: { messageId: SOURCE }, jobId: `catalogue.run.${SOURCE}` });
    // Without its source nothing can hand it over again.
    expect(pendingJobOf(m({ state: 'created', kind: 'order', direction: 'outbound' }))).toBeNull();
  });

  it('names no job where a person decides or the state is final, and only ever for the states the reconciler reads', () => {
    for (const state of MESSAGE_STATES) {
      for (const kind of ['cart', 'catalogue', 'order', 'catalogue-response', 'other']) {
        const job = pendingJobOf(m({ state, kind, transaction: kind === 'cart' ? 'T77' : null, relatedMessageId: SOURCE }));
        if (job) expect(RECONCILED_STATES).toContain(state);
      }
    }
    expect(pendingJobOf(m({ state: 'awaiting-approval', transaction: 'T77' }))).toBeNull();
    expect(pendingJobOf(m({ state: 'delivered', kind: 'order' }))).toBeNull();
  });
});
