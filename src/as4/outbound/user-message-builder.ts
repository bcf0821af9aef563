import { randomUUID, type KeyObject, type X509Certificate } from 'node:crypto';
import type { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { createAesGcmEncryptStream, encryptAesGcm, newContentKey } from '../crypto/aes-gcm.js';
import { wrapKeyRsaOaep } from '../crypto/rsa-oaep.js';
import { writeMultipartRelated, type MultipartRelated } from '../mime/multipart-writer.js';
import { formatSchemeAndValue, IDENTIFIER_SCHEMES, type PeppolIdentifier } from '../../peppol/index.js';
import { ALGORITHM, PEPPOL, TOKEN } from '../protocol/peppol-profile.js';
import { attachmentContentDigestOf } from '../wss/attachment-digest.js';
import { appendSignature, appendSignatureAsync, binarySecurityToken, type SignatureOptions } from '../wss/sign.js';
import { XmlBuilder } from '../xml/xml-build.js';
import { newMessageId, newXmlId } from './ids.js';

interface As4Credentials {
  readonly privateKey: KeyObject;
  readonly certificate: X509Certificate;
}

export interface UserMessageToBuild {
  readonly fromPartyId: string;
  readonly toPartyId: string;
  /** Process identifier: Service value, scheme as its `type`. */
  readonly process: PeppolIdentifier;
  /** Document type identifier: Action = `scheme::value`. */
  readonly documentType: PeppolIdentifier;
  readonly originalSender: string;
  readonly finalRecipient: string;
  /** The SBD (SBDH + business document), UTF-8 XML. */
  readonly payload: Buffer;
  readonly signing: As4Credentials;
  /** The receiver's AP certificate (from its SMP endpoint). */
  readonly encryptFor: X509Certificate;
  readonly messageId?: string;
  readonly conversationId?: string;
  readonly timestamp?: Date;
  /**
   * Fixed ids of the signed parts (wsu:Id of Messaging and Body, attachment Content-ID): with the same
   * MessageId, timestamp and payload a retry then signs exactly what the first attempt signed, so a
   * receipt the receiver kept from that attempt still acknowledges it.
   */
  readonly partIds?: UserMessagePartIds;
  /** Default true: gzip the payload (CompressionType application/gzip). */
  readonly compress?: boolean;
}

export interface UserMessagePartIds {
  readonly messaging: string;
  readonly body: string;
  readonly contentId: string;
}

interface BuiltAttachment {
  readonly contentId: string;
  readonly contentType: string;
  readonly bytes: Buffer;
}

export interface BuiltUserMessage {
  readonly messageId: string;
  readonly soapXml: string;
  readonly attachments: BuiltAttachment[];
  /** URI and digest of each reference we signed, for checking the receipt's NRI. */
  readonly signedReferences: Array<{ uri: string; digestValue: string }>;
}

/** The gzip-compressed SBD, readable as often as needed (from memory or a temp file). */
export interface CompressedPayload {
  /** SHA-256 of the gzip bytes: the attachment digest (application/gzip is digested raw). */
  readonly sha256: Buffer;
  open(): Readable;
}

export type StreamedUserMessageToBuild = Omit<UserMessageToBuild, 'payload' | 'compress'> & { readonly payload: CompressedPayload };

interface StreamedAttachment {
  readonly contentId: string;
  readonly contentType: string;
  /** A fresh stream of the encrypted attachment (each call encrypts anew, with a fresh IV). */
  open(): Readable;
}

export interface StreamedUserMessage extends Omit<BuiltUserMessage, 'attachments'> {
  readonly attachments: StreamedAttachment[];
}

const XML_DIGEST_LIMITS = { maxBytes: 200 * 1024 * 1024, maxDepth: 256, maxElements: 10_000_000 };

/**
 * Builds a Peppol AS4 UserMessage around an SBD: gzip → sign (Messaging, Body, attachment) →
 * encrypt the attachment for the receiver (AES-128-GCM, key by RSA-OAEP/MGF1-SHA256).
 */
export function buildUserMessage(input: UserMessageToBuild): BuiltUserMessage {
  const compress = input.compress ?? true;
  const attachmentPlain = compress ? gzipSync(input.payload) : input.payload;
  const preEncryptionType: string = compress ? PEPPOL.gzipCompression : PEPPOL.payloadMimeType;
  const assembled = assemble(input, {
    compress,
    preEncryptionType,
    digest: () => attachmentContentDigestOf(attachmentPlain, preEncryptionType, XML_DIGEST_LIMITS),
  });
  const { contentKey, contentId, ...message } = assembled;
  return { ...message, attachments: [{ contentId, contentType: PEPPOL.encryptedPartContentType, bytes: encryptAesGcm(contentKey, attachmentPlain) }] };
}

/**
 * The same message around an already gzip-compressed SBD that is never held in memory: the digest
 * comes with the payload, the encrypted attachment is produced while it is being sent, and the RSA
 * signature is computed off the event loop.
 */
export async function buildStreamedUserMessage(input: StreamedUserMessageToBuild): Promise<StreamedUserMessage> {
  const { contentKey, contentId, ...message } = await assembleAsync(input, {
    compress: true,
    preEncryptionType: PEPPOL.gzipCompression,
    digest: () => input.payload.sha256,
  });
  const open = (): Readable => {
    const source = input.payload.open();
    const encrypt = createAesGcmEncryptStream(contentKey);
    source.on('error', (error) => encrypt.destroy(error));
    return source.pipe(encrypt);
  };
  return { ...message, attachments: [{ contentId, contentType: PEPPOL.encryptedPartContentType, open }] };
}

interface AttachmentFacts {
  readonly compress: boolean;
  /** Media type before encryption (application/gzip when compressed). */
  readonly preEncryptionType: string;
  /** Input of the attachment reference's digest (computed only when signing). */
  readonly digest: () => Buffer;
}

type Assembled = Omit<BuiltUserMessage, 'attachments'> & { contentId: string; contentKey: Buffer };

/** Builds and signs the envelope; returns the content key the attachment must be encrypted with. */
function assemble(input: Omit<UserMessageToBuild, 'payload'>, attachment: AttachmentFacts): Assembled {
  const d = draft(input, attachment);
  return d.complete(appendSignature(d.b, d.security, d.signature));
}

/** As assemble, with the RSA signature computed off the event loop. */
async function assembleAsync(input: Omit<UserMessageToBuild, 'payload'>, attachment: AttachmentFacts): Promise<Assembled> {
  const d = draft(input, attachment);
  return d.complete(await appendSignatureAsync(d.b, d.security, d.signature));
}

interface Draft {
  readonly b: XmlBuilder;
  readonly security: Element;
  /** What to sign. */
  readonly signature: SignatureOptions;
  complete(signature: Element): Assembled;
}

/** The whole envelope except the signature value. */
function draft(input: Omit<UserMessageToBuild, 'payload'>, attachment: AttachmentFacts): Draft {
  const { compress, preEncryptionType } = attachment;
  const messageId = input.messageId ?? newMessageId(`${input.fromPartyId.toLowerCase()}.as4`);
  const contentId = input.partIds?.contentId ?? `${randomUUID()}@cid`;
  const b = new XmlBuilder('S12:Envelope', ['soap12', 'eb', 'wsse', 'wsse11', 'wsu', 'ds', 'xenc', 'xenc11', 'ec']);
  const messagingId = input.partIds?.messaging ?? newXmlId('msg');
  const bodyId = input.partIds?.body ?? newXmlId('body');

  const property = (name: string, value: string) => b.el('eb:Property', { name, type: IDENTIFIER_SCHEMES.participant }, value);
  const messaging = b.el(
    'eb:Messaging',
    { 'S12:mustUnderstand': 'true', 'wsu:Id': messagingId },
    b.el(
      'eb:UserMessage',
      {},
      b.el('eb:MessageInfo', {}, b.el('eb:Timestamp', {}, (input.timestamp ?? new Date()).toISOString()), b.el('eb:MessageId', {}, messageId)),
      b.el(
        'eb:PartyInfo',
        {},
        b.el('eb:From', {}, b.el('eb:PartyId', { type: PEPPOL.partyIdType }, input.fromPartyId), b.el('eb:Role', {}, PEPPOL.initiatorRole)),
        b.el('eb:To', {}, b.el('eb:PartyId', { type: PEPPOL.partyIdType }, input.toPartyId), b.el('eb:Role', {}, PEPPOL.responderRole)),
      ),
      b.el(
        'eb:CollaborationInfo',
        {},
        b.el('eb:AgreementRef', {}, PEPPOL.agreementRef),
        b.el('eb:Service', { type: input.process.scheme }, input.process.value),
        b.el('eb:Action', {}, formatSchemeAndValue(input.documentType)),
        b.el('eb:ConversationId', {}, input.conversationId ?? randomUUID()),
      ),
      b.el(
        'eb:MessageProperties',
        {},
        property(PEPPOL.originalSenderProperty, input.originalSender),
        property(PEPPOL.finalRecipientProperty, input.finalRecipient),
      ),
      b.el(
        'eb:PayloadInfo',
        {},
        b.el(
          'eb:PartInfo',
          { href: `cid:${contentId}` },
          b.el(
            'eb:PartProperties',
            {},
            b.el('eb:Property', { name: 'MimeType' }, PEPPOL.payloadMimeType),
            compress ? b.el('eb:Property', { name: 'CompressionType' }, PEPPOL.gzipCompression) : undefined,
          ),
        ),
      ),
    ),
  );
  const security = b.el('wsse:Security', { 'S12:mustUnderstand': 'true' });
  const body = b.el('S12:Body', { 'wsu:Id': bodyId });
  b.root.appendChild(b.el('S12:Header', {}, security, messaging));
  b.root.appendChild(body);

  const contentKey = newContentKey();
  const encTokenId = newXmlId('X509-enc');
  const encryptedKeyId = newXmlId('EK');
  const encryptedDataId = newXmlId('ED');
  security.appendChild(binarySecurityToken(b, encTokenId, input.encryptFor.raw));
  security.appendChild(
    b.el(
      'xenc:EncryptedKey',
      { Id: encryptedKeyId },
      b.el(
        'xenc:EncryptionMethod',
        { Algorithm: ALGORITHM.keyTransport },
        b.el('ds:DigestMethod', { Algorithm: ALGORITHM.oaepDigest }),
        b.el('xenc11:MGF', { Algorithm: ALGORITHM.oaepMgf }),
      ),
      b.el('ds:KeyInfo', {}, b.el('wsse:SecurityTokenReference', {}, b.el('wsse:Reference', { URI: `#${encTokenId}`, ValueType: TOKEN.x509v3 }))),
      b.el('xenc:CipherData', {}, b.el('xenc:CipherValue', {}, wrapKeyRsaOaep(contentKey, input.encryptFor).toString('base64'))),
      b.el('xenc:ReferenceList', {}, b.el('xenc:DataReference', { URI: `#${encryptedDataId}` })),
    ),
  );
  security.appendChild(
    b.el(
      'xenc:EncryptedData',
      { Id: encryptedDataId, MimeType: preEncryptionType, Type: ALGORITHM.attachmentContentOnly },
      b.el('xenc:EncryptionMethod', { Algorithm: ALGORITHM.dataEncryption }),
      b.el(
        'ds:KeyInfo',
        {},
        b.el('wsse:SecurityTokenReference', { 'wsse11:TokenType': TOKEN.encryptedKey }, b.el('wsse:Reference', { URI: `#${encryptedKeyId}` })),
      ),
      b.el(
        'xenc:CipherData',
        {},
        b.el(
          'xenc:CipherReference',
          { URI: `cid:${contentId}` },
          b.el('xenc:Transforms', {}, b.el('ds:Transform', { Algorithm: ALGORITHM.attachmentCiphertextTransform })),
        ),
      ),
    ),
  );

  const sigTokenId = newXmlId('X509-sig');
  security.appendChild(binarySecurityToken(b, sigTokenId, input.signing.certificate.raw));
  const signatureOptions: SignatureOptions = {
    signatureId: newXmlId('SIG'),
    tokenId: sigTokenId,
    privateKey: input.signing.privateKey,
    xmlReferences: [
      { id: messagingId, element: messaging, inclusivePrefixes: ['S12'] },
      { id: bodyId, element: body, inclusivePrefixes: [] },
    ],
    attachmentReferences: [{ contentId, digest: attachment.digest() }],
    signedInfoPrefixes: ['S12'],
  };

  return {
    b,
    security,
    signature: signatureOptions,
    complete(signature) {
      const signedReferences: Array<{ uri: string; digestValue: string }> = [];
      for (const ref of Array.from(signature.getElementsByTagNameNS(signature.namespaceURI!, 'Reference'))) {
        const digest = ref.getElementsByTagNameNS(signature.namespaceURI!, 'DigestValue')[0];
        signedReferences.push({ uri: ref.getAttribute('URI') ?? '', digestValue: digest?.textContent ?? '' });
      }
      return {
        messageId,
        soapXml: `<?xml version="1.0" encoding="UTF-8"?>${b.serialize()}`,
        contentId,
        contentKey,
        signedReferences,
      };
    },
  };
}

/**
 * Serialises a built message as `multipart/related` (SOAP root first, attachments binary); streamed
 * attachments are encrypted while the body is read.
 */
export function toMultipart(
  message: Pick<BuiltUserMessage, 'soapXml' | 'attachments'> | Pick<StreamedUserMessage, 'soapXml' | 'attachments'>,
  rootType = 'application/soap+xml',
): MultipartRelated {
  const attachments: ReadonlyArray<BuiltAttachment | StreamedAttachment> = message.attachments;
  return writeMultipartRelated(
    [
      {
        headers: { 'Content-Type': `${rootType};charset=UTF-8`, 'Content-Transfer-Encoding': 'binary' },
        body: Buffer.from(message.soapXml, 'utf8'),
      },
      ...attachments.map((a) => ({
        headers: { 'Content-Type': a.contentType, 'Content-Transfer-Encoding': 'binary', 'Content-ID': `<${a.contentId}>` },
        body: 'bytes' in a ? a.bytes : () => a.open(),
      })),
    ],
    rootType,
  );
}
