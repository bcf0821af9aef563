import { createPrivateKey, randomUUID, X509Certificate } from 'node:crypto';
import { multipartToBuffer } from '../as4/mime/multipart-writer.js';
import { buildUserMessage, toMultipart } from '../as4/outbound/user-message-builder.js';
import { transactionRegistry, TRANSACTIONS } from '../peppol/index.js';
import { buildSbd } from '../as4/sbdh/sbdh-build.js';
import type { DevPki, DevPkiEntry } from '../pki/dev-pki.js';

const { documentType: PUNCH_OUT_DOCUMENT, process: PUNCH_OUT_PROCESS } = transactionRegistry.identifiersOf(TRANSACTIONS.punchOut.id);

const credentials = (entry: DevPkiEntry) => ({ privateKey: createPrivateKey(entry.keyPem), certificate: new X509Certificate(entry.certPem) });

/**
 * Plays the development "partner" access point: wraps a punch-out cart in an SBD and sends it to our
 * AS4 endpoint as a signed and encrypted AS4 UserMessage, as another access point would.
 */
export async function sendCartAsPartner(
  as4Url: string,
  pki: DevPki,
  input: { cartXml: string; sender: string; receiver: string },
): Promise<{ as4MessageId: string; sendingAp: string; status: number }> {
  const sbd = buildSbd(
    {
      sender: input.sender,
      receiver: input.receiver,
      documentType: PUNCH_OUT_DOCUMENT,
      process: PUNCH_OUT_PROCESS,
      countryC1: 'NO',
      instanceIdentifier: randomUUID(),
      standard: 'urn:oasis:names:specification:ubl:schema:xsd:Catalogue-2',
      typeVersion: '2.1',
      type: 'Catalogue',
      creationDateAndTime: new Date(),
    },
    Buffer.from(input.cartXml, 'utf8'),
  );
  const built = buildUserMessage({
    fromPartyId: pki.partnerAp.subjectCn,
    toPartyId: pki.ourAp.subjectCn,
    process: PUNCH_OUT_PROCESS,
    documentType: PUNCH_OUT_DOCUMENT,
    originalSender: input.sender,
    finalRecipient: input.receiver,
    payload: sbd,
    signing: credentials(pki.partnerAp),
    encryptFor: new X509Certificate(pki.ourAp.certPem),
  });
  const mime = toMultipart(built);
  const response = await fetch(as4Url, { method: 'POST', headers: { 'content-type': mime.contentType }, body: new Uint8Array(await multipartToBuffer(mime)) });
  await response.arrayBuffer();
  return { as4MessageId: built.messageId, sendingAp: pki.partnerAp.subjectCn, status: response.status };
}
