import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCartXml, sampleCart } from '../../src/demo/sample-cart.js';
import { buildOrderResponse, type OrderAnswer } from '../../src/ordering/order-response-builder.js';
import { readReceivedOrder } from '../../src/ordering/received-order.js';
import { PROCESSES } from '../../src/peppol/index.js';
import { parseBuyerConfig } from '../../src/punchout/buyer-config.js';
import { parseCart } from '../../src/punchout/cart.js';
import { cartToOrder } from '../../src/punchout/cart-to-order.js';
import { validationConfig } from '../../src/validation/validation.config.js';
import { Validator } from '../../src/validation/validator.js';
import { examplesDir, expectValid, hasExamples, NO_EXAMPLES } from '../punchout/validator-support.js';

/**
 * Every Order Response (T76) the builder makes here is checked with the product's validator: the
 * UBL 2.1 schema and the official OpenPeppol T76 rules. The orders it answers are valid T01s
 * (checked first): made from carts in many units and price bases, and the official examples.
 */
const HEADER = { id: 'OR-2026-1', issueDate: '2026-12-01', issueTime: '09:30:00' };

function answersFor(lineIds: string[]): Array<[string, OrderAnswer]> {
  const [first, second, third] = lineIds;
  const answers: Array<[string, OrderAnswer]> = [
    ['accepted', { code: 'accepted', note: 'Will ship tomorrow' }],
    ['accepted with every line accepted', { code: 'accepted', lines: lineIds.map((lineId) => ({ lineId, code: 'accepted' as const })) }],
    ['rejected with a reason', { code: 'rejected', note: 'We no longer sell these items' }],
    ['changed: one quantity', { code: 'changed', lines: [{ lineId: first!, code: 'changed', quantity: '1.5' }] }],
    ['changed: price, quantity and delivery date on one line', { code: 'changed', note: 'Price list of December', lines: [{ lineId: first!, code: 'changed', quantity: 7, price: '12.3456', deliveryDate: '2026-12-24' }] }],
  ];
  if (second) {
    answers.push(['changed: one line rejected, one changed', { code: 'changed', lines: [{ lineId: first!, code: 'rejected' }, { lineId: second, code: 'changed', price: '0' }] }]);
  }
  if (third) answers.push(['changed: the third line later', { code: 'changed', lines: [{ lineId: third, code: 'changed', deliveryDate: '2027-01-15' }] }]);
  return answers;
}

describe('order responses made by the builder are valid Peppol BIS T76 documents', () => {
  let validator: Validator;
  beforeAll(async () => {
    validator = new Validator({
      ...validationConfig.load({
        VALIDATION_POOL_SIZE: '0',
        VALIDATION_RULES_DIR: path.join(os.tmpdir(), 'peppol-ap-test-rules-ordering'),
        VALIDATION_CACHE_DIR: path.join(os.tmpdir(), 'peppol-ap-test-sef-cache'),
        VALIDATION_TRANSACTIONS: 'T77,T01,T76',
      }),
    });
    await validator.start();
  });
  afterAll(() => validator?.close());

  async function answerAll(orderXml: string | Buffer): Promise<number> {
    const order = readReceivedOrder(orderXml);
    let checked = 0;
    for (const [name, answer] of answersFor(order.lines.map((l) => l.id))) {
      const built = buildOrderResponse(order, answer, HEADER);
      const report = await validator.validate(built.xml);
      const fatal = report.fired.filter((r) => r.flag === 'fatal').map((r) => `${r.id} at ${r.location}: ${r.text}`);
      expect(fatal, `${order.id} ${name}`).toEqual([]);
      expect(report.transaction, name).toBe('T76');
      checked++;
    }
    return checked;
  }

  it('answers orders made from carts of many lines, units and price base quantities', async () => {
    const config = parseBuyerConfig({ process: 'ordering', sellerFallback: { countryCode: 'NO' } });
    let checked = 0;
    for (const lines of [1, 3, 25]) {
      const cartXml = buildCartXml(sampleCart(lines));
      const { xml, order } = cartToOrder(parseCart(cartXml), config, { orderId: `PO-${lines}`, issueDate: '2026-01-11' });
      expect(order.profileId).toBe(PROCESSES.ordering);
      expectValid(await validator.validate(xml), 'T01');
      checked += await answerAll(xml);
    }
    expect(checked).toBeGreaterThanOrEqual(19);
  });

  it.skipIf(!hasExamples)('answers the official order examples (as orders of process ordering:3)', async () => {
    if (!hasExamples) console.warn(NO_EXAMPLES);
    const files = [path.join(examplesDir, 'Order_Example.xml'), ...readdirSync(path.join(examplesDir, 'Order-use-cases')).map((f) => path.join(examplesDir, 'Order-use-cases', f))];
    let checked = 0;
    for (const file of files) {
      const xml = readFileSync(file, 'utf8').replace(/<cbc:ProfileID>[^<]*<\/cbc:ProfileID>/, `<cbc:ProfileID>${PROCESSES.ordering}</cbc:ProfileID>`);
      expectValid(await validator.validate(xml), 'T01');
      checked += await answerAll(xml);
    }
    expect(checked).toBeGreaterThan(30);
  });
});
