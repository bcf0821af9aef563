import { describe, expect, it } from 'vitest';
import { boundedFailure, failureFromStored, presumedStage, type FailureContext } from './message-failure.js';

const inboundCart: FailureContext = { direction: 'inbound', kind: 'cart', state: 'failed', validation: null };

describe('presumedStage', () => {
  it('takes the stage from the state where it says so', () => {
    expect(presumedStage({ ...inboundCart, direction: 'outbound', kind: 'order', state: 'send-failed' })).toBe('sending');
    expect(presumedStage({ ...inboundCart, direction: 'outbound', kind: 'order', state: 'delivery-failed' })).toBe('delivery');
  });

  it('takes validation for an invalid document, conversion for other received ones, sending for ours', () => {
    expect(presumedStage({ ...inboundCart, validation: { valid: false } })).toBe('validation');
    expect(presumedStage({ ...inboundCart, validation: { valid: true } })).toBe('conversion');
    expect(presumedStage({ ...inboundCart, direction: 'outbound', kind: 'catalogue-response' })).toBe('sending');
  });
});

describe('failureFromStored', () => {
  it('reads a failure in the one shape as it is', () => {
    const failure = { stage: 'approval', code: 'too-many-lines', message: 'cart has 2 lines', attempt: 2 };
    expect(failureFromStored(failure, inboundCart)).toEqual(failure);
  });

  it('reads nothing stored, or no object, as no failure', () => {
    expect(failureFromStored(null, inboundCart)).toBeNull();
    expect(failureFromStored(undefined, inboundCart)).toBeNull();
    expect(failureFromStored('boom', inboundCart)).toBeNull();
    expect(failureFromStored(['boom'], inboundCart)).toBeNull();
  });

  it('reads the old workflow shape: reason as message, a code that says nothing more', () => {
    expect(failureFromStored({ stage: 'conversion', reason: 'no order number', attempt: null }, inboundCart)).toEqual({
      stage: 'conversion',
      code: 'failed',
      message: 'no order number',
    });
  });

  it('presumes the stage of a failure without a known one', () => {
    const send = { direction: 'outbound', kind: 'order', state: 'send-failed', validation: null } as const;
    expect(failureFromStored({ code: 'EBMS:0004', message: 'not serviced' }, send)).toEqual({ stage: 'sending', code: 'EBMS:0004', message: 'not serviced' });
    expect(failureFromStored({ stage: 'validated', reason: 'stuck' }, inboundCart)).toMatchObject({ stage: 'conversion', message: 'stuck' });
  });

  it('keeps an attempt only when it is a positive whole number', () => {
    const base = { stage: 'validation', code: 'retries-exhausted', message: 'down' };
    expect(failureFromStored({ ...base, attempt: 3 }, inboundCart)).toHaveProperty('attempt', 3);
    expect(failureFromStored({ ...base, attempt: 0 }, inboundCart)).not.toHaveProperty('attempt');
    expect(failureFromStored({ ...base, attempt: 1.5 }, inboundCart)).not.toHaveProperty('attempt');
    expect(failureFromStored({ ...base, attempt: '3' }, inboundCart)).not.toHaveProperty('attempt');
  });
});

describe('boundedFailure', () => {
  it('bounds code and message, and never leaves either empty', () => {
    const bounded = boundedFailure({ stage: 'delivery', code: 'c'.repeat(100), message: 'm'.repeat(5_000) });
    expect(bounded.code).toHaveLength(64);
    expect(bounded.message).toHaveLength(4_096);
    expect(boundedFailure({ stage: 'delivery', code: '', message: '' })).toEqual({ stage: 'delivery', code: 'failed', message: 'failed' });
  });
});
