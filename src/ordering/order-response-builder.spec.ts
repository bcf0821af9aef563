import { describe, expect, it } from 'vitest';
import { PROCESSES } from '../peppol/index.js';
import { find, findAll, text, attr } from '../ubl/reader.js';
import { parseXmlSafely } from '../ubl/safe-parse.js';
import { buildOrderResponse, NotAnswerableError, OrderAnswerError, type OrderAnswer } from './order-response-builder.js';
import { readReceivedOrder, ReceivedOrderError } from './received-order.js';

interface FixtureLine {
  id: string;
  quantity: string;
  unit: string;
  price?: string;
  base?: [string, string];
  name?: string;
  sellersId?: string;
  standardId?: [string, string | undefined];
}

/** A T01 as another buyer's access point would send it (only what the reader looks at, plus a little more). */
function t01(opts: { profile?: string; lines?: FixtureLine[]; currency?: string; customerReference?: string; buyerName?: boolean } = {}): string {
  const lines = opts.lines ?? [
    { id: '1', quantity: '120', unit: 'EA', price: '50.00', base: ['1', 'EA'], sellersId: 'SE-1', standardId: ['05704066204093', '0160'] },
    { id: '2', quantity: '15.5', unit: 'KGM', price: '9.875' },
  ];
  const line = (l: FixtureLine) =>
    `<cac:OrderLine><cac:LineItem><cbc:ID>${l.id}</cbc:ID><cbc:Quantity unitCode="${l.unit}">${l.quantity}</cbc:Quantity><cbc:LineExtensionAmount currencyID="EUR">1</cbc:LineExtensionAmount>` +
    (l.price ? `<cac:Price><cbc:PriceAmount currencyID="EUR">${l.price}</cbc:PriceAmount>${l.base ? `<cbc:BaseQuantity unitCode="${l.base[1]}">${l.base[0]}</cbc:BaseQuantity>` : ''}</cac:Price>` : '') +
    `<cac:Item><cbc:Name>${l.name ?? `Item ${l.id}`}</cbc:Name>${l.sellersId ? `<cac:SellersItemIdentification><cbc:ID>${l.sellersId}</cbc:ID></cac:SellersItemIdentification>` : ''}` +
    (l.standardId ? `<cac:StandardItemIdentification><cbc:ID${l.standardId[1] ? ` schemeID="${l.standardId[1]}"` : ''}>${l.standardId[0]}</cbc:ID></cac:StandardItemIdentification>` : '') +
    `</cac:Item></cac:LineItem></cac:OrderLine>`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?><Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">` +
    `<cbc:CustomizationID>urn:fdc:peppol.eu:poacc:trns:order:3</cbc:CustomizationID><cbc:ProfileID>${opts.profile ?? PROCESSES.ordering}</cbc:ProfileID>` +
    `<cbc:ID>PO-34</cbc:ID><cbc:IssueDate>2026-11-30</cbc:IssueDate><cbc:DocumentCurrencyCode>${opts.currency ?? 'EUR'}</cbc:DocumentCurrencyCode>` +
    (opts.customerReference ? `<cbc:CustomerReference>${opts.customerReference}</cbc:CustomerReference>` : '') +
    `<cac:BuyerCustomerParty><cac:Party><cbc:EndpointID schemeID="0088">7300010000001</cbc:EndpointID><cac:PartyIdentification><cbc:ID schemeID="0088">7300010000001</cbc:ID></cac:PartyIdentification>` +
    (opts.buyerName === false ? '' : `<cac:PartyLegalEntity><cbc:RegistrationName>Buyer &amp; Co</cbc:RegistrationName></cac:PartyLegalEntity>`) +
    `</cac:Party></cac:BuyerCustomerParty>` +
    `<cac:SellerSupplierParty><cac:Party><cbc:EndpointID schemeID="0088">7315458756324</cbc:EndpointID><cac:PartyLegalEntity><cbc:RegistrationName>Seller AS</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party></cac:SellerSupplierParty>` +
    lines.map(line).join('') +
    `</Order>`
  );
}

const HEADER = { id: 'OR-1', issueDate: '2026-12-01', issueTime: '10:15:00' };
const build = (answer: OrderAnswer, xml = t01()) => buildOrderResponse(readReceivedOrder(xml), answer, HEADER);
const root = (xml: string) => parseXmlSafely(xml).documentElement;
const lineItems = (xml: string) => findAll(root(xml), 'cac:OrderLine').map((l) => find(l, 'cac:LineItem')!);
const answerError = (answer: OrderAnswer, xml?: string) => {
  try {
    build(answer, xml);
  } catch (error) {
    if (error instanceof OrderAnswerError) return { field: error.field, message: error.message };
    throw error;
  }
  throw new Error('expected an OrderAnswerError');
};

describe('readReceivedOrder', () => {
  it('reads ids, currency, parties and every line with unit, price, base quantity and item ids', () => {
    const order = readReceivedOrder(t01({ customerReference: 'ref-9' }));
    expect(order).toMatchObject({ id: 'PO-34', issueDate: '2026-11-30', currency: 'EUR', profileId: PROCESSES.ordering, customerReference: 'ref-9' });
    expect(order.buyer).toEqual({ endpoint: { value: '7300010000001', schemeId: '0088' }, partyIds: [{ value: '7300010000001', schemeId: '0088' }], registrationName: 'Buyer & Co' });
    expect(order.seller).toEqual({ endpoint: { value: '7315458756324', schemeId: '0088' }, partyIds: [], registrationName: 'Seller AS' });
    expect(order.lines[0]).toEqual({
      id: '1',
      quantity: { value: '120', unitCode: 'EA' },
      price: { amount: '50.00', baseQuantity: { value: '1', unitCode: 'EA' } },
      item: { name: 'Item 1', sellersId: 'SE-1', standardId: { value: '05704066204093', schemeId: '0160' } },
    });
    expect(order.lines[1]).toEqual({ id: '2', quantity: { value: '15.5', unitCode: 'KGM' }, price: { amount: '9.875' }, item: { name: 'Item 2' } });
  });

  it('refuses what is not an order, or an order without what an answer repeats', () => {
    expect(() => readReceivedOrder('<Catalogue xmlns="urn:oasis:names:specification:ubl:schema:xsd:Catalogue-2"/>')).toThrow(ReceivedOrderError);
    expect(() => readReceivedOrder(t01().replace('<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>', ''))).toThrow(/DocumentCurrencyCode/);
    expect(() => readReceivedOrder(t01().replace(' schemeID="0088">7315458756324', '>7315458756324'))).toThrow(/SellerSupplierParty\/cac:Party\/cbc:EndpointID/);
    expect(() => readReceivedOrder(t01({ lines: [] }))).toThrow(/no cac:OrderLine/);
    expect(() => readReceivedOrder(t01().replace('<cbc:Quantity unitCode="KGM">15.5</cbc:Quantity>', '<cbc:Quantity>15.5</cbc:Quantity>'))).toThrow(/OrderLine\[2\].*unitCode/);
  });
});

describe('buildOrderResponse', () => {
  it('accepts an order as a whole: AP, no lines, order reference, currency and both parties from the order', () => {
    const built = build({ code: 'accepted', note: 'Thank you' });
    expect(built.code).toBe('AP');
    expect(built.lines).toEqual([]);
    const r = root(built.xml);
    expect(r.localName).toBe('OrderResponse');
    expect(text(r, 'cbc:CustomizationID')).toBe('urn:fdc:peppol.eu:poacc:trns:order_response:3');
    expect(text(r, 'cbc:ProfileID')).toBe(PROCESSES.ordering);
    expect([text(r, 'cbc:ID'), text(r, 'cbc:IssueDate'), text(r, 'cbc:IssueTime')]).toEqual(['OR-1', '2026-12-01', '10:15:00']);
    expect(text(r, 'cbc:OrderResponseCode')).toBe('AP');
    expect(text(r, 'cbc:Note')).toBe('Thank you');
    expect(text(r, 'cbc:DocumentCurrencyCode')).toBe('EUR');
    expect(text(r, 'cac:OrderReference/cbc:ID')).toBe('PO-34');
    expect(text(r, 'cac:SellerSupplierParty/cac:Party/cbc:EndpointID')).toBe('7315458756324');
    expect(attr(r, 'cac:BuyerCustomerParty/cac:Party/cbc:EndpointID', 'schemeID')).toBe('0088');
    expect(text(r, 'cac:BuyerCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName')).toBe('Buyer & Co');
    expect(text(r, 'cac:BuyerCustomerParty/cac:Party/cac:PartyIdentification/cbc:ID')).toBe('7300010000001');
    expect(findAll(r, 'cac:OrderLine')).toHaveLength(0);
  });

  it('keeps the parties in T76 order: seller before buyer', () => {
    const xml = build({ code: 'accepted' }).xml;
    expect(xml.indexOf('SellerSupplierParty')).toBeLessThan(xml.indexOf('BuyerCustomerParty'));
    expect(xml.indexOf('OrderReference')).toBeLessThan(xml.indexOf('SellerSupplierParty'));
  });

  it('accepts with lines that all say accepted, still without lines', () => {
    expect(build({ code: 'accepted', lines: [{ lineId: '1', code: 'accepted' }] }).lines).toEqual([]);
  });

  it('rejects an order as a whole: RE with the reason as note and no lines', () => {
    const built = build({ code: 'rejected', note: 'Out of stock', lines: [{ lineId: '2', code: 'rejected' }] });
    expect(built.code).toBe('RE');
    expect(lineItems(built.xml)).toHaveLength(0);
    expect(text(root(built.xml), 'cbc:Note')).toBe('Out of stock');
  });

  it('answers changed with CA and every order line: changed, rejected, and the rest accepted', () => {
    const built = build({ code: 'changed', lines: [{ lineId: '2', code: 'changed', quantity: '10' }] });
    expect(built.code).toBe('CA');
    expect(built.lines).toEqual([
      { lineId: '1', status: '5' },
      { lineId: '2', status: '3', quantity: '10' },
    ]);
    const [first, second] = lineItems(built.xml);
    expect([text(first!, 'cbc:ID'), text(first!, 'cbc:LineStatusCode'), text(first!, 'cbc:Quantity'), attr(first!, 'cbc:Quantity', 'unitCode')]).toEqual(['1', '5', '120', 'EA']);
    expect([text(second!, 'cbc:ID'), text(second!, 'cbc:LineStatusCode'), text(second!, 'cbc:Quantity'), attr(second!, 'cbc:Quantity', 'unitCode')]).toEqual(['2', '3', '10', 'KGM']);
    const references = findAll(root(built.xml), 'cac:OrderLine').map((l) => text(l, 'cac:OrderLineReference/cbc:LineID'));
    expect(references).toEqual(['1', '2']);
  });

  it('writes a rejected line of a changed answer with status 7 and no quantity', () => {
    const built = build({ code: 'changed', lines: [{ lineId: '1', code: 'rejected' }] });
    const [first] = lineItems(built.xml);
    expect(text(first!, 'cbc:LineStatusCode')).toBe('7');
    expect(find(first!, 'cbc:Quantity')).toBeUndefined();
  });

  it('keeps decimal quantities and prices exactly, from strings or numbers, without floating point', () => {
    const built = build({
      code: 'changed',
      lines: [
        { lineId: '1', code: 'changed', quantity: '0.1', price: '49.995' },
        { lineId: '2', code: 'changed', quantity: '12345678901234.5678', price: 0.3 },
      ],
    });
    expect(built.lines.map((l) => [l.quantity, l.price])).toEqual([
      ['0.1', '49.995'],
      ['12345678901234.5678', '0.3'],
    ]);
    const [first] = lineItems(built.xml);
    expect(text(first!, 'cac:Price/cbc:PriceAmount')).toBe('49.995');
  });

  it('writes a changed price in the order currency with the ordered price base quantity', () => {
    const [first, second] = lineItems(build({ code: 'changed', lines: [{ lineId: '1', code: 'changed', price: '45' }, { lineId: '2', code: 'changed', price: '9.5' }] }).xml);
    expect(attr(first!, 'cac:Price/cbc:PriceAmount', 'currencyID')).toBe('EUR');
    expect([text(first!, 'cac:Price/cbc:BaseQuantity'), attr(first!, 'cac:Price/cbc:BaseQuantity', 'unitCode')]).toEqual(['1', 'EA']);
    expect(find(second!, 'cac:Price/cbc:BaseQuantity')).toBeUndefined();
  });

  it('uses the order currency for prices, whatever it is', () => {
    const [first] = lineItems(build({ code: 'changed', lines: [{ lineId: '1', code: 'changed', price: '500' }] }, t01({ currency: 'SEK' })).xml);
    expect(attr(first!, 'cac:Price/cbc:PriceAmount', 'currencyID')).toBe('SEK');
  });

  it('promises a changed delivery date as a one-day period and leaves the quantity as ordered', () => {
    const built = build({ code: 'changed', lines: [{ lineId: '2', code: 'changed', deliveryDate: '2026-12-24' }] });
    const second = lineItems(built.xml)[1]!;
    expect(text(second, 'cac:Delivery/cac:PromisedDeliveryPeriod/cbc:StartDate')).toBe('2026-12-24');
    expect(text(second, 'cac:Delivery/cac:PromisedDeliveryPeriod/cbc:EndDate')).toBe('2026-12-24');
    expect(text(second, 'cbc:Quantity')).toBe('15.5');
  });

  it('repeats the item of each line: name, seller and standard ids; a standard id without scheme is left out', () => {
    const xml = t01({ lines: [{ id: 'A', quantity: '1', unit: 'EA', sellersId: 'S-9', standardId: ['123', undefined], name: 'Paper &lt;A4&gt;' }, { id: 'B', quantity: '2', unit: 'EA' }] });
    const [first] = lineItems(build({ code: 'changed', lines: [{ lineId: 'A', code: 'changed', quantity: 3 }] }, xml).xml);
    expect(text(first!, 'cac:Item/cbc:Name')).toBe('Paper <A4>');
    expect(text(first!, 'cac:Item/cac:SellersItemIdentification/cbc:ID')).toBe('S-9');
    expect(find(first!, 'cac:Item/cac:StandardItemIdentification')).toBeUndefined();
  });

  it('repeats the customer reference of the order', () => {
    expect(text(root(build({ code: 'accepted' }, t01({ customerReference: 'dept-7' })).xml), 'cbc:CustomerReference')).toBe('dept-7');
  });

  it('leaves out a party name the order does not have', () => {
    const r = root(build({ code: 'accepted' }, t01({ buyerName: false })).xml);
    expect(find(r, 'cac:BuyerCustomerParty/cac:Party/cac:PartyLegalEntity')).toBeUndefined();
  });

  it('refuses to answer an order of a process that expects no response', () => {
    expect(() => build({ code: 'accepted' }, t01({ profile: PROCESSES.orderOnly }))).toThrow(NotAnswerableError);
  });

  it.each<[string, OrderAnswer, string, RegExp]>([
    ['an unknown line', { code: 'changed', lines: [{ lineId: '9', code: 'rejected' }] }, 'lines.0.lineId', /no line "9"/],
    ['a line answered twice', { code: 'changed', lines: [{ lineId: '1', code: 'rejected' }, { lineId: '1', code: 'accepted' }] }, 'lines.1.lineId', /twice/],
    ['a changed line without change', { code: 'changed', lines: [{ lineId: '1', code: 'changed' }] }, 'lines.0', /needs a new quantity/],
    ['an accepted line with a quantity', { code: 'changed', lines: [{ lineId: '1', code: 'accepted', quantity: '3' }, { lineId: '2', code: 'rejected' }] }, 'lines.0', /takes no quantity/],
    ['a rejected line in an accepted order', { code: 'accepted', lines: [{ lineId: '1', code: 'rejected' }] }, 'lines.0.code', /cannot have a line rejected/],
    ['an accepted line in a rejected order', { code: 'rejected', lines: [{ lineId: '1', code: 'accepted' }] }, 'lines.0.code', /cannot have a line accepted/],
    ['a changed answer that changes nothing', { code: 'changed', lines: [{ lineId: '1', code: 'accepted' }] }, 'lines', /at least one line/],
    ['a changed answer that rejects every line', { code: 'changed', lines: [{ lineId: '1', code: 'rejected' }, { lineId: '2', code: 'rejected' }] }, 'lines', /answer rejected/],
    ['a zero quantity', { code: 'changed', lines: [{ lineId: '1', code: 'changed', quantity: '0' }] }, 'lines.0.quantity', /more than 0/],
    ['a negative price', { code: 'changed', lines: [{ lineId: '1', code: 'changed', price: '-1' }] }, 'lines.0.price', /negative/],
    ['a price with a thousands separator', { code: 'changed', lines: [{ lineId: '1', code: 'changed', price: '1,000.00' }] }, 'lines.0.price', /decimal number/],
    ['a quantity in exponent notation', { code: 'changed', lines: [{ lineId: '1', code: 'changed', quantity: '1e3' }] }, 'lines.0.quantity', /decimal number/],
    ['a number too large to be exact', { code: 'changed', lines: [{ lineId: '1', code: 'changed', quantity: 1e21 }] }, 'lines.0.quantity', /decimal number/],
    ['an impossible date', { code: 'changed', lines: [{ lineId: '1', code: 'changed', deliveryDate: '2026-02-30' }] }, 'lines.0.deliveryDate', /YYYY-MM-DD/],
    ['a date with a time', { code: 'changed', lines: [{ lineId: '1', code: 'changed', deliveryDate: '2026-02-03T10:00' }] }, 'lines.0.deliveryDate', /YYYY-MM-DD/],
    ['an unknown answer code', { code: 'maybe' as never }, 'code', /one of accepted, rejected, changed/],
    ['an unknown line code', { code: 'changed', lines: [{ lineId: '1', code: 'perhaps' as never }] }, 'lines.0.code', /one of/],
    ['a note too long', { code: 'rejected', note: 'x'.repeat(2001) }, 'note', /longer than 2000/],
  ])('refuses %s, naming the field', (_name, answer, field, message) => {
    const error = answerError(answer);
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  it('escapes whatever a note holds', () => {
    const built = build({ code: 'rejected', note: '</cbc:Note><cbc:Evil/> & "x"' });
    expect(text(root(built.xml), 'cbc:Note')).toBe('</cbc:Note><cbc:Evil/> & "x"');
  });

  it('is pure: the same inputs give the same document', () => {
    const answer: OrderAnswer = { code: 'changed', lines: [{ lineId: '1', code: 'changed', quantity: '100', deliveryDate: '2026-12-20' }] };
    expect(build(answer).xml).toBe(build(answer).xml);
  });
});
