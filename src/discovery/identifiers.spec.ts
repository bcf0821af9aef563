import { describe, expect, it } from 'vitest';
import { parseDocumentType, parseParticipant, parseProcess } from './identifiers.js';

describe('discovery identifiers', () => {
  it('accepts participant values with or without scheme', () => {
    expect(parseParticipant('0088:7315458756324')).toEqual({ scheme: 'iso6523-actorid-upis', value: '0088:7315458756324' });
    expect(parseParticipant(' iso6523-actorid-upis::9915:test ')).toEqual({ scheme: 'iso6523-actorid-upis', value: '9915:test' });
  });

  it('refuses malformed participants', () => {
    expect(() => parseParticipant('7315458756324')).toThrow(expect.objectContaining({ code: 'bad-identifier' }));
    expect(() => parseParticipant('')).toThrow(/1\.\.1024 characters/);
    expect(() => parseParticipant('iso6523-actorid-upis::88:1')).toThrow(/ICD:identifier/);
  });

  it('keeps the "::" inside document type values and recognises known schemes', () => {
    const value = 'urn:oasis:names:specification:ubl:schema:xsd:Order-2::Order##urn:fdc:peppol.eu:poacc:trns:order:3::2.1';
    expect(parseDocumentType(value)).toEqual({ scheme: 'busdox-docid-qns', value });
    expect(parseDocumentType(`busdox-docid-qns::${value}`)).toEqual({ scheme: 'busdox-docid-qns', value });
    expect(parseDocumentType(`peppol-doctype-wildcard::${value}`)).toEqual({ scheme: 'peppol-doctype-wildcard', value });
    expect(parseProcess('cenbii-procid-ubl::urn:fdc:peppol.eu:poacc:bis:ordering:3')).toEqual({ scheme: 'cenbii-procid-ubl', value: 'urn:fdc:peppol.eu:poacc:bis:ordering:3' });
  });
});
