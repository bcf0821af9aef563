import { describe, expect, it } from 'vitest';
import { parseXmlSafely } from '../ubl/safe-parse.js';
import { findAll, text } from '../ubl/reader.js';
import { parseBuyerConfig, type BuyerConfigInput } from './buyer-config.js';
import { parseCart } from './cart.js';
import { cartToOrder, type CartToOrderOptions } from './cart-to-order.js';
import { PunchoutError } from './errors.js';
import { buildCartXml, sampleCart, type SampleCart, type SampleCartLine } from '../demo/sample-cart.js';

const baseConfig: BuyerConfigInput = {
  sellerFallback: { countryCode: 'NO' },
  delivery: { address: { streetName: 'Storgata 1', cityName: 'Oslo', postalZone: '0155', countryCode: 'NO' } },
};
const at: CartToOrderOptions = { orderId: 'PO-000001', issueDate: '2026-01-11', issueTime: '10:00:00' };

function convert(cart: SampleCart, config: BuyerConfigInput = baseConfig, options: Partial<CartToOrderOptions> = {}) {
  return cartToOrder(parseCart(buildCartXml(cart)), parseBuyerConfig(config), { ...at, ...options });
}

function failure(run: () => unknown): PunchoutError {
  try {
    run();
  } catch (error) {
    if (error instanceof PunchoutError) return error;
    throw error;
  }
  throw new Error('expected a PunchoutError');
}

describe('cartToOrder: header and parties', () => {
  const { order, xml } = convert(sampleCart(3, { contractId: 'CONTRACT-9' }), {
    ...baseConfig,
    process: 'ordering',
    note: 'Deliver to gate 4',
    accountingCost: 'CC-100',
    buyer: { vatId: 'NO931186755MVA', companyId: { value: '931186755', schemeId: '0192' }, contact: { name: 'Ola' }, partyName: 'DEF' },
    originator: { name: 'Kari Requisitioner' },
    paymentTermsNote: '30 days net',
    deliveryTerms: { id: 'FCA' },
  });
  const root = parseXmlSafely(xml).documentElement;

  it.each([
    ['cbc:CustomizationID', 'urn:fdc:peppol.eu:poacc:trns:order:3'],
    ['cbc:ProfileID', 'urn:fdc:peppol.eu:poacc:bis:ordering:3'],
    ['cbc:ID', 'PO-000001'],
    ['cbc:IssueDate', '2026-01-11'],
    ['cbc:IssueTime', '10:00:00'],
    ['cbc:OrderTypeCode', '220'],
    ['cbc:Note', 'Deliver to gate 4'],
    ['cbc:DocumentCurrencyCode', 'EUR'],
    ['cbc:CustomerReference', 'REF-42'],
    ['cbc:AccountingCost', 'CC-100'],
    ['cac:ValidityPeriod/cbc:EndDate', '2026-02-10'], // 30 days would be 02-10 too; capped by the cart below
    ['cac:QuotationDocumentReference/cbc:ID', 'CART-3'],
    ['cac:Contract/cbc:ID', 'CONTRACT-9'],
    ['cac:BuyerCustomerParty/cac:Party/cbc:EndpointID', '123456785'],
    ['cac:BuyerCustomerParty/cac:Party/cac:PartyName/cbc:Name', 'DEF'],
    ['cac:BuyerCustomerParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID', 'NO931186755MVA'],
    ['cac:BuyerCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName', 'DEF Customer Ltd.'],
    ['cac:BuyerCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID', '931186755'],
    ['cac:BuyerCustomerParty/cac:Party/cac:Contact/cbc:Name', 'Ola'],
    ['cac:SellerSupplierParty/cac:Party/cbc:EndpointID', '987654325'],
    ['cac:SellerSupplierParty/cac:Party/cac:PartyIdentification/cbc:ID', '5790000435951'],
    ['cac:SellerSupplierParty/cac:Party/cac:PostalAddress/cac:Country/cbc:IdentificationCode', 'NO'],
    ['cac:SellerSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName', 'ABC Supplier Ltd.'],
    ['cac:OriginatorCustomerParty/cac:Party/cac:PartyName/cbc:Name', 'Kari Requisitioner'],
    ['cac:Delivery/cac:DeliveryLocation/cac:Address/cbc:StreetName', 'Storgata 1'],
    ['cac:DeliveryTerms/cbc:ID', 'FCA'],
    ['cac:PaymentTerms/cbc:Note', '30 days net'],
  ])('writes %s = %s', (path, expected) => {
    expect(text(root, path)).toBe(expected);
  });

  it('keeps the model and the XML in step', () => {
    expect(order.lines.map((line) => line.id)).toEqual(findAll(root, 'cac:OrderLine').map((line) => text(line, 'cac:LineItem/cbc:ID')));
    expect(text(root, 'cac:AnticipatedMonetaryTotal/cbc:PayableAmount')).toBe(order.totals.payable);
  });

  it('caps the order validity at the cart validity', () => {
    const { order: capped } = convert(sampleCart(1, { validUntil: { date: '2026-01-20' } }));
    expect(capped.validityEndDate).toBe('2026-01-20');
    const { order: free } = convert(sampleCart(1, { validUntil: undefined }), { ...baseConfig, validityDays: 5 });
    expect(free.validityEndDate).toBe('2026-01-16');
  });

  it.each([
    ['the cart', sampleCart(1), {}, 'REF-42'],
    ['the configuration when the cart has none', sampleCart(1, { receiver: { endpoint: { schemeId: '0192', value: '123456785' }, name: 'DEF' } }), { buyerReference: 'CFG-REF' }, 'CFG-REF'],
  ])('takes the buyer reference from %s', (_source, cart, extra, expected) => {
    expect(convert(cart, { ...baseConfig, ...extra }).order.customerReference).toBe(expected);
  });

  it('takes missing endpoints and the seller address from configuration', () => {
    const cart = sampleCart(1, { provider: { partyId: { schemeId: '0088', value: '5790000435951' }, name: 'ABC' }, receiver: { name: 'DEF' } });
    const { order } = convert(cart, {
      buyer: { endpoint: { schemeId: '0088', value: '7300010000001' } },
      sellers: [{ ids: ['0088:5790000435951'], endpoint: { schemeId: '0192', value: '987654325' }, partyName: 'ABC Shop', postalAddress: { cityName: 'Bergen', countryCode: 'NO' } }],
    });
    expect(order.buyer.endpoint).toEqual({ schemeId: '0088', value: '7300010000001' });
    expect(order.seller).toMatchObject({ endpoint: { schemeId: '0192', value: '987654325' }, partyName: 'ABC Shop', postalAddress: { cityName: 'Bergen', countryCode: 'NO' } });
  });

  it('writes the approving user as buyer contact', () => {
    expect(convert(sampleCart(1), baseConfig, { buyerContact: { name: 'Approver', email: 'a@example.com' } }).order.buyer.contact).toEqual({ name: 'Approver', email: 'a@example.com' });
  });
});

function cartWith(lines: Array<Partial<SampleCartLine>>, header: Partial<SampleCart> = {}): SampleCart {
  return sampleCart(0, {
    ...header,
    lines: lines.map((line, index) => ({
      id: String(index + 1),
      name: `Item ${index + 1}`,
      sellersId: `SKU-${index + 1}`,
      price: '10.00',
      quantity: { value: '1', unitCode: 'C62' },
      ...line,
    })),
  });
}

describe('cartToOrder: lines', () => {
  it('maps every line field that has a home in T01 and drops the rest', () => {
    const cart = cartWith([
      {
        description: 'Blue pen',
        standardId: { value: '5790000000012', schemeId: '0160' },
        baseQuantity: { value: '10', unitCode: 'C62' },
        price: '12.3456',
        quantity: { value: '25', unitCode: 'C62' },
        tax: { id: 'S', percent: '12' },
        territoryCountry: 'NO',
        leadTimeDays: 3,
        availableFrom: '2026-03-01',
        classification: { code: '44121704', listId: 'STI' },
        properties: [{ name: 'Colour', value: 'Blue' }],
      },
    ]);
    const { order, xml } = convert(cart, { ...baseConfig, accountingCost: 'CC-7', partialDeliveryAllowed: false });
    expect(order.lines).toEqual([
      {
        id: '1',
        quantity: { value: '25', unitCode: 'C62' },
        lineExtension: '30.86', // 25 × 12.3456 / 10 = 30.864
        partialDelivery: false,
        accountingCost: 'CC-7',
        requestedDeliveryPeriod: { startDate: '2026-03-01' },
        price: { amount: '12.3456', baseQuantity: { value: '10', unitCode: 'C62' } },
        item: {
          name: 'Item 1',
          description: 'Blue pen',
          sellersId: 'SKU-1',
          standardId: { value: '5790000000012', schemeId: '0160' },
          specificationDocumentIds: [],
          classifications: [{ code: '44121704', listId: 'STI' }],
          taxCategory: { id: 'S', percent: '12', taxSchemeId: 'VAT' },
          properties: [{ name: 'Colour', value: 'Blue' }],
        },
      },
    ]);
    expect(xml).not.toContain('ApplicableTerritoryAddress');
    expect(xml).not.toContain('LeadTimeMeasure');
  });

  it.each([
    ['1', '10.00', undefined, '10.00'],
    ['3', '0.333', undefined, '1.00'],
    ['7', '42.222', { value: '100', unitCode: 'C62' }, '2.96'],
    ['1', '10', { value: '3', unitCode: 'C62' }, '3.33'],
    ['0.5', '0.01', undefined, '0.01'],
  ])('line amount for %s × %s per %j is %s', (quantity, price, baseQuantity, expected) => {
    const { order } = convert(cartWith([{ quantity: { value: quantity, unitCode: 'C62' }, price, ...(baseQuantity ? { baseQuantity } : {}) }]));
    expect(order.lines[0]!.lineExtension).toBe(expected);
    expect(order.totals.lineExtension).toBe(expected);
  });

  it('requests no delivery period for items already available', () => {
    expect(convert(cartWith([{ availableFrom: '2026-01-01' }])).order.lines[0]!.requestedDeliveryPeriod).toBeUndefined();
  });

  it('orders a configured product but not its components', () => {
    const cart = cartWith([{ sellersId: 'PC01' }, { sellersId: 'MON', properties: [{ name: 'PartOf', value: 'PC01' }] }, { sellersId: 'PEN' }]);
    expect(convert(cart).order.lines.map((line) => line.id)).toEqual(['1', '3']);
  });

  it('applies buyer changes and reports them', () => {
    const { order, changeLog } = convert(cartWith([{}, {}, {}]), baseConfig, {
      changes: [
        { kind: 'set-quantity', lineId: '1', quantity: '4' },
        { kind: 'set-price', lineId: '2', price: '8.50' },
        { kind: 'remove', lineId: '3' },
      ],
    });
    expect(order.lines.map((line) => [line.id, line.quantity.value, line.price.amount, line.lineExtension])).toEqual([
      ['1', '4', '10.00', '40.00'],
      ['2', '1', '8.50', '8.50'],
    ]);
    expect(order.totals.lineExtension).toBe('48.50');
    expect(changeLog).toEqual([
      'line 1 "Item 1": quantity 1 C62 → 4 C62',
      'line 2 "Item 2": price 10.00 EUR → 8.50 EUR',
      'line 3 "Item 3": removed',
    ]);
  });
});

describe('cartToOrder: refusals', () => {
  it.each([
    ['mixed-currency', 'a cart mixing currencies', cartWith([{}, { currency: 'USD' }]), {}, {}, '2', 'cac:Price/cbc:PriceAmount/@currencyID'],
    ['cart-expired', 'an expired cart', cartWith([{}], { validUntil: { date: '2026-01-10' } }), {}, {}, undefined, 'cac:ValidityPeriod/cbc:EndDate'],
    ['cart-expired', 'a cart past its end time', cartWith([{}], { validUntil: { date: '2026-01-11', time: '09:59:59' } }), {}, {}, undefined, 'cac:ValidityPeriod/cbc:EndDate'],
    ['line-expired', 'an expired line', cartWith([{}, { validUntil: '2026-01-10' }]), {}, {}, '2', 'cac:LineValidityPeriod/cbc:EndDate'],
    ['component-alone', 'a component without its product', cartWith([{ properties: [{ name: 'PartOf', value: 'PC99' }] }, {}]), {}, {}, '1', 'cac:Item/cac:AdditionalItemProperty'],
    ['component-alone', 'a product removed but its component kept', cartWith([{ sellersId: 'PC01' }, { properties: [{ name: 'PartOf', value: 'PC01' }] }]), {}, { changes: [{ kind: 'remove' as const, lineId: '1' }] }, '2', 'cac:Item/cac:AdditionalItemProperty'],
    ['complete-cart', 'a line removed from a complete cart', cartWith([{}, {}], { completeCart: true }), {}, { changes: [{ kind: 'remove' as const, lineId: '1' }] }, '1', undefined],
    ['complete-cart', 'a quantity changed in a complete cart', cartWith([{}, {}], { completeCart: true }), {}, { changes: [{ kind: 'set-quantity' as const, lineId: '2', quantity: '2' }] }, '2', undefined],
    ['unit-mismatch', 'a price base in another unit', cartWith([{ baseQuantity: { value: '1', unitCode: 'KGM' } }]), {}, {}, '1', 'cac:Price/cbc:BaseQuantity/@unitCode'],
    ['missing-configuration', 'an unknown seller country', cartWith([{}]), { sellerFallback: {} }, {}, undefined, 'cac:SellerSupplierParty/cac:Party/cac:PostalAddress/cac:Country/cbc:IdentificationCode'],
    ['missing-configuration', 'no buyer endpoint anywhere', cartWith([{}], { receiver: { name: 'DEF' } }), {}, {}, undefined, 'cac:BuyerCustomerParty/cac:Party/cbc:EndpointID'],
    ['missing-configuration', 'a bad issue date', cartWith([{}]), {}, { issueDate: '11.01.2026' }, undefined, 'cbc:IssueDate'],
    ['negative-total', 'an allowance larger than the order', cartWith([{}]), { allowanceCharges: [{ chargeIndicator: false, reason: 'Bonus', amount: '50.00', taxCategory: { id: 'S', percent: '25' } }] }, {}, undefined, 'cac:AnticipatedMonetaryTotal/cbc:PayableAmount'],
  ])('%s: refuses %s', (code, _fault, cart, configExtra, options, lineId, field) => {
    const error = failure(() => convert(cart, { ...baseConfig, ...configExtra }, options));
    expect(error.code).toBe(code);
    expect(error.lineId).toBe(lineId);
    if (field) expect(error.field).toBe(field);
  });

  it('accepts a complete cart ordered as it is, or with only its prices changed', () => {
    const cart = cartWith([{}, {}], { completeCart: true });
    expect(convert(cart).order.lines).toHaveLength(2);
    expect(convert(cart, baseConfig, { changes: [{ kind: 'set-price', lineId: '1', price: '9.00' }] }).order.totals.lineExtension).toBe('19.00');
  });
});
