import { SignedXml } from 'xml-crypto';

/** Builders for SMP responses of both formats, and an enveloped signer (xml-crypto). */
export interface EndpointSpec {
  transportProfile?: string;
  address: string;
  certificatePem: string;
  activation?: string;
  expiration?: string;
}

export interface MetadataSpec {
  participant: string;
  documentType: string;
  process: string;
  endpoints: EndpointSpec[];
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const base64Der = (pem: string) => pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');

export function smp1Metadata(spec: MetadataSpec): string {
  const endpoints = spec.endpoints
    .map(
      (e) => `<Endpoint transportProfile="${escape(e.transportProfile ?? 'peppol-transport-as4-v2_0')}">
            <EndpointReference xmlns="http://www.w3.org/2005/08/addressing"><Address>${escape(e.address)}</Address></EndpointReference>
            <RequireBusinessLevelSignature>false</RequireBusinessLevelSignature>
            ${e.activation ? `<ServiceActivationDate>${e.activation}</ServiceActivationDate>` : ''}
            ${e.expiration ? `<ServiceExpirationDate>${e.expiration}</ServiceExpirationDate>` : ''}
            <Certificate>${base64Der(e.certificatePem)}</Certificate>
            <ServiceDescription>Test AP</ServiceDescription>
            <TechnicalContactUrl>mailto:ops@example.com</TechnicalContactUrl>
          </Endpoint>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<SignedServiceMetadata xmlns="http://busdox.org/serviceMetadata/publishing/1.0/" xmlns:ids="http://busdox.org/transport/identifiers/1.0/">
  <ServiceMetadata>
    <ServiceInformation>
      <ids:ParticipantIdentifier scheme="iso6523-actorid-upis">${escape(spec.participant)}</ids:ParticipantIdentifier>
      <ids:DocumentIdentifier scheme="busdox-docid-qns">${escape(spec.documentType)}</ids:DocumentIdentifier>
      <ProcessList><Process>
        <ids:ProcessIdentifier scheme="cenbii-procid-ubl">${escape(spec.process)}</ids:ProcessIdentifier>
        <ServiceEndpointList>
          ${endpoints}
        </ServiceEndpointList>
      </Process></ProcessList>
    </ServiceInformation>
  </ServiceMetadata>
</SignedServiceMetadata>`;
}

export function smp1Redirect(href: string, certificateUid: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<SignedServiceMetadata xmlns="http://busdox.org/serviceMetadata/publishing/1.0/">
  <ServiceMetadata><Redirect href="${escape(href)}"><CertificateUID>${escape(certificateUid)}</CertificateUID></Redirect></ServiceMetadata>
</SignedServiceMetadata>`;
}

export function smp2Metadata(spec: MetadataSpec): string {
  const endpoints = spec.endpoints
    .map(
      (e) => `<cac:Endpoint>
        <cbc:TransportProfileID>${escape(e.transportProfile ?? 'peppol-transport-as4-v2_0')}</cbc:TransportProfileID>
        <cbc:Description>Test AP</cbc:Description>
        <cbc:Contact>ops@example.com</cbc:Contact>
        <cbc:AddressURI>${escape(e.address)}</cbc:AddressURI>
        ${e.activation ? `<cbc:ActivationDate>${e.activation}</cbc:ActivationDate>` : ''}
        ${e.expiration ? `<cbc:ExpirationDate>${e.expiration}</cbc:ExpirationDate>` : ''}
        <cac:Certificate>
          <cbc:TypeCode>peppol-ap</cbc:TypeCode>
          <cbc:ContentBinaryObject mimeCode="application/base64">${base64Der(e.certificatePem)}</cbc:ContentBinaryObject>
        </cac:Certificate>
      </cac:Endpoint>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<ServiceMetadata xmlns="http://docs.oasis-open.org/bdxr/ns/SMP/2/ServiceMetadata"
    xmlns:cbc="http://docs.oasis-open.org/bdxr/ns/SMP/2/BasicComponents"
    xmlns:cac="http://docs.oasis-open.org/bdxr/ns/SMP/2/AggregateComponents">
  <cbc:SMPVersionID>2.0</cbc:SMPVersionID>
  <cbc:ID schemeID="busdox-docid-qns">${escape(spec.documentType)}</cbc:ID>
  <cbc:ParticipantID schemeID="iso6523-actorid-upis">${escape(spec.participant)}</cbc:ParticipantID>
  <cac:ProcessMetadata>
    <cac:Process><cbc:ID schemeID="cenbii-procid-ubl">${escape(spec.process)}</cbc:ID></cac:Process>
    ${endpoints}
  </cac:ProcessMetadata>
</ServiceMetadata>`;
}

export function smp1ServiceGroup(smpUrl: string, participant: string, documentTypes: string[]): string {
  const pid = encodeURIComponent(`iso6523-actorid-upis::${participant}`);
  const refs = documentTypes
    .map((d) => `<ServiceMetadataReference href="${escape(`${smpUrl}/${pid}/services/${encodeURIComponent(`busdox-docid-qns::${d}`)}`)}"/>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<ServiceGroup xmlns="http://busdox.org/serviceMetadata/publishing/1.0/" xmlns:ids="http://busdox.org/transport/identifiers/1.0/">
  <ids:ParticipantIdentifier scheme="iso6523-actorid-upis">${escape(participant)}</ids:ParticipantIdentifier>
  <ServiceMetadataReferenceCollection>${refs}</ServiceMetadataReferenceCollection>
</ServiceGroup>`;
}

/** Enveloped signature over the whole document (Reference URI=""), the way SMPs sign. */
export function signEnveloped(xml: string, keyPem: string, certPem: string, algorithm: 'sha256' | 'sha1' = 'sha256'): string {
  const signer = new SignedXml({
    privateKey: keyPem,
    publicCert: certPem,
    signatureAlgorithm: algorithm === 'sha1' ? 'http://www.w3.org/2000/09/xmldsig#rsa-sha1' : 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  });
  signer.addReference({
    xpath: '/*',
    uri: '',
    isEmptyUri: true,
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315'],
    digestAlgorithm: algorithm === 'sha1' ? 'http://www.w3.org/2000/09/xmldsig#sha1' : 'http://www.w3.org/2001/04/xmlenc#sha256',
  });
  signer.computeSignature(xml, { location: { reference: '/*', action: 'append' } });
  return signer.getSignedXml();
}
