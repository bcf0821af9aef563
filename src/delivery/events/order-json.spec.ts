import { describe, expect, it } from 'vitest';
import { parseBuyerConfig } from '../../punchout/buyer-config.js';
import { convertCartDocument } from '../../punchout/convert-cart.js';
import { buildCartXml, sampleCart } from '../../demo/sample-cart.js';
import { XmlParseError } from '../../ubl/safe-parse.js';
import { buildWebhookEvent, WEBHOOK_SCHEMA_VERSION } from '../webhook/events.js';
import { EXAMPLE_ORDER_UBL, webhookExamples } from '../webhook/examples.js';
import { OrderJsonError, orderJsonFromUbl } from './order-json.js';

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
