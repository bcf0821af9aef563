import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBuyerConfig, type BuyerConfigInput } from '../../src/punchout/buyer-config.js';
import { parseCart } from '../../src/punchout/cart.js';
import { cartToOrder, type CartToOrderOptions } from '../../src/punchout/cart-to-order.js';
import { buildCartXml, sampleCart, type SampleCart } from '../../src/demo/sample-cart.js';
import type { Validator } from '../../src/validation/validator.js';
import { createValidator, examplesDir, expectValid, hasExamples, NO_EXAMPLES, warnings } from './validator-support.js';

/**
 * Every order produced here is checked with the product's validator: UBL 2.1 schema plus the
 * official OpenPeppol T01 rules. The carts are checked against T77 first, so a valid cart in
 * always has to give a valid order out.
 */
const minimalConfig: BuyerConfigInput = { sellerFallback: { countryCode: 'NO' } };

const richConfig: BuyerConfigInput = {
  process: 'ordering',
  orderTypeCode: '220',
  note: 'Deliver between 8 and 16',
  accountingCost: 'Project-7',
  validityDays: 14,
  buyer: {
    partyName: 'DEF Trading',
    postalAddress: { streetName: 'Sinsenveien 40', cityName: 'Oslo', postalZone: '0501', countryCode: 'NO' },
    vatId: 'NO931186755MVA',
    companyId: { value: '123456785', schemeId: '0192' },
    contact: { name: 'Ole Olsen', telephone: '23055000', email: 'ole@example.com' },
  },
  originator: { name: 'Kari Requisitioner', partyId: { value: '7300010000001', schemeId: '0088' } },
  accountingCustomer: {
    postalAddress: { cityName: 'Oslo', countryCode: 'NO' },
    registrationName: 'DEF Customer Ltd.',
    vatId: 'NO931186755MVA',
  },
  delivery: {
    locationId: { value: '7300010000001', schemeId: '0088' },
    address: { streetName: 'Solheimsveien 10', cityName: 'Lørenskog', postalZone: '1473', addressLine: 'Gate 4', countryCode: 'NO' },
    requestedPeriod: { startDate: '2026-01-20', endDate: '2026-01-25' },
    party: { name: 'Goods reception', contact: { name: 'Per' } },
  },
  deliveryTerms: { id: 'FCA', specialTerms: 'Free carrier', locationId: 'Oslo' },
  paymentTermsNote: '30 days net',
  additionalDocuments: [{ id: 'Spec-1', documentType: 'Specification', uri: 'https://buyer.example.com/spec-1.pdf' }],
  allowanceCharges: [
    { chargeIndicator: true, reasonCode: 'FC', reason: 'Freight', amount: '49.00', taxCategory: { id: 'S', percent: '25' } },
    { chargeIndicator: false, reasonCode: '95', reason: 'Framework discount', amount: '12.35', taxCategory: { id: 'S', percent: '25' } },
  ],
  sellers: [{ ids: ['0192:987654325'], partyName: 'ABC Shop', postalAddress: { streetName: 'Storgt. 12', cityName: 'Oslo', countryCode: 'NO' }, contact: { email: 'orders@abc.example.com' } }],
};

const at: CartToOrderOptions = { orderId: 'PO-000001', issueDate: '2026-01-11', issueTime: '10:00:00' };

describe('orders made from carts are valid Peppol BIS orders (T01)', () => {
  let validator: Validator;
  beforeAll(async () => {
    validator = createValidator();
    await validator.start();
  });
  afterAll(() => validator?.close());

  async function orderFrom(cart: SampleCart, config: BuyerConfigInput, options: Partial<CartToOrderOptions> = {}) {
    const cartXml = buildCartXml(cart);
    expectValid(await validator.validate(cartXml), 'T77');
    const result = cartToOrder(parseCart(cartXml), parseBuyerConfig(config), { ...at, ...options });
    const report = await validator.validate(result.xml);
    expectValid(report, 'T01');
    return { ...result, report };
  }

  it.skipIf(!hasExamples)('the official Punch Out example gives a valid order, without warnings', async () => {
    if (!hasExamples) console.warn(NO_EXAMPLES);
    const cartXml = readFileSync(path.join(examplesDir, 'PunchOut_Example.xml'));
    expectValid(await validator.validate(cartXml), 'T77');
    const { xml } = cartToOrder(parseCart(cartXml), parseBuyerConfig(minimalConfig), { ...at, issueDate: '2016-08-02' });
    const report = await validator.validate(xml);
    expectValid(report, 'T01');
    expect(warnings(report)).toEqual([]);
  });

  it.skipIf(!hasExamples)('the official example approved with changes and a rich buyer configuration is valid', async () => {
    const cartXml = readFileSync(path.join(examplesDir, 'PunchOut_Example.xml'));
    const { xml, order } = cartToOrder(parseCart(cartXml), parseBuyerConfig(richConfig), {
      ...at,
      issueDate: '2016-08-02',
      changes: [
        { kind: 'set-quantity', lineId: '1', quantity: '12' },
        { kind: 'set-price', lineId: '2', price: '87.5' },
      ],
    });
    expect(order.totals.lineExtension).toBe('207.50');
    expectValid(await validator.validate(xml), 'T01');
  });

  it('a cart with only mandatory fields and configuration for the rest', async () => {
    const cart = sampleCart(0, {
      validUntil: undefined,
      provider: { endpoint: { schemeId: '0192', value: '987654325' }, name: 'ABC Supplier Ltd.' },
      receiver: { name: 'DEF Customer Ltd.' },
      lines: [{ id: 'A', name: 'Pencil', sellersId: 'P-1', price: '2', quantity: { value: '3', unitCode: 'C62' } }],
    });
    const { report } = await orderFrom(cart, { ...minimalConfig, buyer: { endpoint: { value: '123456785', schemeId: '0192' } }, buyerReference: 'REF-9' });
    expect(warnings(report)).toEqual([]);
  });

  it('a cart of 40 lines in several units with price base quantities other than 1', async () => {
    const { order } = await orderFrom(sampleCart(40), richConfig);
    expect(new Set(order.lines.map((line) => line.quantity.unitCode)).size).toBeGreaterThan(3);
    expect(order.lines.some((line) => line.price.baseQuantity && line.price.baseQuantity.value !== '1')).toBe(true);
  });

  it('a cart of 500 lines', async () => {
    const { order } = await orderFrom(sampleCart(500), minimalConfig);
    expect(order.lines).toHaveLength(500);
  });

  it('a cart approved with changed quantities and prices and removed lines', async () => {
    const { order, changeLog } = await orderFrom(sampleCart(12), richConfig, {
      changes: [
        { kind: 'set-quantity', lineId: '2', quantity: '17.5' },
        { kind: 'set-price', lineId: '3', price: '0.0049' },
        { kind: 'remove', lineId: '5' },
        { kind: 'remove', lineId: '12' },
      ],
    });
    expect(order.lines).toHaveLength(10);
    expect(changeLog).toHaveLength(4);
  });

  it('a complete cart with a configured product and its components', async () => {
    const cart = sampleCart(0, {
      completeCart: true,
      lines: [
        { id: '1', name: 'PC package', sellersId: 'PC01', price: '1000.00', quantity: { value: '1', unitCode: 'C62' } },
        { id: '2', name: 'Monitor', sellersId: 'MON21', price: '1100.00', quantity: { value: '1', unitCode: 'C62' }, properties: [{ name: 'PartOf', value: 'PC01' }] },
        { id: '3', name: 'Installation', sellersId: 'INST', price: '20.00', quantity: { value: '2', unitCode: 'HUR' }, properties: [{ name: 'ServiceIndicator', value: 'true' }] },
      ],
    });
    const { order } = await orderFrom(cart, minimalConfig);
    expect(order.lines.map((line) => line.id)).toEqual(['1', '3']);
  });

  it('the validator does catch a broken order (the checks above can fail)', async () => {
    const { xml } = cartToOrder(parseCart(buildCartXml(sampleCart(3))), parseBuyerConfig(minimalConfig), at);
    const broken = xml.replace(/(<cbc:PayableAmount currencyID="EUR">)[^<]+/, '$10.01');
    const report = await validator.validate(broken);
    expect(report.valid).toBe(false);
    expect(report.fired.map((rule) => rule.id)).toContain('PEPPOL-T01-R016');
  });
});
