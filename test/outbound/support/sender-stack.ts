import { createPrivateKey, X509Certificate } from 'node:crypto';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { TempWorkspaces } from '../../../src/as4/io/temp-workspace.js';
import type { PeppolIdentifier } from '../../../src/peppol/index.js';
import type { Clock } from '../../../src/common/clock.js';
import type { DiscoveryDnsResolver, NaptrRecord } from '../../../src/discovery/dns-resolver.js';
import { PeppolDiscovery } from '../../../src/discovery/discovery.service.js';
import { parseParticipant } from '../../../src/discovery/identifiers.js';
import { SmlLocator } from '../../../src/discovery/sml-locator.js';
import { SmpClient } from '../../../src/discovery/smp-client.js';
import { SmpSignatureVerifier } from '../../../src/discovery/smp-signature.js';
import { As4HttpTransport } from '../../../src/outbound/as4-http-transport.js';
import { As4Sender, type SigningIdentity } from '../../../src/outbound/as4-sender.js';
import { stageCompressedPayload } from '../../../src/outbound/compressed-payload.js';
import { EndpointResolver, type ExplicitEndpoint, type ResolvedEndpoint } from '../../../src/outbound/endpoint-resolver.js';
import { sbdAroundDocument } from '../../../src/outbound/sbd-stream.js';
import type { As4SendOutcome } from '../../../src/outbound/send-outcome.js';
import { BoundedHttpClient } from '../../../src/pki/bounded-http.js';
import { parseCertificate } from '../../../src/pki/certificate.js';
import { CertificateValidator } from '../../../src/pki/certificate-validator.js';
import { CrlClient } from '../../../src/pki/crl-client.js';
import type { DevPki, DevPkiEntry } from '../../../src/pki/dev-pki.js';
import { OcspClient } from '../../../src/pki/ocsp-client.js';
import type { RevocationPolicy } from '../../../src/pki/pki.config.js';
import { PeppolRevocationChecker } from '../../../src/pki/revocation-service.js';
import { TrustStore } from '../../../src/pki/trust-store.js';

export const SML_ZONE = 'participant.sml.test.tech.peppol.org';
export const ORDER: PeppolIdentifier = { scheme: 'busdox-docid-qns', value: 'urn:oasis:names:specification:ubl:schema:xsd:Order-2::Order##urn:fdc:peppol.eu:poacc:trns:order:3::2.1' };
export const ORDERING: PeppolIdentifier = { scheme: 'cenbii-procid-ubl', value: 'urn:fdc:peppol.eu:poacc:bis:ordering:3' };

/** NAPTR answers from a table: the injectable DNS of discovery. */
export class TableResolver implements DiscoveryDnsResolver {
  readonly naptr = new Map<string, NaptrRecord[]>();
  async resolveNaptr(name: string): Promise<NaptrRecord[]> {
    return this.naptr.get(name) ?? [];
  }
  async resolveCname(): Promise<string | undefined> {
    return undefined;
  }
}

const identityOf = (e: DevPkiEntry): SigningIdentity => ({
  privateKey: createPrivateKey(e.keyPem),
  certificate: new X509Certificate(e.certPem),
  subjectCn: e.subjectCn,
});

export function devTrustStore(pki: DevPki): TrustStore {
  const anchor = (pem: string) => ({ cert: parseCertificate(pem), label: 'dev' });
  return new TrustStore([anchor(pki.rootCa.certPem)], { ap: [anchor(pki.apCa.certPem)], smp: [anchor(pki.smpCa.certPem)] });
}

export interface StackOptions {
  policy?: RevocationPolicy;
  /** Send every OCSP request here (e.g. a closed port) and switch CRLs off: the responder is unreachable. */
  unreachableOcspUrl?: string;
  /** Who we send as (default: the dev pki's ourAp). */
  identity?: DevPkiEntry;
  /** Plain http endpoints (loopback) are allowed unless this is false. */
  allowHttp?: boolean;
}

export interface SenderStack {
  validator: CertificateValidator;
  resolver: EndpointResolver;
  sender: As4Sender;
  transport: As4HttpTransport;
  warnings: string[];
}

/** Our sending side exactly as the module wires it, over loopback SMP/OCSP and an injected DNS. */
export function senderStack(pki: DevPki, dns: DiscoveryDnsResolver, clock: Clock, opts: StackOptions = {}): SenderStack {
  const http = new BoundedHttpClient();
  const unreachable = opts.unreachableOcspUrl !== undefined;
  const checker = new PeppolRevocationChecker(
    new OcspClient(http, clock, { timeoutMs: 2_000, maxResponseBytes: 65_536, clockSkewMs: 60_000 }),
    new CrlClient(http, clock, { timeoutMs: 2_000, maxBytes: 1_048_576, clockSkewMs: 60_000, cacheDefaultMs: 60_000, cacheMaxMs: 60_000, maxCachedCrls: 4 }),
    clock,
    { ocspEnabled: true, crlEnabled: !unreachable, ocspResponderUrl: opts.unreachableOcspUrl, cacheDefaultMs: 60_000, cacheMaxMs: 60_000, cacheMaxEntries: 100 },
  );
  const warnings: string[] = [];
  const validator = new CertificateValidator(devTrustStore(pki), {
    revocationPolicy: opts.policy ?? 'hard-fail',
    revocation: checker,
    warnings: { warn: (_d, message) => warnings.push(message) },
  });
  const smp = new SmpClient(http, new SmpSignatureVerifier(validator, clock, { allowRsaSha1: false }), { timeoutMs: 2_000, maxResponseBytes: 1_048_576, maxXmlElements: 10_000 });
  const discovery = new PeppolDiscovery(new SmlLocator(dns, { zone: SML_ZONE, legacyCname: false }), smp, validator, clock, { ttlMs: 60_000, negativeTtlMs: 1, maxEntries: 100 });
  const transport = new As4HttpTransport({ connectTimeoutMs: 2_000, responseTimeoutMs: 60_000, maxResponseBytes: 1 << 20, allowHttp: opts.allowHttp ?? true, maxConnections: 16 });
  const sender = new As4Sender(transport, () => identityOf(opts.identity ?? pki.ourAp), validator, clock, { replyXml: { maxBytes: 1 << 20, maxDepth: 64, maxElements: 10_000 } });
  return { validator, resolver: new EndpointResolver(discovery, validator, clock), sender, transport, warnings };
}

const workspaces = new TempWorkspaces(tmpdir());

/** Resolves the receiver (discovery or explicit), wraps the document in an SBD and sends it. */
export async function sendDocument(
  stack: SenderStack,
  opts: { sender: string; receiver: string; document: () => Readable; explicit?: ExplicitEndpoint; messageId?: string; documentType?: PeppolIdentifier; process?: PeppolIdentifier },
): Promise<{ endpoint: ResolvedEndpoint; outcome: As4SendOutcome; messageId: string; sbdSize: number }> {
  const documentType = opts.documentType ?? ORDER;
  const process = opts.process ?? ORDERING;
  const endpoint = await stack.resolver.resolve({ receiver: parseParticipant(opts.receiver), documentType, process }, opts.explicit);
  const sbd = await sbdAroundDocument({ senderId: opts.sender, receiverId: opts.receiver, documentType, process, countryC1: 'DK' }, opts.document, { now: new Date() });
  const payload = await stageCompressedPayload(sbd.open(), { spillThresholdBytes: 1 << 20, maxSbdBytes: 200 << 20, workspaces });
  const messageId = opts.messageId ?? `${crypto.randomUUID()}@sender.test`;
  try {
    const outcome = await stack.sender.send({
      messageId,
      senderId: opts.sender,
      receiverId: opts.receiver,
      documentType,
      process,
      payload,
      receiver: endpoint,
    });
    return { endpoint, outcome, messageId, sbdSize: payload.sbdSize };
  } finally {
    await payload.dispose();
  }
}

export const bytesOf = (b: Buffer) => () => Readable.from([b]);
