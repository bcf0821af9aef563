import { describe, expect, it } from 'vitest';
import { customizationOfDocumentType } from './ubl-document.js';

describe('customizationOfDocumentType', () => {
  it('takes the customization out of a Peppol document type identifier', () => {
    expect(customizationOfDocumentType('urn:oasis:names:specification:ubl:schema:xsd:Catalogue-2::Catalogue##urn:fdc:peppol.eu:poacc:trns:punch_out:3::2.1'))
      .toBe('urn:fdc:peppol.eu:poacc:trns:punch_out:3');
  });
  it('gives undefined when the identifier has no customization part', () => {
    expect(customizationOfDocumentType('urn:oasis:names:specification:ubl:schema:xsd:Order-2::Order')).toBeUndefined();
  });
});
