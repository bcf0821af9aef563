import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { XmlParseError } from '../../ubl/safe-parse.js';
import { describeOrderResponse, lineOutcomes, OrderResponseReadError, readOrderResponse } from './order-response-json.js';

const EXAMPLES = path.resolve(process.cwd(), '../shared/conformance/examples');
const example = (name: string) => readFileSync(path.join(EXAMPLES, name));
const hasExamples = existsSync(path.join(EXAMPLES, 'OrderResponse_Example.xml'));

/** A T76 written for these specs: code, lines and parties as given. */
function t76(opts: { code?: string; orderNumber?: string; lines?: string; seller?: string } = {}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<OrderResponse xmlns="urn:oasis:names:specification:ubl:schema:xsd:OrderResponse-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>urn:fdc:peppol.eu:poacc:trns:order_response:3</cbc:CustomizationID>
  <cbc:ProfileID>urn:fdc:peppol.eu:poacc:bis:ordering:3</cbc:ProfileID>
  <cbc:ID>R-1</cbc:ID>
  <cbc:IssueDate>2026-12-07</cbc:IssueDate>
  <cbc:OrderResponseCode>${opts.code ?? 'AP'}</cbc:OrderResponseCode>
  <cbc:DocumentCurrencyCode>NOK</cbc:DocumentCurrencyCode>
  ${opts.orderNumber === '' ? '' : `<cac:OrderReference><cbc:ID>${opts.orderNumber ?? 'PO-000042'}</cbc:ID></cac:OrderReference>`}
  <cac:SellerSupplierParty><cac:Party>${opts.seller ?? '<cbc:EndpointID schemeID="0192">987654325</cbc:EndpointID>'}<cac:PartyLegalEntity><cbc:RegistrationName>ABC Supplier</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party></cac:SellerSupplierParty>
  <cac:BuyerCustomerParty><cac:Party><cbc:EndpointID schemeID="0192">123456785</cbc:EndpointID><cac:PartyName><cbc:Name>DEF</cbc:Name></cac:PartyName></cac:Party></cac:BuyerCustomerParty>
  ${opts.lines ?? ''}
</OrderResponse>`;
}

const line = (id: string, status: string, extra = '') =>
  `<cac:OrderLine><cac:LineItem><cbc:ID>${id}</cbc:ID><cbc:LineStatusCode>${status}</cbc:LineStatusCode>${extra}<cac:Item><cbc:Name>x</cbc:Name></cac:Item></cac:LineItem><cac:OrderLineReference><cbc:LineID>${id}</cbc:LineID></cac:OrderLineReference></cac:OrderLine>`;

describe('readOrderResponse', () => {
  it('reads an acceptance: order number, code, parties, no lines', () => {
    expect(readOrderResponse(t76())).toEqual({
      id: 'R-1',
      issueDate: '2026-12-07',
      orderNumber: 'PO-000042',
      code: 'accepted',
      responseCode: 'AP',
      currency: 'NOK',
      seller: { endpointId: { scheme: '0192', value: '987654325' }, name: 'ABC Supplier' },
      buyer: { endpointId: { scheme: '0192', value: '123456785' }, name: 'DEF' },
      lines: [],
    });
  });

  it.each([
    ['RE', 'rejected'],
    ['CA', 'changed'],
    ['AB', 'acknowledged'],
  ])('maps response code %s to %s', (code, outcome) => {
    expect(readOrderResponse(t76({ code })).code).toBe(outcome);
  });

  it('reads changed lines: new quantity, price and promised date, decimals as written', () => {
    const changed = line('2', '3', '<cbc:Quantity unitCode="EA">7.50</cbc:Quantity><cac:Delivery><cac:PromisedDeliveryPeriod><cbc:StartDate>2026-12-20</cbc:StartDate><cbc:EndDate>2026-12-22</cbc:EndDate></cac:PromisedDeliveryPeriod></cac:Delivery><cac:Price><cbc:PriceAmount currencyID="NOK">0.10</cbc:PriceAmount></cac:Price>');
    const response = readOrderResponse(t76({ code: 'CA', lines: line('1', '5') + changed + line('3', '7') }));
    expect(response.lines).toEqual([
      { lineId: '1', code: 'accepted', statusCode: '5' },
      { lineId: '2', code: 'changed', statusCode: '3', quantity: { value: '7.50', unitCode: 'EA' }, price: { amount: '0.10', currency: 'NOK' }, deliveryDate: '2026-12-22' },
      { lineId: '3', code: 'rejected', statusCode: '7' },
    ]);
  });

  it('counts an added line as a change and an already delivered one as accepted', () => {
    const response = readOrderResponse(t76({ code: 'CA', lines: line('9', '1') + line('1', '42') }));
    expect(response.lines.map((l) => [l.lineId, l.code, l.statusCode])).toEqual([
      ['9', 'changed', '1'],
      ['1', 'accepted', '42'],
    ]);
  });

  it('refuses what a back end could not act on, naming the element', () => {
    expect(() => readOrderResponse(t76({ orderNumber: '' }))).toThrow(new OrderResponseReadError('the order response has no cac:OrderReference/cbc:ID'));
    expect(() => readOrderResponse(t76({ code: 'ZZ' }))).toThrow(/OrderResponseCode "ZZ" is not one of UNCL4343-T76/);
    expect(() => readOrderResponse(t76({ code: 'CA', lines: line('1', '99') }))).toThrow(/line 1: cbc:LineStatusCode "99"/);
    expect(() => readOrderResponse(t76({ seller: '' }))).toThrow(/SellerSupplierParty\/cac:Party\/cbc:EndpointID/);
    expect(() => readOrderResponse('<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"/>')).toThrow(/root element is Order/);
    expect(() => readOrderResponse('<!DOCTYPE x [<!ENTITY a "b">]><x/>')).toThrow(XmlParseError);
  });
});

describe('lineOutcomes', () => {
  const ids = ['1', '2', '3'];
  it('an acceptance accepts every line of the order, a rejection rejects every one', () => {
    expect(lineOutcomes({ code: 'accepted', lines: [] }, ids).map((l) => l.code)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(lineOutcomes({ code: 'rejected', lines: [] }, ids).map((l) => [l.lineId, l.code, l.statusCode])).toEqual([
      ['1', 'rejected', '7'],
      ['2', 'rejected', '7'],
      ['3', 'rejected', '7'],
    ]);
  });

  it('a change keeps the lines it does not name as ordered and adds the seller\'s new lines last', () => {
    const outcome = lineOutcomes(
      { code: 'changed', lines: [{ lineId: '2', code: 'changed', statusCode: '3', quantity: { value: '1' } }, { lineId: '4', code: 'changed', statusCode: '1' }] },
      ids,
    );
    expect(outcome.map((l) => [l.lineId, l.code])).toEqual([
      ['1', 'accepted'],
      ['2', 'changed'],
      ['3', 'accepted'],
      ['4', 'changed'],
    ]);
  });

  it('an acknowledgement decides no line', () => {
    expect(lineOutcomes({ code: 'acknowledged', lines: [] }, ids)).toEqual([]);
  });
});

describe.skipIf(!hasExamples)('readOrderResponse on the official T76 examples', () => {
  it('reads the BIS example: CA with a changed, an accepted and a substituted line', () => {
    const response = readOrderResponse(example('OrderResponse_Example.xml'));
    expect(response).toMatchObject({ orderNumber: '11233', code: 'changed', responseCode: 'CA', salesOrderId: '101-111', deliveryDate: '2013-07-16' });
    expect(response.lines).toEqual([
      { lineId: '1', code: 'changed', statusCode: '3', quantity: { value: '10', unitCode: 'C62' }, price: { amount: '1.50', currency: 'EUR' }, deliveryDate: '2018-08-12', note: 'Order line note text' },
      { lineId: '2', code: 'accepted', statusCode: '5' },
      { lineId: '3', code: 'changed', statusCode: '3', note: 'Substituted Item' },
    ]);
  });

  it.each([
    ['UC1_Order_response.xml', 'changed', [['1', 'accepted'], ['2', 'rejected'], ['3', 'changed']]],
    ['UC3_Order_response.xml', 'rejected', []],
    ['UC4_Order_response.xml', 'changed', [['1', 'changed']]],
    ['UC5_Order_response.xml', 'accepted', []],
  ])('reads use case %s', (file, code, lines) => {
    const response = readOrderResponse(example(`Order-response-use-cases/${file}`));
    expect(response.code).toBe(code);
    expect(response.lines.map((l) => [l.lineId, l.code])).toEqual(lines);
  });

  it('UC4 changes quantity and price, decimals exactly as written', () => {
    const [changed] = readOrderResponse(example('Order-response-use-cases/UC4_Order_response.xml')).lines;
    expect(changed).toMatchObject({ quantity: { value: '500', unitCode: 'NAR' }, price: { amount: '0.9', currency: 'EUR' } });
  });
});

describe('describeOrderResponse', () => {
  it('says the outcome and each line with what changed', () => {
    const text = describeOrderResponse({ id: 'OR-1', code: 'changed', responseCode: 'CA' }, [
      { lineId: '1', code: 'changed', statusCode: '3', quantity: { value: '8', unitCode: 'EA' }, price: { amount: '0.10', currency: 'NOK' }, deliveryDate: '2026-12-22' },
      { lineId: '2', code: 'accepted', statusCode: '5' },
      { lineId: '3', code: 'rejected', statusCode: '7' },
    ]);
    expect(text).toBe('order response OR-1 (CA): changed; line 1 changed (quantity 8 EA, price 0.10 NOK, delivery 2026-12-22), line 2 accepted, line 3 rejected');
  });

  it('a response without lines is its outcome, with its note on one line', () => {
    expect(describeOrderResponse({ id: 'OR-2', code: 'rejected', responseCode: 'RE', note: 'out of\n stock' }, [])).toBe('order response OR-2 (RE): rejected; note: out of stock');
  });
});
