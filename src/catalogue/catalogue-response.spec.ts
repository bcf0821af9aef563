import { describe, expect, it } from 'vitest';
import { parseXmlSafely } from '../ubl/safe-parse.js';
import { findAll, text } from '../ubl/reader.js';
import type { CatalogueHeader } from './catalogue-model.js';
import { catalogueResponse, CatalogueResponseError } from './catalogue-response.js';

const header: CatalogueHeader = {
  id: 'CAT-7',
  versionId: '3',
  provider: { endpoint: { value: '987654325', schemeId: '0192' }, partyIds: [{ value: '5790000435951', schemeId: '0088' }, { value: 'X1' }], registrationName: 'Seller AS' },
  receiver: { endpoint: { value: '123456785', schemeId: '0192' }, partyIds: [{ value: 'B1', schemeId: '0088' }, { value: 'B2', schemeId: '0088' }], registrationName: 'Buyer AS' },
};

describe('catalogueResponse', () => {
  it('answers the provider from the receiver and references the catalogue version', () => {
    const root = parseXmlSafely(catalogueResponse({ catalogue: header, decision: 'AP', responseId: 'R-1', issueDate: '2026-01-06', issueTime: '08:00:00' })).documentElement;
    expect(root.localName).toBe('ApplicationResponse');
    expect(
      Object.fromEntries(
        [
          'cbc:CustomizationID',
          'cbc:ProfileID',
          'cbc:ID',
          'cbc:IssueDate',
          'cbc:IssueTime',
          'cac:SenderParty/cbc:EndpointID',
          'cac:SenderParty/cac:PartyLegalEntity/cbc:RegistrationName',
          'cac:ReceiverParty/cbc:EndpointID',
          'cac:ReceiverParty/cac:PartyLegalEntity/cbc:RegistrationName',
          'cac:DocumentResponse/cac:Response/cbc:ResponseCode',
          'cac:DocumentResponse/cac:DocumentReference/cbc:ID',
          'cac:DocumentResponse/cac:DocumentReference/cbc:VersionID',
        ].map((path) => [path, text(root, path)]),
      ),
    ).toEqual({
      'cbc:CustomizationID': 'urn:fdc:peppol.eu:poacc:trns:catalogue_response:3',
      'cbc:ProfileID': 'urn:fdc:peppol.eu:poacc:bis:catalogue_only:3',
      'cbc:ID': 'R-1',
      'cbc:IssueDate': '2026-01-06',
      'cbc:IssueTime': '08:00:00',
      'cac:SenderParty/cbc:EndpointID': '123456785',
      'cac:SenderParty/cac:PartyLegalEntity/cbc:RegistrationName': 'Buyer AS',
      'cac:ReceiverParty/cbc:EndpointID': '987654325',
      'cac:ReceiverParty/cac:PartyLegalEntity/cbc:RegistrationName': 'Seller AS',
      'cac:DocumentResponse/cac:Response/cbc:ResponseCode': 'AP',
      'cac:DocumentResponse/cac:DocumentReference/cbc:ID': 'CAT-7',
      'cac:DocumentResponse/cac:DocumentReference/cbc:VersionID': '3',
    });
    // T58 allows one sender identification, many for the receiver.
    expect(findAll(root, 'cac:SenderParty/cac:PartyIdentification')).toHaveLength(1);
    expect(findAll(root, 'cac:ReceiverParty/cac:PartyIdentification')).toHaveLength(2);
    expect(findAll(root, 'cbc:Note')).toHaveLength(0);
  });

  it('writes rejection reasons as notes, bounded in number and length', () => {
    const reasons = Array.from({ length: 8 }, (_, i) => `reason ${i} ${'x'.repeat(i * 10)}`);
    const root = parseXmlSafely(
      catalogueResponse({ catalogue: header, decision: 'RE', reasons, responseId: 'R-2', issueDate: '2026-01-06' }, { maxNotes: 5, maxNoteLength: 30 }),
    ).documentElement;
    const notes = findAll(root, 'cbc:Note').map((note) => note.textContent);
    expect(notes).toHaveLength(5);
    expect(notes[0]).toBe('reason 0');
    expect(notes[3]).toHaveLength(30);
    expect(notes[3]!.endsWith('…')).toBe(true);
    expect(notes[4]).toBe('… and 4 more');
  });

  it.each([
    ['a rejection without reasons', { decision: 'RE' as const, reasons: ['  '] }, /needs at least one reason/],
    ['a catalogue without id', { catalogue: { ...header, id: undefined } }, /no cbc:ID/],
    ['a provider without endpoint', { catalogue: { ...header, provider: { partyIds: [] } } }, /ProviderParty has no EndpointID/],
    ['a receiver endpoint without scheme', { catalogue: { ...header, receiver: { endpoint: { value: '1' }, partyIds: [] } } }, /ReceiverParty has no EndpointID/],
    ['a bad issue date', { issueDate: '06.01.2026' }, /issue date/],
  ])('refuses %s', (_fault, overrides, message) => {
    const input = { catalogue: header, decision: 'AP' as const, responseId: 'R', issueDate: '2026-01-06', ...overrides };
    expect(() => catalogueResponse(input)).toThrow(CatalogueResponseError);
    expect(() => catalogueResponse(input)).toThrow(message);
  });
});
