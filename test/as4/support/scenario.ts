import { createPrivateKey, X509Certificate } from 'node:crypto';
import { Readable } from 'node:stream';
import { Clock } from '../../../src/common/clock.js';
import { as4Config, type As4Config } from '../../../src/as4/as4.config.js';
import { ReceivePipeline, type ReceiveReply } from '../../../src/as4/receive/receive-pipeline.js';
import type { As4KeyPair, SenderCertificateValidator } from '../../../src/as4/receive/ports.js';
import { CredentialsAccessPointKeys } from './credentials-access-point-keys.js';
import { PkiSenderCertificateValidator } from '../../../src/receive-ports/pki-sender-certificate-validator.js';
import { parseCertificate } from '../../../src/pki/certificate.js';
import { CertificateValidator } from '../../../src/pki/certificate-validator.js';
import { TrustStore } from '../../../src/pki/trust-store.js';
import { TempWorkspaces } from '../../../src/as4/io/temp-workspace.js';
import { multipartToBuffer } from '../../../src/as4/mime/multipart-writer.js';
import { buildUserMessage, toMultipart, type BuiltUserMessage, type UserMessageToBuild } from '../../../src/as4/outbound/user-message-builder.js';
import { buildSbd, type SbdhToBuild } from '../../../src/as4/sbdh/sbdh-build.js';
import { createDevPki, type DevPki, type DevPkiEntry } from '../../../src/pki/dev-pki.js';
import { MemoryDuplicateRegistry, MemoryJobEnqueuer, MemoryMessageStore, MemoryParticipantDirectory } from './in-memory-ports.js';

export const ORDER_DOC = { scheme: 'busdox-docid-qns', value: 'urn:oasis:names:specification:ubl:schema:xsd:Order-2::Order##urn:fdc:peppol.eu:poacc:trns:order:3::2.1' };
export const ORDERING = { scheme: 'cenbii-procid-ubl', value: 'urn:fdc:peppol.eu:poacc:bis:ordering:3' };
export const BUYER = '0088:5798000000001';
export const SELLER = '0088:7315458756324';

let pkiPromise: Promise<DevPki> | undefined;
/** One dev PKI per test file (RSA key generation is slow). */
export function devPki(): Promise<DevPki> {
  pkiPromise ??= createDevPki();
  return pkiPromise;
}

export const credentials = (entry: DevPkiEntry): As4KeyPair => ({
  privateKey: createPrivateKey(entry.keyPem),
  certificate: new X509Certificate(entry.certPem),
});

/** The PKI's validator over a trust store holding the dev root and dev AP CA (no revocation source). */
export function devCertificateValidator(pki: DevPki): PkiSenderCertificateValidator {
  const anchor = (pem: string, label: string) => ({ cert: parseCertificate(pem), label });
  const trust = new TrustStore([anchor(pki.rootCa.certPem, 'dev root')], { ap: [anchor(pki.apCa.certPem, 'dev AP CA')], smp: [] });
  return new PkiSenderCertificateValidator(new CertificateValidator(trust, { revocationPolicy: 'off' }));
}

export function orderXml(lines = 3): Buffer {
  const line = (i: number) =>
    `<cac:OrderLine><cac:LineItem><cbc:ID>${i}</cbc:ID><cbc:Quantity unitCode="EA">2</cbc:Quantity><cac:Item><cbc:Name>Item ${i}</cbc:Name></cac:Item></cac:LineItem></cac:OrderLine>`;
  return Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?>\n<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2" ' +
      'xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" ' +
      'xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">' +
      '<cbc:CustomizationID>urn:fdc:peppol.eu:poacc:trns:order:3</cbc:CustomizationID><cbc:ProfileID>urn:fdc:peppol.eu:poacc:bis:ordering:3</cbc:ProfileID>' +
      `<cbc:ID>PO-1</cbc:ID>${Array.from({ length: lines }, (_, i) => line(i + 1)).join('')}</Order>`,
    'utf8',
  );
}

export function sbdFor(overrides: Partial<SbdhToBuild> = {}, business = orderXml()): Buffer {
  return buildSbd(
    {
      sender: BUYER,
      receiver: SELLER,
      documentType: ORDER_DOC,
      process: ORDERING,
      countryC1: 'DK',
      instanceIdentifier: crypto.randomUUID(),
      standard: 'urn:oasis:names:specification:ubl:schema:xsd:Order-2',
      typeVersion: '2.1',
      type: 'Order',
      creationDateAndTime: new Date(),
      ...overrides,
    },
    business,
  );
}

export interface Scenario {
  readonly pki: DevPki;
  readonly config: As4Config;
  readonly pipeline: ReceivePipeline;
  readonly store: MemoryMessageStore;
  readonly enqueuer: MemoryJobEnqueuer;
  readonly duplicates: MemoryDuplicateRegistry;
  readonly directory: MemoryParticipantDirectory;
  /** Names of the steps that ran, in order, as the metrics hook saw them. */
  readonly observedSteps: string[];
  /** Builds a message from partnerAp to ourAp; overrides tune it for a fault. */
  build(overrides?: Partial<UserMessageToBuild>): BuiltUserMessage;
  /** Sends MIME bytes through the pipeline, streamed in chunks like a socket would. */
  send(body: Buffer, contentType: string): Promise<ReceiveReply>;
  sendBuilt(message: Pick<BuiltUserMessage, 'soapXml' | 'attachments'>, rootType?: string): Promise<{ reply: ReceiveReply; body: Buffer }>;
}

export async function createScenario(env: Record<string, string> = {}, ports: { certificateValidator?: SenderCertificateValidator } = {}): Promise<Scenario> {
  const pki = await devPki();
  const config = as4Config.load({ AS4_SPILL_THRESHOLD_BYTES: '65536', ...env });
  const store = new MemoryMessageStore();
  const enqueuer = new MemoryJobEnqueuer();
  const duplicates = new MemoryDuplicateRegistry(store);
  const directory = new MemoryParticipantDirectory().serve(SELLER, ORDER_DOC, ORDERING);
  const ours = credentials(pki.ourAp);
  const observedSteps: string[] = [];
  const pipeline = ReceivePipeline.create({
    config,
    clock: new Clock(),
    workspaces: new TempWorkspaces(config.tempDir),
    keys: new CredentialsAccessPointKeys(ours),
    certificateValidator: ports.certificateValidator ?? devCertificateValidator(pki),
    participants: directory,
    duplicates,
    store,
    enqueuer,
    observeStep: (step, seconds) => {
      if (!(seconds >= 0)) throw new Error(`step ${step} observed with ${seconds} s`);
      observedSteps.push(step);
    },
  });
  const send = (body: Buffer, contentType: string) => {
    const chunks: Buffer[] = [];
    for (let i = 0; i < body.length; i += 16_384) chunks.push(body.subarray(i, i + 16_384));
    return pipeline.handle({ contentType, body: Readable.from(chunks) });
  };
  return {
    pki,
    config,
    pipeline,
    store,
    enqueuer,
    duplicates,
    directory,
    observedSteps,
    build: (overrides = {}) =>
      buildUserMessage({
        fromPartyId: pki.partnerAp.subjectCn,
        toPartyId: pki.ourAp.subjectCn,
        process: ORDERING,
        documentType: ORDER_DOC,
        originalSender: BUYER,
        finalRecipient: SELLER,
        payload: sbdFor(),
        signing: credentials(pki.partnerAp),
        encryptFor: ours.certificate,
        ...overrides,
      }),
    send,
    async sendBuilt(message, rootType) {
      const mime = toMultipart(message, rootType);
      const body = await multipartToBuffer(mime);
      return { reply: await send(body, mime.contentType), body };
    },
  };
}
