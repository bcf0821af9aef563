import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAs } from '../../src/messages/message-repository.js';
import { jobIdFor, QUEUES } from '../../src/queue/queues.js';
import type { StoredReport } from '../../src/workflows/shared/stored-report.js';
import { DOCUMENT_ROLE } from '../../src/workflows/shared/workflow-documents.js';
import type { Validator } from '../../src/validation/validator.js';
import { createValidator, expectValid } from '../punchout/validator-support.js';
import { BUYER, createHarness, exampleCart, hasExamples, NO_EXAMPLES, OTHER_SELLER, SELLER, type Harness } from './support/harness.js';

/**
 * Carts through real worker processes (built code), real PostgreSQL and Redis: received as the AS4
 * receiver stores them, validated, approved by policy or by a person, made into orders. Every
 * order is checked here with the official T01 rules.
 */
describe.skipIf(!hasExamples)('punch-out carts become orders', () => {
  let h: Harness;
  let validator: Validator;

  beforeAll(async () => {
    h = await createHarness();
    validator = createValidator();
    await Promise.all([h.startWorker(), validator.start()]);
  });
  afterAll(async () => {
    await validator?.close();
    await h?.close();
  });

  async function orderOf(cartMessageId: string) {
    const cart = recordAs(await h.messages.get(cartMessageId), 'cart');
    const orderMessageId = cart.attributes.orderMessageId as string;
    const order = recordAs(await h.messages.get(orderMessageId), 'order');
    const xml = await h.documentText(orderMessageId, DOCUMENT_ROLE.order);
    expectValid(await validator.validate(xml), 'T01');
    return { cart, order, xml };
  }

  it('a valid cart from an allow-listed seller is approved automatically and becomes one valid order', async () => {
    const id = await h.receive({ document: exampleCart(), transaction: 'T77' });
    await h.waitForState(id, ['order-created']);
    const { cart, order, xml } = await orderOf(id);
    expect(order).toMatchObject({ direction: 'outbound', kind: 'order', state: expect.any(String), relatedMessageId: id, senderId: BUYER, receiverId: SELLER });
    expect(order.attributes.orderNumber).toMatch(/^PO-\d{6}$/);
    expect(xml).toContain(`<cbc:ID>${order.attributes.orderNumber as string}</cbc:ID>`);
    expect(xml).toMatch(/<cac:QuotationDocumentReference>\s*<cbc:ID>1387<\/cbc:ID>/);
    expect((cart.validation as StoredReport).valid).toBe(true);
    // State changes (the MLS decision for the sender's access point is an entry without one).
    const states = (await h.messages.timeline(id)).filter((e) => e.fromState !== e.toState).map((e) => e.toState);
    expect(states).toEqual(['received', 'validated', 'approved', 'order-created']);
    const approval = (await h.messages.timeline(id)).find((e) => e.toState === 'approved')!;
    expect(approval.actor).toBe('system:approval-policy');
    expect(approval.reason).toMatch(/auto-approved .*seller 0192:987654325 is on the allow-list/);
    // Handed straight to delivery in the same job: this harness gives the seller no route, so the
    // delivery flow records that there is no way to deliver it (and no job was left for it).
    const handedOver = await h.waitForState(order.id, ['delivery-failed']);
    expect(handedOver.failure).toMatchObject({ code: 'no-route', stage: 'delivery' });
    // Exactly one order for the cart.
    expect((await h.messages.related(id)).filter((m) => m.kind === 'order')).toHaveLength(1);
  });

  it('jobs run again for a finished cart change nothing', async () => {
    const id = await h.receive({ document: exampleCart({ id: 'CART-TWICE' }), transaction: 'T77' });
    await h.waitForState(id, ['order-created']);
    const before = await h.messages.timeline(id);
    for (const queue of [QUEUES.inbound, QUEUES.punchout] as const) {
      await h.queue.enqueue(queue, { messageId: id }, { jobId: jobIdFor(queue, id, 'again') });
    }
    const deadline = Date.now() + 20_000;
    for (const queue of [QUEUES.inbound, QUEUES.punchout] as const) {
      while ((await h.queue.queue(queue).getJob(jobIdFor(queue, id, 'again')))?.finishedOn === undefined) {
        if (Date.now() > deadline) throw new Error(`job on ${queue} did not finish`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    expect(await h.messages.timeline(id)).toEqual(before);
    expect((await h.messages.related(id)).filter((m) => m.kind === 'order')).toHaveLength(1);
  });

  it('a cart needing approval, approved with changes, gives an order with the changes and records who changed what', async () => {
    const id = await h.receive({ document: exampleCart({ seller: OTHER_SELLER, id: 'CART-CHANGES' }), transaction: 'T77', sender: OTHER_SELLER });
    await h.waitForState(id, ['awaiting-approval']);
    const pending = await h.approvals.listPending();
    expect(pending.map((p) => p.messageId)).toContain(id);
    expect(pending.find((p) => p.messageId === id)!.reasons.join(' ')).toMatch(/not on the allow-list/);

    await expect(h.approvals.approveWithChanges(id, [{ kind: 'set-quantity', lineId: '1', quantity: '-2' }], 'alice@buyer')).rejects.toThrow(/must not be negative/);
    await expect(h.approvals.approveWithChanges(id, [{ kind: 'remove', lineId: 'no-such-line' }], 'alice@buyer')).rejects.toThrow(/no such line/);
    await h.approvals.approveWithChanges(
      id,
      [
        { kind: 'set-quantity', lineId: '1', quantity: '12' },
        { kind: 'set-price', lineId: '2', price: '87.5' },
      ],
      'alice@buyer',
    );
    await h.waitForState(id, ['order-created']);
    const { xml } = await orderOf(id);
    expect(xml).toMatch(/<cac:LineItem>\s*<cbc:ID>1<\/cbc:ID>\s*<cbc:Quantity unitCode="C62">12<\/cbc:Quantity>/);
    expect(xml).toContain('<cbc:PriceAmount currencyID="EUR">87.5</cbc:PriceAmount>');
    const changed = (await h.messages.timeline(id)).find((e) => e.toState === 'changed')!;
    expect(changed.actor).toBe('alice@buyer');
    expect(changed.reason).toMatch(/quantity 1 C62 → 12 C62/);
    expect(changed.reason).toMatch(/price .* → 87.5 EUR/);
    expect(changed.data).toMatchObject({ changes: [{ lineId: '1' }, { lineId: '2' }] });
    // A decided cart cannot be decided again.
    await expect(h.approvals.reject(id, 'too late', 'bob@buyer')).rejects.toThrow(/not awaiting approval/);
  });

  it('a cart the buyer rejects stays rejected, with the reason and no order', async () => {
    const id = await h.receive({ document: exampleCart({ seller: OTHER_SELLER, id: 'CART-REJECT' }), transaction: 'T77', sender: OTHER_SELLER });
    await h.waitForState(id, ['awaiting-approval']);
    await expect(h.approvals.reject(id, '  ', 'bob@buyer')).rejects.toThrow(/reason/);
    await h.approvals.reject(id, 'not in this budget year', 'bob@buyer');
    const cart = recordAs(await h.waitForState(id, ['rejected']), 'cart');
    const last = (await h.messages.timeline(id)).at(-1)!;
    expect(last).toMatchObject({ toState: 'rejected', actor: 'bob@buyer', reason: 'rejected: not in this budget year' });
    expect(cart.attributes.orderMessageId).toBeUndefined();
    expect((await h.messages.related(id)).filter((m) => m.kind === 'order')).toHaveLength(0);
    expect((await h.approvals.listPending()).map((p) => p.messageId)).not.toContain(id);
  });

  it('an invalid cart is rejected with its validation report', async () => {
    const negativePrice = exampleCart({ id: 'CART-NEGATIVE-PRICE', mutate: (xml) => xml.replace('<cbc:PriceAmount currencyID="EUR">10.00</cbc:PriceAmount>', '<cbc:PriceAmount currencyID="EUR">-10.00</cbc:PriceAmount>') });
    const id = await h.receive({ document: negativePrice, transaction: 'T77' });
    const cart = await h.waitForState(id, ['rejected']);
    const report = cart.validation as StoredReport;
    expect(report.valid).toBe(false);
    expect(report.transaction).toBe('T77');
    expect(report.fired.filter((r) => r.flag === 'fatal').map((r) => r.id)).toContain('PEPPOL-T77-R003');
    // The last state change (the MLS decision for the sender's access point follows it without one).
    const rejection = (await h.messages.timeline(id)).filter((e) => e.fromState !== e.toState).at(-1)!;
    expect(rejection.reason).toMatch(/^invalid: \d+ fatal \(.*PEPPOL-T77-R003/);
    expect((await h.messages.related(id)).filter((m) => m.kind === 'order')).toHaveLength(0);
  });

  it('a document that is not what its envelope says is rejected', async () => {
    const id = await h.receive({ document: exampleCart({ id: 'CART-AS-CATALOGUE' }), transaction: 'T19' });
    const message = await h.waitForState(id, ['rejected']);
    expect((message.validation as StoredReport).fired.map((r) => r.id)).toContain('SBDH-DOCUMENT-TYPE');
  });

  it('a message whose work cannot succeed moves to failed with the reason', async () => {
    const broken = await h.messages.create(
      { direction: 'inbound', kind: 'cart', state: 'received', senderId: SELLER, receiverId: BUYER },
      { actor: 'test', reason: 'stored without its SBD' },
    );
    await h.queue.enqueue(QUEUES.inbound, { messageId: broken.id }, { jobId: jobIdFor(QUEUES.inbound, broken.id) });
    const failed = await h.waitForState(broken.id, ['failed']);
    expect(failed.failure).toEqual({ stage: 'validation', code: 'unprocessable', message: `message ${broken.id} has no sbd document`, attempt: 1 });
    expect((await h.messages.timeline(broken.id)).at(-1)).toMatchObject({ fromState: 'received', toState: 'failed', actor: 'system:worker' });
  });

  it('order numbers come from the buyer series without gaps or repeats', async () => {
    const ids = await Promise.all([1, 2, 3].map((n) => h.receive({ document: exampleCart({ id: `CART-SERIES-${n}` }), transaction: 'T77' })));
    const numbers: string[] = [];
    for (const id of ids) {
      await h.waitForState(id, ['order-created']);
      numbers.push(recordAs(await h.messages.get(id), 'cart').attributes.orderNumber as string);
    }
    const all = (await h.db.query<{ n: string }>(`SELECT attributes->>'orderNumber' AS n FROM messages WHERE kind = 'order'`)).map((r) => r.n);
    expect(new Set(all).size).toBe(all.length);
    const sorted = all.map((n) => Number(n.slice(3))).sort((a, b) => a - b);
    expect(sorted).toEqual(sorted.map((_, i) => i + 1));
    expect(numbers.every((n) => all.includes(n))).toBe(true);
  });
});

if (!hasExamples) console.warn(NO_EXAMPLES);
