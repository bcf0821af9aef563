import { createPrivateKey, randomUUID, X509Certificate } from 'node:crypto';
import { multipartToBuffer } from '../../src/as4/mime/multipart-writer.js';
import { buildUserMessage, toMultipart, type BuiltUserMessage } from '../../src/as4/outbound/user-message-builder.js';
import type { PeppolIdentifier } from '../../src/peppol/index.js';
import { buildSbd } from '../../src/as4/sbdh/sbdh-build.js';
import { verifyReply, type ReplyOutcome } from '../../src/as4/signals/receipt-verifier.js';
import type { DevPki, DevPkiEntry } from '../../src/pki/dev-pki.js';

export const PUNCH_OUT_DOC: PeppolIdentifier = {
  scheme: 'busdox-docid-qns',
  value: 'urn:oasis:names:specification:ubl:schema:xsd:Catalogue-2::Catalogue##urn:fdc:peppol.eu:poacc:trns:punch_out:3::2.1',
};
export const PUNCH_OUT_PROCESS: PeppolIdentifier = { scheme: 'cenbii-procid-ubl', value: 'urn:fdc:peppol.eu:poacc:bis:punch_out:3' };

export interface SentMessage {
  built: BuiltUserMessage;
  body: Buffer<ArrayBuffer>;
  contentType: string;
  status: number;
  reply: Buffer;
}

/** Builds an SBD around a business document (sender and receiver as in the SBDH). */
export function sbdAround(doc: Buffer, opts: { sender: string; receiver: string; documentType?: PeppolIdentifier; process?: PeppolIdentifier; rootName?: string; rootNs?: string }): Buffer {
  const documentType = opts.documentType ?? PUNCH_OUT_DOC;
  const [rootNs, rest] = documentType.value.split('::');
  return buildSbd(
    {
      sender: opts.sender,
      receiver: opts.receiver,
      documentType,
      process: opts.process ?? PUNCH_OUT_PROCESS,
      countryC1: 'NO',
      instanceIdentifier: randomUUID(),
      standard: opts.rootNs ?? rootNs!,
      typeVersion: '2.1',
      type: opts.rootName ?? rest!.split('##')[0]!,
      creationDateAndTime: new Date(),
    },
    doc,
  );
}

const keyPair = (e: DevPkiEntry) => ({ privateKey: createPrivateKey(e.keyPem), certificate: new X509Certificate(e.certPem) });

type PartnerMessageOptions = { sender: string; receiver: string; documentType?: PeppolIdentifier; process?: PeppolIdentifier; messageId?: string };
export interface PrebuiltMessage {
  readonly built: BuiltUserMessage;
  readonly body: Buffer<ArrayBuffer>;
  readonly contentType: string;
}

/** Builds (signs, encrypts, wraps in MIME) an SBD as the dev "partner" AP would send it to ours. */
export async function buildFromPartner(pki: DevPki, sbd: Buffer, opts: PartnerMessageOptions): Promise<PrebuiltMessage> {
  const built = buildUserMessage({
    fromPartyId: pki.partnerAp.subjectCn,
    toPartyId: pki.ourAp.subjectCn,
    process: opts.process ?? PUNCH_OUT_PROCESS,
    documentType: opts.documentType ?? PUNCH_OUT_DOC,
    originalSender: opts.sender,
    finalRecipient: opts.receiver,
    payload: sbd,
    signing: keyPair(pki.partnerAp),
    encryptFor: new X509Certificate(pki.ourAp.certPem),
    messageId: opts.messageId,
  });
  const mime = toMultipart(built);
  return { built, body: await multipartToBuffer(mime), contentType: mime.contentType };
}

/** Sends an SBD from the dev "partner" AP to our AP over real HTTP, as another access point would. */
export async function sendFromPartner(url: string, pki: DevPki, sbd: Buffer, opts: PartnerMessageOptions & { prebuilt?: PrebuiltMessage }): Promise<SentMessage> {
  const { built, body, contentType } = opts.prebuilt ?? (await buildFromPartner(pki, sbd, opts));
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });
  return { built, body, contentType, status: res.status, reply: Buffer.from(await res.arrayBuffer()) };
}

/** Verifies the reply as the sending AP does: signature by an AP certificate, NRI equal to what we signed. */
export function verifyAsSender(sent: SentMessage): Promise<ReplyOutcome> {
  return verifyReply(sent.reply, {
    sentMessageId: sent.built.messageId,
    sentReferences: sent.built.signedReferences,
    limits: { maxBytes: 1 << 20, maxDepth: 64, maxElements: 10_000 },
    checkCertificate: async () => undefined,
  });
}
