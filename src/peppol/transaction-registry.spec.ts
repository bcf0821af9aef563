import { describe, expect, it } from 'vitest';
import { TransactionRegistry, transactionRegistry, UnknownTransactionError } from './transaction-registry.js';
import { TRANSACTIONS, type Transaction } from './transactions.js';

describe('TransactionRegistry', () => {
  const registry = transactionRegistry;

  it('knows the in-scope transactions by CustomizationID, exactly', () => {
    expect(registry.forCustomization(' urn:fdc:peppol.eu:poacc:trns:punch_out:3 ')?.id).toBe('T77');
    expect(registry.forCustomization('urn:fdc:peppol.eu:poacc:trns:order:3')?.id).toBe('T01');
    expect(registry.forCustomization('urn:fdc:peppol.eu:poacc:trns:order:3:extension')).toBeUndefined();
  });

  it('finds transactions by id in any case and lists them', () => {
    expect(registry.get('t19')?.stylesheet).toBe('PEPPOLBIS-T19');
    expect(registry.ids()).toEqual(expect.arrayContaining(['T77', 'T19', 'T58', 'T01', 'T76']));
    expect(() => registry.require('T999')).toThrow(UnknownTransactionError);
    expect(() => registry.require('T999')).toThrow(/known: T77, T19/);
  });

  it('gives the punch-out identifiers', () => {
    expect(registry.identifiersOf('T77')).toEqual({
      documentType: {
        scheme: 'busdox-docid-qns',
        value: 'urn:oasis:names:specification:ubl:schema:xsd:Catalogue-2::Catalogue##urn:fdc:peppol.eu:poacc:trns:punch_out:3::2.1',
      },
      process: { scheme: 'cenbii-procid-ubl', value: 'urn:fdc:peppol.eu:poacc:bis:punch_out:3' },
    });
  });

  it('takes a named process and refuses one the transaction does not use', () => {
    expect(registry.identifiersOf('T19', 'urn:fdc:peppol.eu:poacc:bis:catalogue_wo_response:3').process.value).toBe(
      'urn:fdc:peppol.eu:poacc:bis:catalogue_wo_response:3',
    );
    expect(() => registry.identifiersOf('T77', 'urn:fdc:peppol.eu:poacc:bis:ordering:3')).toThrow(/not used in process/);
    expect(() => registry.identifiersOf('T999')).toThrow(/unknown transaction/);
  });

  it('recognises every accepted document type again, with or without its scheme', () => {
    const accepted = registry.acceptedDocuments();
    expect(accepted.length).toBe(9);
    for (const d of accepted) {
      expect(registry.forDocumentType(d.documentTypeId)?.id).toBe(d.transaction);
      expect(registry.forDocumentType(d.documentTypeId.slice('busdox-docid-qns::'.length))?.id).toBe(d.transaction);
    }
    expect(registry.forDocumentType('busdox-docid-qns::urn:x::Y##urn:z::2.1')).toBeUndefined();
  });

  it('lists accepted documents of chosen transactions', () => {
    expect(registry.acceptedDocuments([TRANSACTIONS.order]).map((d) => d.processId)).toEqual([
      'cenbii-procid-ubl::urn:fdc:peppol.eu:poacc:bis:order_only:3',
      'cenbii-procid-ubl::urn:fdc:peppol.eu:poacc:bis:ordering:3',
      'cenbii-procid-ubl::urn:fdc:peppol.eu:poacc:bis:advanced_ordering:3',
    ]);
  });

  it('tells the message kind of a transaction id, other when unknown or absent', () => {
    expect(registry.kindOf('T77')).toBe('cart');
    expect(registry.kindOf('t01')).toBe('order');
    expect(registry.kindOf('T76')).toBe('order-response');
    expect(registry.kindOf('T16')).toBe('other');
    expect(registry.kindOf('T999')).toBe('other');
    expect(registry.kindOf(undefined)).toBe('other');
    expect(registry.kindOf(null)).toBe('other');
  });

  it('serves a table given to it', () => {
    const row: Transaction = { ...TRANSACTIONS.order, id: 'T900', customizationId: 'urn:example:trns:x:1', documentTypeId: 'urn:example::X##urn:example:trns:x:1::2.1' };
    const own = new TransactionRegistry([row]);
    expect(own.ids()).toEqual(['T900']);
    expect(own.forDocumentType('urn:example::X##urn:example:trns:x:1::2.1')).toBe(row);
    expect(own.kindOf('T900')).toBe('order');
  });
});
