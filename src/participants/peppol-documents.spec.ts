import { describe, expect, it } from 'vitest';
import { acceptedDocuments, peppolIdentifiersOf, transactionOfDocumentType } from './peppol-documents.js';

describe('Peppol document identifiers', () => {
  it('gives the punch-out identifiers of peppol-network.md §4', () => {
    expect(peppolIdentifiersOf('T77')).toEqual({
      documentType: {
        scheme: 'busdox-docid-qns',
        value: 'urn:oasis:names:specification:ubl:schema:xsd:Catalogue-2::Catalogue##urn:fdc:peppol.eu:poacc:trns:punch_out:3::2.1',
      },
      process: { scheme: 'cenbii-procid-ubl', value: 'urn:fdc:peppol.eu:poacc:bis:punch_out:3' },
    });
  });

  it('takes a named process and refuses one the transaction does not use', () => {
    expect(peppolIdentifiersOf('T19', 'urn:fdc:peppol.eu:poacc:bis:catalogue_wo_response:3').process.value).toBe(
      'urn:fdc:peppol.eu:poacc:bis:catalogue_wo_response:3',
    );
    expect(() => peppolIdentifiersOf('T77', 'urn:fdc:peppol.eu:poacc:bis:ordering:3')).toThrow(/not used in process/);
    expect(() => peppolIdentifiersOf('T999')).toThrow(/unknown transaction/);
  });

  it('recognises every accepted document type again', () => {
    for (const d of acceptedDocuments()) expect(transactionOfDocumentType(d.documentTypeId)?.id).toBe(d.transaction);
  });
});
