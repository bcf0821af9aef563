import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignedXml } from 'xml-crypto';
import { parseDocumentType, parseParticipant } from '../discovery/identifiers.js';
import { serviceMetadataUrl } from '../discovery/smp-client.js';
import { AS4_TRANSPORT_PROFILE, IDENTIFIER_SCHEMES, qualifiedDocumentTypeId } from '../peppol/index.js';
import type { DevPkiEntry } from '../pki/dev-pki.js';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const base64Der = (pem: string) => pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');

export interface DemoPublication {
  participant: string;
  /** As in src/peppol/transactions.ts (without the scheme). */
  documentTypeId: string;
  processId: string;
  /** The access point's AS4 endpoint and certificate. */
  address: string;
  certificatePem: string;
}

/**
 * The demo's SMP on loopback: answers service metadata queries (SMP 1.x, the access points reach it
 * through SMP_FIXED_URL) with documents signed by the dev PKI's SMP key, as a real SMP signs them.
 */
export class DemoSmp {
  private readonly answers = new Map<string, string>();
  private server?: Server;
  url = '';

  constructor(private readonly signer: Pick<DevPkiEntry, 'keyPem' | 'certPem'>) {}

  publish(p: DemoPublication): void {
    const path = serviceMetadataUrl('', parseParticipant(p.participant), parseDocumentType(qualifiedDocumentTypeId(p.documentTypeId)));
    this.answers.set(path, this.sign(serviceMetadata(p)));
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const body = this.answers.get(req.url ?? '');
      if (body === undefined) res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      else res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' }).end(body);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Enveloped signature over the whole document (Reference URI=""), RSA-SHA256. */
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

function serviceMetadata(p: DemoPublication): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<SignedServiceMetadata xmlns="http://busdox.org/serviceMetadata/publishing/1.0/" xmlns:ids="http://busdox.org/transport/identifiers/1.0/">
  <ServiceMetadata>
    <ServiceInformation>
      <ids:ParticipantIdentifier scheme="${IDENTIFIER_SCHEMES.participant}">${escape(p.participant)}</ids:ParticipantIdentifier>
      <ids:DocumentIdentifier scheme="${IDENTIFIER_SCHEMES.documentType}">${escape(p.documentTypeId)}</ids:DocumentIdentifier>
      <ProcessList><Process>
        <ids:ProcessIdentifier scheme="${IDENTIFIER_SCHEMES.process}">${escape(p.processId)}</ids:ProcessIdentifier>
        <ServiceEndpointList>
          <Endpoint transportProfile="${AS4_TRANSPORT_PROFILE}">
            <EndpointReference xmlns="http://www.w3.org/2005/08/addressing"><Address>${escape(p.address)}</Address></EndpointReference>
            <RequireBusinessLevelSignature>false</RequireBusinessLevelSignature>
            <Certificate>${base64Der(p.certificatePem)}</Certificate>
            <ServiceDescription>Demo access point</ServiceDescription>
            <TechnicalContactUrl>mailto:ops@example.com</TechnicalContactUrl>
          </Endpoint>
        </ServiceEndpointList>
      </Process></ProcessList>
    </ServiceInformation>
  </ServiceMetadata>
</SignedServiceMetadata>`;
}
