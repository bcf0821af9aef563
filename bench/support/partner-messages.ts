import { createPrivateKey, randomUUID, X509Certificate } from 'node:crypto';
import { multipartToBuffer } from '../../src/as4/mime/multipart-writer.js';
import { buildUserMessage, toMultipart, type BuiltUserMessage } from '../../src/as4/outbound/user-message-builder.js';
import { buildSbd } from '../../src/as4/sbdh/sbdh-build.js';
import type { PeppolIdentifier } from '../../src/peppol/index.js';
import type { DevPki } from '../../src/pki/dev-pki.js';
import type { RunningApi } from './as4-harness.js';

export const BENCH_BUYER = '0088:5798000000001';
export const BENCH_SELLER = '0088:7315458756324';

export interface WireMessage {
  built: BuiltUserMessage;
  contentType: string;
  body: Buffer;
  sbdBytes: number;
}

/** Who sends a Catalogue-syntax document to whom, and as which transaction. */
export interface CatalogueRoute {
  sender: string;
  receiver: string;
  countryC1: string;
  documentType: PeppolIdentifier;
  process: PeppolIdentifier;
}

/**
 * The dev partner AP sending to our AP: a UBL Catalogue-syntax document (T19 catalogue or T77
 * punch-out cart) in its SBDH, signed, encrypted and framed as it goes on the wire. The keys are
 * read once for all the messages it makes.
 */
export function partnerAp(pki: Pick<DevPki, 'partnerAp' | 'ourAp'>): (route: CatalogueRoute, document: Buffer) => Promise<WireMessage> {
  const signing = { privateKey: createPrivateKey(pki.partnerAp.keyPem), certificate: new X509Certificate(pki.partnerAp.certPem) };
  const encryptFor = new X509Certificate(pki.ourAp.certPem);
  return async (route, document) => {
    const ids = { documentType: route.documentType, process: route.process };
    const sbd = buildSbd(
      {
        sender: route.sender,
        receiver: route.receiver,
        ...ids,
        countryC1: route.countryC1,
        instanceIdentifier: randomUUID(),
        standard: 'urn:oasis:names:specification:ubl:schema:xsd:Catalogue-2',
        typeVersion: '2.1',
        type: 'Catalogue',
        creationDateAndTime: new Date(),
      },
      document,
    );
    const built = buildUserMessage({
      fromPartyId: pki.partnerAp.subjectCn,
      toPartyId: pki.ourAp.subjectCn,
      ...ids,
      originalSender: route.sender,
      finalRecipient: route.receiver,
      payload: sbd,
      signing,
      encryptFor,
    });
    const mime = toMultipart(built);
    return { built, contentType: mime.contentType, body: await multipartToBuffer(mime), sbdBytes: sbd.length };
  };
}

/** The partner AP's messages from the bench buyer to the bench seller served by the running API. */
export function partnerCatalogueMessages(api: Pick<RunningApi, 'pki'>, ids: { documentType: PeppolIdentifier; process: PeppolIdentifier }) {
  const send = partnerAp(api.pki);
  return (document: Buffer): Promise<WireMessage> => send({ sender: BENCH_BUYER, receiver: BENCH_SELLER, countryC1: 'DK', ...ids }, document);
}
