import { describe, expect, it } from 'vitest';
import { MESSAGE_KINDS, type MessageKind } from '../messages/message-kinds.js';
import { MESSAGE_STATES } from '../messages/message-states.js';
import { decideRetention, inFlight, ownKeepReason, relatedGroups, reportingWindowEnd, retentionCutoff, SETTLED_STATES, type RetentionDays, type RetentionFacts } from './retention-rule.js';
import { retentionConfig, retentionVariable } from './retention.config.js';

const NOW = new Date('2026-12-20T12:00:00Z');
const DAYS: RetentionDays = { cart: 30, catalogue: 30, 'catalogue-response': 30, order: 30, 'order-response': 30, 'message-status': 10, other: 0 };
const OLD = new Date('2026-10-01T00:00:00Z');

let n = 0;
function msg(over: Partial<RetentionFacts> = {}): RetentionFacts {
  n++;
  return {
    id: `m${n}`,
    kind: 'order',
    direction: 'outbound',
    state: 'sent',
    transaction: null,
    relatedMessageId: null,
    updatedAt: OLD,
    pendingDeliveries: false,
    catalogueInUse: false,
    reportOfRecord: false,
    reportedExchangeAt: null,
    ...over,
  };
}

describe('retention rule', () => {
  it('a settled message of a kind with a retention goes once its last change is older than the retention', () => {
    expect(ownKeepReason(msg(), DAYS, NOW)).toBeNull();
    expect(ownKeepReason(msg({ updatedAt: new Date('2026-12-01T00:00:00Z') }), DAYS, NOW)).toBe('within-retention');
    // exactly at the cutoff: still kept
    expect(ownKeepReason(msg({ updatedAt: retentionCutoff('order', DAYS, NOW)! }), DAYS, NOW)).toBe('within-retention');
  });

  it('0 days keeps a kind forever', () => {
    expect(retentionCutoff('other', DAYS, NOW)).toBeNull();
    expect(ownKeepReason(msg({ kind: 'other' }), DAYS, NOW)).toBe('kept-forever');
  });

  it('never a message in flight, whatever its age', () => {
    const settled = MESSAGE_STATES.filter((s) => SETTLED_STATES.has(s));
    const flying = MESSAGE_STATES.filter((s) => !SETTLED_STATES.has(s));
    expect(flying.sort()).toEqual(['approved', 'awaiting-approval', 'changed', 'created', 'delivering', 'received', 'sending']);
    for (const state of flying) expect(ownKeepReason(msg({ state }), DAYS, NOW)).toBe('in-flight');
    for (const state of settled) expect(ownKeepReason(msg({ state }), DAYS, NOW)).toBeNull();
    const at = (m: Partial<RetentionFacts>) => inFlight({ id: 'x', relatedMessageId: null, transaction: null, ...m } as RetentionFacts);
    // a job is still owed: a validated cart or catalogue, a rejected catalogue's response
    expect(at({ state: 'validated', kind: 'cart', direction: 'inbound' })).toBe(true);
    expect(at({ state: 'validated', kind: 'other', direction: 'inbound', transaction: 'T77' })).toBe(true);
    expect(at({ state: 'validated', kind: 'catalogue', direction: 'inbound' })).toBe(true);
    expect(at({ state: 'rejected', kind: 'catalogue', direction: 'inbound' })).toBe(true);
    expect(at({ state: 'rejected', kind: 'order', direction: 'inbound' })).toBe(false);
    // at rest: a received document left for its back end to fetch, an applied MLS
    expect(at({ state: 'validated', kind: 'order', direction: 'inbound', transaction: 'T01' })).toBe(false);
    expect(at({ state: 'validated', kind: 'message-status', direction: 'inbound', transaction: 'MLS' })).toBe(false);
  });

  it('keeps a message whose row another transaction holds, and its group', () => {
    const cart = msg({ kind: 'cart', id: 'c9', direction: 'inbound', state: 'order-created' });
    const order = msg({ id: 'o9', relatedMessageId: 'c9', busy: true });
    const decided = decideRetention([cart, order], DAYS, NOW);
    expect(decided.purge).toEqual([]);
    expect(decided.kept.get('o9')).toBe('in-flight');
    expect(decided.kept.get('c9')).toBe('related-kept');
  });

  it('keeps a message with pending deliveries, an active catalogue, a report of record', () => {
    expect(ownKeepReason(msg({ pendingDeliveries: true }), DAYS, NOW)).toBe('pending-deliveries');
    expect(ownKeepReason(msg({ kind: 'catalogue', direction: 'inbound', state: 'catalogue-stored', catalogueInUse: true }), DAYS, NOW)).toBe('catalogue-in-use');
    expect(ownKeepReason(msg({ reportOfRecord: true, kind: 'order' }), DAYS, NOW)).toBe('report-of-record');
  });

  it("keeps a counted transmission until its month's reporting window closed (day 15 of the next month)", () => {
    expect(reportingWindowEnd(new Date('2026-11-30T23:59:59Z')).toISOString()).toBe('2026-12-16T00:00:00.000Z');
    expect(reportingWindowEnd(new Date('2026-12-01T00:00:00Z')).toISOString()).toBe('2027-01-16T00:00:00.000Z');
    const days: RetentionDays = { ...DAYS, order: 1 };
    const november = msg({ updatedAt: new Date('2026-11-30T10:00:00Z'), reportedExchangeAt: new Date('2026-11-30T10:00:00Z') });
    const december = msg({ updatedAt: new Date('2026-12-02T10:00:00Z'), reportedExchangeAt: new Date('2026-12-02T10:00:00Z') });
    expect(ownKeepReason(november, days, NOW)).toBeNull();
    expect(ownKeepReason(december, days, NOW)).toBe('reporting-window');
    expect(ownKeepReason(november, days, new Date('2026-12-15T23:59:59Z'))).toBe('reporting-window');
  });

  it('related messages form one group, through any number of links either way', () => {
    const cart = msg({ kind: 'cart', id: 'cart' });
    const order = msg({ id: 'order', relatedMessageId: 'cart' });
    const response = msg({ id: 'response', kind: 'order-response', relatedMessageId: 'order' });
    const alone = msg({ id: 'alone' });
    const groups = relatedGroups([response, alone, cart, order]).map((g) => [...g].sort());
    expect(groups).toEqual(expect.arrayContaining([['cart', 'order', 'response'], ['alone']]));
    expect(groups).toHaveLength(2);
  });

  it('a group goes whole, or stays whole when any member must stay (a cart whose order is in flight)', () => {
    const cart = msg({ kind: 'cart', id: 'c1', direction: 'inbound', state: 'order-created' });
    const order = msg({ id: 'o1', relatedMessageId: 'c1', state: 'delivering' });
    const old = msg({ id: 'x1' });
    const decided = decideRetention([cart, order, old], DAYS, NOW);
    expect(decided.purge).toEqual(['x1']);
    expect(decided.kept.get('c1')).toBe('related-kept');
    expect(decided.kept.get('o1')).toBe('in-flight');

    const settledOrder = { ...order, state: 'delivered' as const };
    expect(decideRetention([cart, settledOrder], DAYS, NOW).purge.sort()).toEqual(['c1', 'o1']);
    // the shorter retention of the MLS waits for the document it answers
    const mls = msg({ id: 's1', kind: 'message-status', relatedMessageId: 'c1' });
    const young = { ...cart, updatedAt: new Date('2026-12-10T00:00:00Z') };
    expect(decideRetention([young, mls], DAYS, NOW).kept.get('s1')).toBe('related-kept');
  });

  it('a message related to one not given is kept (its group could not be judged)', () => {
    const decided = decideRetention([msg({ id: 'o2', relatedMessageId: 'missing' })], DAYS, NOW);
    expect(decided.purge).toEqual([]);
    expect(decided.kept.get('o2')).toBe('related-kept');
  });
});

describe('retention configuration', () => {
  it('keeps everything unless set; one variable for every kind, each kind overridable', () => {
    const none = retentionConfig.load({});
    for (const kind of MESSAGE_KINDS) expect(none.daysByKind[kind]).toBe(0);
    for (const kind of MESSAGE_KINDS) expect(Object.keys(retentionConfig.env)).toContain(retentionVariable(kind));
    const set = retentionConfig.load({ RETENTION_DAYS: '90', RETENTION_DAYS_MESSAGE_STATUS: '30', RETENTION_DAYS_CATALOGUE: '0', RETENTION_DAYS_CART: '' });
    const expected: Record<MessageKind, number> = { cart: 90, catalogue: 0, 'catalogue-response': 90, order: 90, 'order-response': 90, 'message-status': 30, other: 90 };
    expect(set.daysByKind).toEqual(expected);
    expect(() => retentionConfig.load({ RETENTION_DAYS: '-1' })).toThrow(/RETENTION_DAYS/);
    expect(() => retentionConfig.load({ RETENTION_BATCH_SIZE: '1000' })).toThrow(/RETENTION_BATCH_SIZE/);
  });
});
