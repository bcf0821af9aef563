import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignedXml } from 'xml-crypto';
import { serviceMetadataUrl } from '../../src/discovery/smp-client.js';
import { AS4_TRANSPORT_PROFILE, IDENTIFIER_SCHEMES, type PeppolIdentifier } from '../../src/peppol/index.js';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const base64Der = (pem: string) => pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');

/** An SMP on loopback answering signed service metadata (SMP 1.x) for the endpoints it is given. */
export class LoopbackSmp {
  private readonly routes = new Map<string, string>();
  private server?: Server;
  url = '';

  constructor(private readonly signer: { keyPem: string; certPem: string }) {}

  /** Publishes `endpoint` (AS4, the receiver's certificate) for a participant, document type and process. */
  publish(participant: string, documentType: string, process: string, endpoint: { url: string; certificatePem: string }): void {
    const participantId: PeppolIdentifier = { scheme: IDENTIFIER_SCHEMES.participant, value: participant };
    const documentTypeId: PeppolIdentifier = { scheme: IDENTIFIER_SCHEMES.documentType, value: documentType };
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<SignedServiceMetadata xmlns="http://busdox.org/serviceMetadata/publishing/1.0/" xmlns:ids="http://busdox.org/transport/identifiers/1.0/">
  <ServiceMetadata><ServiceInformation>
    <ids:ParticipantIdentifier scheme="${IDENTIFIER_SCHEMES.participant}">${escape(participant)}</ids:ParticipantIdentifier>
    <ids:DocumentIdentifier scheme="${IDENTIFIER_SCHEMES.documentType}">${escape(documentType)}</ids:DocumentIdentifier>
    <ProcessList><Process>
      <ids:ProcessIdentifier scheme="${IDENTIFIER_SCHEMES.process}">${escape(process)}</ids:ProcessIdentifier>
      <ServiceEndpointList><Endpoint transportProfile="${AS4_TRANSPORT_PROFILE}">
        <EndpointReference xmlns="http://www.w3.org/2005/08/addressing"><Address>${escape(endpoint.url)}</Address></EndpointReference>
        <RequireBusinessLevelSignature>false</RequireBusinessLevelSignature>
        <Certificate>${base64Der(endpoint.certificatePem)}</Certificate>
        <ServiceDescription>benchmark receiver</ServiceDescription>
        <TechnicalContactUrl>mailto:ops@example.com</TechnicalContactUrl>
      </Endpoint></ServiceEndpointList>
    </Process></ProcessList>
  </ServiceInformation></ServiceMetadata>
</SignedServiceMetadata>`;
    this.routes.set(serviceMetadataUrl('', participantId, documentTypeId), this.sign(xml));
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const body = this.routes.get(req.url ?? '/');
      if (!body) res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      else res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' }).end(body);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Enveloped signature over the whole document, as SMPs sign. */
  private sign(xml: string): string {
    const signer = new SignedXml({
      privateKey: this.signer.keyPem,
      publicCert: this.signer.certPem,
      signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
      canonicalizationAlgorithm: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
    });
    signer.addReference({
      xpath: '/*',
      uri: '',
      isEmptyUri: true,
      transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315'],
      digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
    });
    signer.computeSignature(xml, { location: { reference: '/*', action: 'append' } });
    return signer.getSignedXml();
  }
}
