import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAs } from '../../src/messages/message-repository.js';
import { createHarness, exampleCart, hasExamples, OTHER_SELLER, type Harness } from './support/harness.js';

/** Undecided carts are abandoned at their deadline: by the delayed timer, or by the sweep when the timer is gone. */
describe.skipIf(!hasExamples)('carts left undecided', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness({ WORKFLOW_APPROVAL_TIMEOUT_SECONDS: '2', WORKFLOW_SWEEP_INTERVAL_SECONDS: '1' });
    await h.startWorker();
  });
  afterAll(() => h?.close());

  it('become abandoned after the configured time, and cannot be approved afterwards', async () => {
    const id = await h.receive({ document: exampleCart({ seller: OTHER_SELLER, id: 'CART-ABANDON' }), transaction: 'T77', sender: OTHER_SELLER });
    const waiting = recordAs(await h.waitForState(id, ['awaiting-approval']), 'cart');
    const deadline = new Date(waiting.attributes.approvalDeadline as string);
    const abandoned = await h.waitForState(id, ['abandoned'], 20_000);
    expect(abandoned.updatedAt.getTime()).toBeGreaterThanOrEqual(deadline.getTime() - 1_000);
    const last = (await h.messages.timeline(id)).at(-1)!;
    expect(last).toMatchObject({ fromState: 'awaiting-approval', toState: 'abandoned', actor: 'system:approval-timeout' });
    await expect(h.approvals.approve(id, 'late@buyer')).rejects.toThrow(/is abandoned, not awaiting approval/);
    expect((await h.messages.related(id)).filter((m) => m.kind === 'order')).toHaveLength(0);
  });

  it('are abandoned by the sweep when their timer was lost', async () => {
    const id = await h.receive({ document: exampleCart({ seller: OTHER_SELLER, id: 'CART-LOST-TIMER' }), transaction: 'T77', sender: OTHER_SELLER });
    await h.waitForState(id, ['awaiting-approval']);
    const removed = await h.queue.removeJob('maintenance', `maintenance.abandon.${id}`);
    expect(removed).toBe(true);
    await h.waitForState(id, ['abandoned'], 20_000);
  });
});
