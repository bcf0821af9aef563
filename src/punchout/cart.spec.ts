import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCart } from './cart.js';
import { configuredProductOf } from './cart-model.js';
import { PunchoutError } from './errors.js';
import { buildCartXml, sampleCart } from '../demo/sample-cart.js';

const example = path.resolve(process.cwd(), '../shared/conformance/examples/PunchOut_Example.xml');
const hasExample = existsSync(example);

describe.skipIf(!hasExample)('parseCart on the official Punch Out example', () => {
  const cart = hasExample ? parseCart(readFileSync(example)) : undefined!;

  it('reads the header', () => {
    expect(cart).toMatchObject({
      customizationId: 'urn:fdc:peppol.eu:poacc:trns:punch_out:3',
      profileId: 'urn:fdc:peppol.eu:poacc:bis:punch_out:3',
      id: '1387',
      completeCart: false,
      issueDate: '2016-08-01',
      issueTime: '09:00:00',
      validity: { endDate: '2016-08-31', endTime: '18:00:00' },
      contractId: 'CRT1387',
    });
  });

  it('reads both parties, buyer reference included', () => {
    expect(cart.provider).toEqual({
      endpoint: { value: '987654325', schemeId: '0192' },
      partyId: { value: '5790000435951', schemeId: '0088' },
      registrationName: 'ABC Supplier Ltd.',
    });
    expect(cart.receiver).toMatchObject({ registrationName: 'DEF Customer Ltd.', contactId: 'buyers ref no' });
  });

  it('reads every mapped line field', () => {
    const [line] = cart.lines;
    expect(line).toMatchObject({
      id: '1',
      validity: { startDate: '2018-09-26', endDate: '2019-09-26', endTime: '12:00:00' },
      leadTime: { value: '2', unitCode: 'DAY' },
      territory: { cityName: 'Oslo', countryCode: 'NO', addressLine: 'Address Line 3' },
      price: { amount: '10.00', currency: 'EUR', baseQuantity: { value: '1', unitCode: 'C62' }, priceType: 'AAA' },
      quantity: { value: '1', unitCode: 'C62' },
    });
    expect(line!.item).toMatchObject({
      name: 'Copy paper',
      description: 'Photo copy paper 80g A4, package of 500 sheets.',
      sellersId: 'MNTR011',
      manufacturersId: 'MNTR01349087911',
      standardId: { value: '1234567890114', schemeId: '0160' },
      specificationDocuments: [{ id: '12345', embeddedFilename: 'image1.png' }],
      originCountry: 'NO',
      manufacturerName: 'Manufacturer AS',
      contractedIndicator: 'CT',
      classifications: [{ code: '20101601', listId: 'MP', listVersionId: '19.0501' }],
      taxCategory: { id: 'S', percent: '18', taxSchemeId: 'VAT' },
      properties: [{ name: 'Paper weight in grams', nameCode: { value: 'test', listId: 'NN' }, value: '18', valueQuantity: { value: '18', unitCode: 'GRM' } }],
      certificates: [{ id: '123450', typeCode: 'NA', type: 'Environmental', remarks: ['tekst'], issuerName: 'NA', documentReferences: ['https://someref/to/123450'] }],
    });
    expect(cart.lines[1]!.item.properties[0]!.id).toMatchObject({ schemeId: 'ISO22057', schemeVersionId: '2022' });
  });
});

describe('parseCart', () => {
  const valid = buildCartXml(sampleCart(3));

  it('reads a generated cart back to the same values', () => {
    const cart = parseCart(valid);
    expect(cart.lines).toHaveLength(3);
    expect(cart.lines[1]).toMatchObject({ id: '2', quantity: { value: '3', unitCode: 'MTR' }, price: { amount: '14.074', baseQuantity: { value: '100', unitCode: 'MTR' } } });
  });

  it('reads the complete cart indicator and configured-product links', () => {
    const base = sampleCart(2, { completeCart: true });
    base.lines[1]!.properties = [{ name: 'PartOf', value: base.lines[0]!.sellersId! }];
    const cart = parseCart(buildCartXml(base));
    expect(cart.completeCart).toBe(true);
    expect(configuredProductOf(cart.lines[1]!)).toBe('SKU-00001');
    expect(configuredProductOf(cart.lines[0]!)).toBeUndefined();
  });

  const replace = (from: string | RegExp, to: string) => valid.replace(from, to);
  it.each([
    ['not-a-cart', 'an order root', '<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"/>', /expected a UBL Catalogue/],
    ['not-a-cart', 'a catalogue customization', replace('trns:punch_out:3', 'trns:catalogue:3'), /not a punch-out cart/],
    ['not-a-cart', 'malformed XML', valid.slice(0, 300), /malformed XML/],
    ['not-a-cart', 'a DOCTYPE', valid.replace('<Catalogue', '<!DOCTYPE Catalogue><Catalogue'), /DOCTYPE/],
    ['invalid-cart', 'a missing cart id', replace(/<cbc:ID>CART-3<\/cbc:ID>/, ''), /cbc:ID: missing/],
    ['invalid-cart', 'a non-numeric price', replace('14.074', '14,074'), /line 2: cac:Price\/cbc:PriceAmount: not a decimal/],
    ['invalid-cart', 'a price without currency', replace(/(<cbc:PriceAmount) currencyID="EUR">14/, '$1>14'), /line 2: .*missing currencyID/],
    ['invalid-cart', 'a quantity without unit', replace('<cbc:BatchQuantity unitCode="MTR">', '<cbc:BatchQuantity>'), /line 2: .*BatchQuantity: missing quantity or unitCode/],
    ['invalid-cart', 'a duplicated line id', replace('<cbc:ID>2</cbc:ID>', '<cbc:ID>1</cbc:ID>'), /line 1: cbc:ID: line id is not unique/],
    ['invalid-cart', 'a bad complete cart flag', replace('<cbc:IssueDate>', '<cbc:ActionCode>yes</cbc:ActionCode><cbc:IssueDate>'), /complete cart indicator/],
    ['invalid-cart', 'a bad validity date', replace('2026-02-10', '10.02.2026'), /ValidityPeriod\/cbc:EndDate: not a date/],
    ['invalid-cart', 'a missing tax category', replace(/<cac:ClassifiedTaxCategory>[\s\S]*?<\/cac:ClassifiedTaxCategory>/, ''), /line 1: cac:Item\/cac:ClassifiedTaxCategory: missing/],
    ['invalid-cart', 'no lines', replace(/<cac:CatalogueLine>[\s\S]*<\/cac:CatalogueLine>/, ''), /at least one line/],
  ])('fails with %s for %s', (code, _fault, xml, message) => {
    const error = (() => {
      try {
        parseCart(xml);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(PunchoutError);
    expect((error as PunchoutError).code).toBe(code);
    expect((error as PunchoutError).message).toMatch(message);
  });

  it('bounds the number of lines', () => {
    expect(() => parseCart(buildCartXml(sampleCart(5)), { maxBytes: 1e6, maxDepth: 64, maxElements: 10_000, maxLines: 4 })).toThrow(/5 lines, at most 4/);
  });
});
