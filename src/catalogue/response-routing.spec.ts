import { describe, expect, it } from 'vitest';
import { catalogueResponseRouting } from './response-routing.js';

describe('catalogueResponseRouting', () => {
  it('sends from the catalogue receiver to the provider as a T58 in catalogue_only', () => {
    expect(
      catalogueResponseRouting({
        provider: { endpoint: { value: '987654325', schemeId: '0192' }, partyIds: [] },
        receiver: { endpoint: { value: '5798000012349', schemeId: '0088' }, partyIds: [], postalAddress: { countryCode: 'DK' } },
      }),
    ).toEqual({
      senderId: '0088:5798000012349',
      receiverId: '0192:987654325',
      documentTypeId: 'urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2::ApplicationResponse##urn:fdc:peppol.eu:poacc:trns:catalogue_response:3::2.1',
      processId: 'urn:fdc:peppol.eu:poacc:bis:catalogue_only:3',
      countryC1: 'DK',
    });
  });

  it('refuses a catalogue without a provider endpoint', () => {
    expect(() => catalogueResponseRouting({ receiver: { endpoint: { value: '1', schemeId: '0088' }, partyIds: [] } })).toThrow(/lacks the endpoints/);
  });
});
