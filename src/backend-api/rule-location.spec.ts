import { describe, expect, it } from 'vitest';
import { readableLocation } from './rule-location.js';

const ORDER = "urn:oasis:names:specification:ubl:schema:xsd:Order-2";
const CAC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2';
const CBC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2';
const step = (local: string, ns: string, n: number) => `/*:${local}[namespace-uri()='${ns}'][${n}]`;

describe('readableLocation', () => {
  it('writes the official full path with UBL prefixes, no root prefix and no [1]', () => {
    expect(readableLocation(step('Order', ORDER, 1) + step('OrderLine', CAC, 2) + step('LineItem', CAC, 1) + step('ID', CBC, 1))).toBe('/Order/cac:OrderLine[2]/cac:LineItem/cbc:ID');
  });

  it('names attributes by their local name', () => {
    expect(readableLocation(`${step('Order', ORDER, 1)}${step('Note', CBC, 1)}/@*[local-name()='languageID' and namespace-uri()='x']`)).toBe('/Order/cbc:Note/@languageID');
  });

  it('keeps an element of another namespace without prefix, and other forms as they are', () => {
    expect(readableLocation(step('Order', ORDER, 1) + step('Thing', 'urn:other', 3))).toBe('/Order/Thing[3]');
    expect(readableLocation('/')).toBe('/');
    expect(readableLocation('/Order/cbc:ID (line 4)')).toBe('/Order/cbc:ID (line 4)');
  });
});
