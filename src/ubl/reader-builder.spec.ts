import { describe, expect, it } from 'vitest';
import { appendAggregate, appendBasic, createUblDocument, serializeUbl, UblWriteError } from './builder.js';
import { NS } from './namespaces.js';
import { attr, find, findAll, text } from './reader.js';
import { parseXmlSafely } from './safe-parse.js';

describe('UBL builder and readers', () => {
  function roundTrip(): Element {
    const { document, root } = createUblDocument('Order', NS.order);
    appendBasic(root, 'cbc:ID', '<PO & "1">', { schemeID: '0088', ignored: undefined });
    const party = appendAggregate(root, 'cac:Party');
    appendBasic(party, 'cbc:Name', 'first');
    appendBasic(party, 'cbc:Name', 'second');
    appendBasic(party, 'cbc:Note', '   ');
    return parseXmlSafely(serializeUbl(document)).documentElement;
  }

  it('escapes values so they cannot change the structure', () => {
    const root = roundTrip();
    expect(text(root, 'cbc:ID')).toBe('<PO & "1">');
    expect(attr(root, 'cbc:ID', 'schemeID')).toBe('0088');
    expect(find(root, 'cbc:ID')?.hasAttribute('ignored')).toBe(false);
  });

  it('leaves out empty basic elements (PEPPOL-COMMON-R001)', () => {
    expect(find(roundTrip(), 'cac:Party/cbc:Note')).toBeUndefined();
  });

  it('reads first and all matches by namespace-qualified path', () => {
    const root = roundTrip();
    expect(text(root, 'cac:Party/cbc:Name')).toBe('first');
    expect(findAll(root, 'cac:Party/cbc:Name').map((e) => e.textContent)).toEqual(['first', 'second']);
    expect(findAll(root, 'cac:Missing/cbc:Name')).toEqual([]);
  });

  it('does not match an element of another namespace with the same local name', () => {
    const root = parseXmlSafely(`<r xmlns:cbc="urn:other"><cbc:ID>x</cbc:ID></r>`).documentElement;
    expect(text(root, 'cbc:ID')).toBeUndefined();
  });

  it('declares the UBL namespaces once, on the root', () => {
    const { document, root } = createUblDocument('Order', NS.order);
    appendBasic(appendAggregate(root, 'cac:Party'), 'cbc:Name', 'x');
    const xml = serializeUbl(document);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml.match(/xmlns:cbc=/g)).toHaveLength(1);
  });

  it('refuses characters XML cannot carry', () => {
    const { root } = createUblDocument('Order', NS.order);
    expect(() => appendBasic(root, 'cbc:Note', 'bell \u0007')).toThrow(UblWriteError);
  });

  it('rejects a bad reader path', () => {
    const root = roundTrip();
    expect(() => find(root, 'Party/Name')).toThrow(/bad UBL path step/);
  });
});
