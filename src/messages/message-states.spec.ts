import { describe, expect, it } from 'vitest';
import { canTransition, MESSAGE_STATES, TRANSITIONS } from './message-states.js';

describe('message state machine', () => {
  it('follows the punch-out path of the issue', () => {
    const path = ['received', 'validated', 'awaiting-approval', 'approved', 'order-created'] as const;
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1]!, path[i]!)).toBe(true);
  });

  it('never leaves a final state', () => {
    for (const s of ['abandoned', 'delivered', 'sent', 'responded'] as const) expect(TRANSITIONS[s]).toEqual([]);
  });

  it('refuses skipping validation', () => {
    expect(canTransition('received', 'approved')).toBe(false);
    expect(canTransition('awaiting-approval', 'order-created')).toBe(false);
  });

  it('only names known states', () => {
    for (const targets of Object.values(TRANSITIONS)) for (const t of targets) expect(MESSAGE_STATES).toContain(t);
  });
});
