import { createPrivateKey, X509Certificate } from 'node:crypto';
import { multipartToBuffer } from '../../src/as4/mime/multipart-writer.js';
import { buildUserMessage, toMultipart } from '../../src/as4/outbound/user-message-builder.js';
import { buildSbd } from '../../src/as4/sbdh/sbdh-build.js';
import type { PeppolIdentifier } from '../../src/peppol/index.js';
import type { RunningApi } from './as4-harness.js';

export const BENCH_BUYER = '0088:5798000000001';
export const BENCH_SELLER = '0088:7315458756324';

export interface WireMessage {
  contentType: string;
  body: Buffer;
  sbdBytes: number;
}

/**
 * The dev partner AP's messages to the running API: a UBL Catalogue-syntax document (T19 catalogue
 * or T77 punch-out cart) from the buyer to the seller, in its SBDH, signed, encrypted and framed as
 * it goes on the wire. The keys are read once for all the messages it makes.
 */
export function partnerCatalogueMessages(api: Pick<RunningApi, 'pki'>, ids: { documentType: PeppolIdentifier; process: PeppolIdentifier }) {
  const signing = { privateKey: createPrivateKey(api.pki.partnerAp.keyPem), certificate: new X509Certificate(api.pki.partnerAp.certPem) };
  const encryptFor = new X509Certificate(api.pki.ourAp.certPem);
  return async (document: Buffer): Promise<WireMessage> => {
    const sbd = buildSbd(
      {
        sender: BENCH_BUYER,
        receiver: BENCH_SELLER,
        ...ids,
        countryC1: 'DK',
        instanceIdentifier: crypto.randomUUID(),
        standard: 'urn:oasis:names:specification:ubl:schema:xsd:Catalogue-2',
        typeVersion: '2.1',
        type: 'Catalogue',
        creationDateAndTime: new Date(),
      },
      document,
    );
    const built = buildUserMessage({
      fromPartyId: api.pki.partnerAp.subjectCn,
      toPartyId: api.pki.ourAp.subjectCn,
      ...ids,
      originalSender: BENCH_BUYER,
      finalRecipient: BENCH_SELLER,
      payload: sbd,
      signing,
      encryptFor,
    });
    const mime = toMultipart(built);
    return { contentType: mime.contentType, body: await multipartToBuffer(mime), sbdBytes: sbd.length };
  };
}
