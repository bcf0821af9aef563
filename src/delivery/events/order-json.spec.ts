import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBuyerConfig, type BuyerConfigInput } from '../../punchout/buyer-config.js';
import { parseCart } from '../../punchout/cart.js';
import { cartToOrder } from '../../punchout/cart-to-order.js';
import { convertCartDocument } from '../../punchout/convert-cart.js';
import type { OrderModel } from '../../punchout/order-model.js';
import { buildCartXml, sampleCart } from '../../demo/sample-cart.js';
import { XmlParseError } from '../../ubl/safe-parse.js';
import { buildWebhookEvent, WEBHOOK_SCHEMA_VERSION } from '../webhook/events.js';
import { EXAMPLE_ORDER_UBL, webhookExamples } from '../webhook/examples.js';
import { OrderJsonError, orderJsonFromModel, orderJsonFromUbl } from './order-json.js';

const buyerConfig = parseBuyerConfig({
  sellerFallback: { countryCode: 'NO' },
  delivery: { address: { streetName: 'Storgata 1', cityName: 'Oslo', postalZone: '0155', countryCode: 'NO' } },
});

function producedOrder(lines: number) {
  return convertCartDocument(buildCartXml(sampleCart(lines)), buyerConfig, { orderId: 'PO-000042', issueDate: '2026-01-11', issueTime: '10:00:00' });
}

describe('orderJsonFromUbl', () => {
  it('reads the documented example order into the documented example JSON', () => {
    const { buyer, ...rest } = webhookExamples['order.created'].order;
    const json = orderJsonFromUbl(EXAMPLE_ORDER_UBL);
    expect(json).toMatchObject(rest);
    expect(json.buyer).toEqual({ endpointId: buyer.endpointId, registrationName: buyer.registrationName });
  });

  it('reads an order produced from a cart: every line, the parties, delivery and totals', () => {
    const { order, xml } = producedOrder(12);
    const json = orderJsonFromUbl(xml);
    expect(json).toMatchObject({ id: 'PO-000042', issueDate: '2026-01-11', currency: order.currency, quotationReference: 'CART-12' });
    expect(json.seller.endpointId).toEqual({ scheme: '0192', value: '987654325' });
    expect(json.buyer.endpointId).toEqual({ scheme: '0192', value: '123456785' });
    expect(json.delivery?.address).toMatchObject({ street: 'Storgata 1', city: 'Oslo', country: 'NO' });
    expect(json.lines.map((l) => [l.id, l.quantity, l.price.amount, l.item.sellersItemId])).toEqual(
      order.lines.map((l) => [l.id, l.quantity, l.price.amount, l.item.sellersId]),
    );
    expect(json.totals).toMatchObject({ lineExtensionAmount: order.totals.lineExtension, payableAmount: order.totals.payable });
    // and it is a valid webhook payload
    const event = buildWebhookEvent('order.created', { schemaVersion: WEBHOOK_SCHEMA_VERSION, messageId: 'm1', order: json, ublXml: xml }, new Date());
    expect(event.data.order.lines).toHaveLength(12);
  });

  it('refuses what is not an order, naming what is missing', () => {
    expect(() => orderJsonFromUbl(buildCartXml(sampleCart(1)))).toThrow(new OrderJsonError('not a UBL Order: root element is Catalogue'));
    const noSeller = EXAMPLE_ORDER_UBL.replace(/<cac:SellerSupplierParty>[\s\S]*<\/cac:SellerSupplierParty>/, '');
    expect(() => orderJsonFromUbl(noSeller)).toThrow(/cac:SellerSupplierParty\/cac:Party/);
    const noPayable = EXAMPLE_ORDER_UBL.replace(/<cbc:PayableAmount[^>]*>[^<]*<\/cbc:PayableAmount>/, '');
    expect(() => orderJsonFromUbl(noPayable)).toThrow(/PayableAmount/);
  });

  it('refuses a DOCTYPE before parsing', () => {
    const withDoctype = EXAMPLE_ORDER_UBL.replace('<Order ', '<!DOCTYPE Order [<!ENTITY x "y">]><Order ');
    expect(() => orderJsonFromUbl(withDoctype)).toThrow(XmlParseError);
  });
});

/** A buyer configuration that fills every optional part of the order the JSON carries. */
const richConfig: BuyerConfigInput = {
  process: 'ordering',
  note: '  Deliver to gate 4  ',
  accountingCost: 'CC-100',
  buyer: {
    partyName: 'DEF',
    vatId: 'NO931186755MVA',
    companyId: { value: '931186755', schemeId: '0192' },
    postalAddress: { streetName: 'Sinsenveien 40', additionalStreetName: 'Bygg B', addressLine: 'Port 3', cityName: 'Oslo', postalZone: '0501', countrySubentity: 'Oslo', countryCode: 'NO' },
    contact: { name: 'Ola', telephone: '+47 22 00 00 00', email: 'ola@def.example.com' },
  },
  sellers: [{ ids: ['0192:987654325'], partyName: 'ABC Supplier', postalAddress: { cityName: 'Bergen', countryCode: 'NO' }, contact: { email: 'orders@abc.example.com' } }],
  originator: { name: 'Kari Requisitioner' },
  delivery: {
    locationId: { value: '7080000000001', schemeId: '0088' },
    locationName: 'Main store',
    address: { streetName: 'Storgata 1', cityName: 'Oslo', postalZone: '0155', countryCode: 'NO' },
    requestedPeriod: { startDate: '2026-01-20', endDate: '2026-01-25' },
    party: { name: 'Goods reception', contact: { name: 'Per' } },
  },
  deliveryTerms: { id: 'FCA' },
  paymentTermsNote: '30 days net',
  allowanceCharges: [{ chargeIndicator: true, reasonCode: 'FC', reason: 'Freight', amount: '25.00', taxCategory: { id: 'S', percent: '25' } }],
  sellerFallback: { countryCode: 'NO' },
};

const at = { orderId: 'PO-000042', issueDate: '2026-01-11', issueTime: '10:00:00' };
const officialCart = path.resolve(process.cwd(), '../shared/conformance/examples/PunchOut_Example.xml');

describe('orderJsonFromModel', () => {
  it.each([
    ['a plain sample cart', () => cartToOrder(parseCart(buildCartXml(sampleCart(5))), buyerConfig, at)],
    ['a large sample cart with every line variant', () => cartToOrder(parseCart(buildCartXml(sampleCart(40, { contractId: 'CONTRACT-9' }))), parseBuyerConfig(richConfig), at)],
    ['a buyer configuration filling every optional part', () => cartToOrder(parseCart(buildCartXml(sampleCart(3))), parseBuyerConfig(richConfig), at)],
  ])('gives the same JSON as writing the order and reading it back: %s', (_name, make) => {
    const { order, xml } = make();
    expect(orderJsonFromModel(order)).toEqual(orderJsonFromUbl(xml));
  });

  it.skipIf(!existsSync(officialCart))('gives the same JSON for the official Punch Out example (skipped without ../shared)', () => {
    const xml = readFileSync(officialCart, 'latin1').replace('encoding="ISO-8859-1"', 'encoding="UTF-8"');
    const cart = parseCart(xml.replace(/<cbc:EndDate>\d{4}-\d{2}-\d{2}<\/cbc:EndDate>/g, '<cbc:EndDate>2099-12-31</cbc:EndDate>'));
    const result = cartToOrder(cart, parseBuyerConfig(richConfig), at);
    expect(orderJsonFromModel(result.order)).toEqual(orderJsonFromUbl(result.xml));
  });

  it('carries the optional parts the rich configuration fills', () => {
    const json = orderJsonFromModel(cartToOrder(parseCart(buildCartXml(sampleCart(3))), parseBuyerConfig(richConfig), at).order);
    expect(json.note).toBe('Deliver to gate 4');
    expect(json.buyer).toMatchObject({ name: 'DEF', vatId: 'NO931186755MVA', companyId: '931186755', contact: { telephone: '+47 22 00 00 00' } });
    expect(json.buyer.address).toMatchObject({ additionalStreet: 'Bygg B', addressLine: 'Port 3', countrySubentity: 'Oslo' });
    expect(json.delivery).toEqual({
      locationId: { id: '7080000000001', scheme: '0088' },
      address: { street: 'Storgata 1', city: 'Oslo', postalZone: '0155', country: 'NO' },
      partyName: 'Goods reception',
      requestedPeriod: { startDate: '2026-01-20', endDate: '2026-01-25' },
    });
    expect(json.totals).toMatchObject({ chargeTotalAmount: '25.00' });
  });

  it('refuses an order without what the webhook requires, naming it as the XML reader does', () => {
    const { order } = cartToOrder(parseCart(buildCartXml(sampleCart(2))), buyerConfig, at);
    const noScheme: OrderModel = { ...order, seller: { ...order.seller, endpoint: { value: '987654325' } } };
    expect(() => orderJsonFromModel(noScheme)).toThrow(new OrderJsonError('the order has no cac:SellerSupplierParty/cac:Party/cbc:EndpointID with its schemeID'));
    const blankName: OrderModel = { ...order, lines: [{ ...order.lines[0]!, item: { ...order.lines[0]!.item, name: ' ' } }] };
    expect(() => orderJsonFromModel(blankName)).toThrow(/cac:OrderLine\[1\]\/cac:LineItem\/cac:Item\/cbc:Name/);
  });
});
