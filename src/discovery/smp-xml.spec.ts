import { describe, expect, it } from 'vitest';
import { parseSafeXml } from '../as4/xml/safe-xml.js';
import { DiscoveryError } from './discovery.errors.js';
import { documentTypeFromHref, readServiceGroup, readServiceMetadata } from './smp-xml.js';

const parse = (xml: string) => parseSafeXml(xml, { maxBytes: 100_000, maxDepth: 64, maxElements: 1_000 });
const SMP2 = 'xmlns="http://docs.oasis-open.org/bdxr/ns/SMP/2/ServiceMetadata" xmlns:cbc="http://docs.oasis-open.org/bdxr/ns/SMP/2/BasicComponents" xmlns:cac="http://docs.oasis-open.org/bdxr/ns/SMP/2/AggregateComponents"';

describe('readServiceMetadata', () => {
  it('reads an SMP 2 entry without Process as valid for every process, and strips a repeated scheme', () => {
    const doc = parse(`<ServiceMetadata ${SMP2}>
      <cbc:ID schemeID="busdox-docid-qns">busdox-docid-qns::urn:x::Order##y::2.1</cbc:ID>
      <cbc:ParticipantID schemeID="iso6523-actorid-upis">0088:1</cbc:ParticipantID>
      <cac:ProcessMetadata><cac:Endpoint>
        <cbc:TransportProfileID>peppol-transport-as4-v2_0</cbc:TransportProfileID>
        <cbc:AddressURI>https://ap/as4</cbc:AddressURI>
        <cbc:ActivationDate>2025-01-01</cbc:ActivationDate>
        <cac:Certificate><cbc:ContentBinaryObject mimeCode="application/base64">QUJD
          REVG</cbc:ContentBinaryObject></cac:Certificate>
      </cac:Endpoint></cac:ProcessMetadata>
    </ServiceMetadata>`);
    expect(readServiceMetadata(doc)).toEqual({
      kind: 'service-information',
      format: 'oasis-smp-2',
      participant: { scheme: 'iso6523-actorid-upis', value: '0088:1' },
      documentType: { scheme: 'busdox-docid-qns', value: 'urn:x::Order##y::2.1' },
      processes: [
        {
          endpoints: [
            {
              transportProfile: 'peppol-transport-as4-v2_0',
              address: 'https://ap/as4',
              certificate: 'QUJDREVG',
              activation: new Date('2025-01-01T00:00:00Z'),
              expiration: undefined,
              description: undefined,
              technicalContact: undefined,
            },
          ],
        },
      ],
    });
  });

  it('reads an SMP 2 redirect with its certificate', () => {
    const doc = parse(`<ServiceMetadata ${SMP2}><cbc:ID schemeID="s">d</cbc:ID><cbc:ParticipantID schemeID="p">0088:1</cbc:ParticipantID>
      <cac:ProcessMetadata><cac:Redirect><cbc:PublisherURI>http://other/x</cbc:PublisherURI>
      <cac:Certificate><cbc:ContentBinaryObject>QUJD</cbc:ContentBinaryObject></cac:Certificate></cac:Redirect></cac:ProcessMetadata></ServiceMetadata>`);
    expect(readServiceMetadata(doc)).toEqual({ kind: 'redirect', format: 'oasis-smp-2', href: 'http://other/x', certificate: 'QUJD' });
  });

  it.each([
    ['an unknown root', '<Other xmlns="urn:x"/>', /unexpected SMP response root \{urn:x\}Other/],
    ['a missing ServiceInformation', '<SignedServiceMetadata xmlns="http://busdox.org/serviceMetadata/publishing/1.0/"><ServiceMetadata/></SignedServiceMetadata>', /ServiceMetadata has no ServiceInformation/],
    [
      'a bad date',
      `<ServiceMetadata ${SMP2}><cbc:ID schemeID="s">d</cbc:ID><cbc:ParticipantID schemeID="p">0088:1</cbc:ParticipantID><cac:ProcessMetadata><cac:Endpoint><cbc:TransportProfileID>t</cbc:TransportProfileID><cbc:AddressURI>https://a</cbc:AddressURI><cbc:ExpirationDate>01/08/2025 16:09:15</cbc:ExpirationDate></cac:Endpoint></cac:ProcessMetadata></ServiceMetadata>`,
      /ExpirationDate "01\/08\/2025 16:09:15" is not an ISO date/,
    ],
    ['an identifier without scheme', `<ServiceMetadata ${SMP2}><cbc:ID>d</cbc:ID></ServiceMetadata>`, /ParticipantID|ID has no schemeID/],
    [
      'two participants',
      `<ServiceMetadata ${SMP2}><cbc:ID schemeID="s">d</cbc:ID><cbc:ParticipantID schemeID="p">1</cbc:ParticipantID><cbc:ParticipantID schemeID="p">2</cbc:ParticipantID></ServiceMetadata>`,
      /2 ParticipantID elements/,
    ],
  ])('refuses %s with a clear message', (_what, xml, message) => {
    const error = (() => {
      try {
        readServiceMetadata(parse(xml));
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(DiscoveryError);
    expect((error as DiscoveryError).code).toBe('smp-bad-response');
    expect((error as Error).message).toMatch(message);
  });
});

describe('readServiceGroup', () => {
  it('reads SMP 2 service references', () => {
    const doc = parse(`<ServiceGroup xmlns="http://docs.oasis-open.org/bdxr/ns/SMP/2/ServiceGroup" xmlns:cbc="http://docs.oasis-open.org/bdxr/ns/SMP/2/BasicComponents" xmlns:cac="http://docs.oasis-open.org/bdxr/ns/SMP/2/AggregateComponents">
      <cbc:SMPVersionID>2.0</cbc:SMPVersionID><cbc:ParticipantID schemeID="iso6523-actorid-upis">0088:1</cbc:ParticipantID>
      <cac:ServiceReference><cbc:ID schemeID="busdox-docid-qns">a::B##c::2.1</cbc:ID></cac:ServiceReference></ServiceGroup>`);
    expect(readServiceGroup(doc)).toEqual({
      format: 'oasis-smp-2',
      participant: { scheme: 'iso6523-actorid-upis', value: '0088:1' },
      documentTypes: [{ scheme: 'busdox-docid-qns', value: 'a::B##c::2.1' }],
    });
  });

  it('decodes SMP 1 reference hrefs and skips foreign ones', () => {
    expect(documentTypeFromHref('http://smp/iso6523-actorid-upis%3A%3A0088%3A1/services/busdox-docid-qns%3A%3Aa%3A%3AB%23%23c%3A%3A2.1')).toEqual({
      scheme: 'busdox-docid-qns',
      value: 'a::B##c::2.1',
    });
    expect(documentTypeFromHref('http://smp/elsewhere')).toBeUndefined();
    expect(documentTypeFromHref('http://smp/x/services/%E0%A4%A')).toBeUndefined();
  });
});
