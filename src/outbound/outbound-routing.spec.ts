import { describe, expect, it } from 'vitest';
import type { MessageRecord } from '../messages/message-repository.js';
import { explicitEndpointOf, OutboundMessageError, routingOf } from './outbound-routing.js';

const message = (over: Partial<MessageRecord> = {}): MessageRecord =>
  ({
    id: '4f1c2b7e-0000-4000-8000-000000000001',
    direction: 'outbound',
    kind: 'catalogue-response',
    state: 'sending',
    senderId: '0192:810418052',
    receiverId: '0088:7315458756324',
    documentTypeId: 'busdox-docid-qns::urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2::ApplicationResponse##urn:fdc:peppol.eu:poacc:trns:catalogue_response:3::2.1',
    processId: 'cenbii-procid-ubl::urn:fdc:peppol.eu:poacc:bis:catalogue_only:3',
    countryC1: 'no',
    attributes: {},
    ...over,
  }) as MessageRecord;

describe('routingOf', () => {
  it('reads participants, document type and process (scheme::value) and upper-cases the country', () => {
    expect(routingOf(message(), undefined)).toEqual({
      sender: { scheme: 'iso6523-actorid-upis', value: '0192:810418052' },
      receiver: { scheme: 'iso6523-actorid-upis', value: '0088:7315458756324' },
      documentType: { scheme: 'busdox-docid-qns', value: 'urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2::ApplicationResponse##urn:fdc:peppol.eu:poacc:trns:catalogue_response:3::2.1' },
      process: { scheme: 'cenbii-procid-ubl', value: 'urn:fdc:peppol.eu:poacc:bis:catalogue_only:3' },
      countryC1: 'NO',
    });
  });
  it("falls back to the country of the sender's national scheme, then to the configured country, and says what is missing otherwise", () => {
    expect(routingOf(message({ countryC1: null }), 'DK').countryC1).toBe('NO');
    expect(routingOf(message({ countryC1: null, senderId: '0088:5798000000001' }), 'DK').countryC1).toBe('DK');
    expect(() => routingOf(message({ countryC1: null, senderId: '0088:5798000000001' }), undefined)).toThrow(/names none, and AS4_SEND_DEFAULT_COUNTRY_C1 is unset/);
    expect(() => routingOf(message({ receiverId: null, processId: null }), 'DK')).toThrow(/lacks receiverId, processId/);
    expect(() => routingOf(message({ receiverId: 'not-a-participant' }), 'DK')).toThrow(OutboundMessageError);
  });
});

describe('explicitEndpointOf', () => {
  it('reads the explicit endpoint attribute and refuses an incomplete one', () => {
    expect(explicitEndpointOf(message())).toBeUndefined();
    expect(explicitEndpointOf(message({ attributes: { as4Endpoint: { url: 'https://ap.example/as4', certificatePem: 'PEM' } } }))).toEqual({ url: 'https://ap.example/as4', certificatePem: 'PEM' });
    // Stored JSON need not be what the type says.
    const incomplete = { url: 'https://ap.example/as4' } as { url: string; certificatePem: string };
    expect(() => explicitEndpointOf(message({ attributes: { as4Endpoint: incomplete } }))).toThrow(/needs url and certificatePem/);
  });
});
