import { describe, expect, it } from 'vitest';
import {
  isDocumentTypeValue,
  isParticipantValue,
  parseSchemeAndValue,
  sameIdentifier,
  sameParticipant,
} from './identifiers.js';

const ORDER =
  'urn:oasis:names:specification:ubl:schema:xsd:Order-2::Order##urn:fdc:peppol.eu:poacc:trns:order:3::2.1';

describe('Peppol identifiers', () => {
  it('splits an AS4 Action at the first ::', () => {
    expect(parseSchemeAndValue(`busdox-docid-qns::${ORDER}`)).toEqual({ scheme: 'busdox-docid-qns', value: ORDER });
  });

  it.each(['', 'no-separator', '::value', 'scheme::', 'bad scheme::v'])('rejects %j', (input) => {
    expect(() => parseSchemeAndValue(input)).toThrow();
  });

  it('recognises participant and document type values', () => {
    expect(isParticipantValue('0088:7315458756324')).toBe(true);
    expect(isParticipantValue('88:1')).toBe(false);
    expect(isParticipantValue('0088: space')).toBe(false);
    expect(isDocumentTypeValue(ORDER)).toBe(true);
    expect(isDocumentTypeValue('urn:x:Order')).toBe(false);
  });

  it('compares participants case-insensitively and document types case-sensitively', () => {
    expect(sameParticipant({ scheme: 'iso6523-actorid-upis', value: '0088:ABC' }, { scheme: 'ISO6523-ACTORID-UPIS', value: '0088:abc' })).toBe(true);
    expect(sameIdentifier({ scheme: 'busdox-docid-qns', value: 'A::b##c::1' }, { scheme: 'busdox-docid-qns', value: 'a::b##c::1' })).toBe(false);
  });
});
