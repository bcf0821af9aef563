import type { KeyObject, X509Certificate } from 'node:crypto';
import { randomUUID } from 'node:crypto';
import { newXmlId } from '../as4/outbound/ids.js';
import { buildStreamedUserMessage, toMultipart, type CompressedPayload, type UserMessagePartIds } from '../as4/outbound/user-message-builder.js';
import { EbmsError } from '../as4/protocol/ebms-errors.js';
import type { PeppolIdentifier } from '../peppol/index.js';
import { verifyReply } from '../as4/signals/receipt-verifier.js';
import { readSignalEnvelope } from '../as4/signals/signal-reader.js';
import type { XmlLimits } from '../as4/xml/safe-xml.js';
import type { Clock } from '../common/clock.js';
import type { CertificateValidator } from '../pki/certificate-validator.js';
import { commonName } from '../pki/keystore.js';
import type { As4HttpRequest, As4HttpResult } from './as4-http-transport.js';
import { isTransientEbmsError, isTransientHttpStatus, type As4SendOutcome } from './send-outcome.js';

/** Our key and certificate for signing; its CN is our AS4 From/PartyId. */
export interface SigningIdentity {
  privateKey: KeyObject;
  certificate: X509Certificate;
  subjectCn: string;
}

/** The receiving access point: where to POST, whom to encrypt for and whose receipts to accept. */
export interface As4Receiver {
  url: string;
  certificate: X509Certificate;
  /** CN of that certificate: the AS4 To/PartyId. */
  partyId: string;
}

/** What a retry must repeat besides the MessageId and payload so that it signs the very same parts. */
export interface EnvelopeFacts {
  timestamp: Date;
  conversationId: string;
  partIds: UserMessagePartIds;
}

export function newEnvelopeFacts(now: Date): EnvelopeFacts {
  return { timestamp: now, conversationId: randomUUID(), partIds: { messaging: newXmlId('msg'), body: newXmlId('body'), contentId: `${randomUUID()}@cid` } };
}

export interface As4SendRequest {
  /** The AS4 MessageId: the same on every retry of one message. */
  messageId: string;
  /** Kept from the first attempt on retries (fresh ones otherwise). */
  envelope?: EnvelopeFacts;
  /** C1 and C4 participant ids (`scheme:value` values, as in the SBDH). */
  senderId: string;
  receiverId: string;
  documentType: PeppolIdentifier;
  process: PeppolIdentifier;
  /** gzip of the SBD. */
  payload: CompressedPayload;
  receiver: As4Receiver;
}

export interface As4Transport {
  post(request: As4HttpRequest): Promise<As4HttpResult>;
}

export interface As4SenderOptions {
  replyXml: XmlLimits;
  maxReceiptReferences?: number;
}

/**
 * Sends one Peppol AS4 UserMessage and judges the synchronous reply: a receipt
 * counts only when signed by the receiver's certificate (the one from the SMP, still a valid Peppol
 * AP certificate), referring to our MessageId and repeating every digest we signed.
 */
export class As4Sender {
  constructor(
    private readonly transport: As4Transport,
    private readonly identity: () => SigningIdentity,
    private readonly validator: Pick<CertificateValidator, 'validate'>,
    private readonly clock: Clock,
    private readonly options: As4SenderOptions,
  ) {}

  /** Our AS4 PartyId (CN of the certificate we sign with now). */
  partyId(): string {
    return this.identity().subjectCn;
  }

  async send(request: As4SendRequest): Promise<As4SendOutcome> {
    const signing = this.identity();
    const built = await buildStreamedUserMessage({
      fromPartyId: signing.subjectCn,
      toPartyId: request.receiver.partyId,
      process: request.process,
      documentType: request.documentType,
      originalSender: request.senderId,
      finalRecipient: request.receiverId,
      payload: request.payload,
      signing: { privateKey: signing.privateKey, certificate: signing.certificate },
      encryptFor: request.receiver.certificate,
      messageId: request.messageId,
      conversationId: request.envelope?.conversationId,
      timestamp: request.envelope?.timestamp ?? this.clock.now(),
      partIds: request.envelope?.partIds,
    });
    const mime = toMultipart(built);
    const result = await this.transport.post({ url: request.receiver.url, contentType: mime.contentType, body: mime.stream() });
    if (result.kind === 'network-error') {
      return { kind: 'transport-error', retryable: true, code: 'EBMS:0005', error: result.error, message: result.message, latencyMs: result.latencyMs };
    }
    if (result.kind === 'too-large') {
      return { kind: 'http-error', retryable: isTransientHttpStatus(result.status), httpStatus: result.status, message: result.message, latencyMs: result.latencyMs };
    }
    const { status, body: reply, latencyMs } = result;
    if (!this.isSignal(reply)) {
      const excerpt = reply.subarray(0, 200).toString('utf8').replace(/\s+/g, ' ').trim();
      const message = `no ebMS signal in the reply${excerpt ? `: ${excerpt}` : ''}`;
      return { kind: 'http-error', retryable: isTransientHttpStatus(status), httpStatus: status, message, reply, latencyMs };
    }
    try {
      const outcome = await verifyReply(reply, {
        sentMessageId: built.messageId,
        sentReferences: built.signedReferences,
        limits: this.options.replyXml,
        maxReferences: this.options.maxReceiptReferences,
        checkCertificate: (signer) => this.checkReceiptSigner(signer, request.receiver),
      });
      if (outcome.kind === 'receipt') {
        return {
          kind: 'receipt',
          retryable: false,
          httpStatus: status,
          receiptMessageId: outcome.receiptMessageId,
          reply,
          sentEnvelope: built.soapXml,
          signer: outcome.signer,
          latencyMs,
        };
      }
      const first = outcome.errors[0]!;
      const message = outcome.errors
        .map((e) => `${e.code}${e.shortDescription ? ` ${e.shortDescription}` : ''}${e.detail ? ` (${e.detail})` : ''}${e.description ? `: ${e.description}` : ''}`)
        .join('; ');
      const retryable = outcome.errors.every((e) => isTransientEbmsError(e.code));
      return { kind: 'ebms-error', retryable, httpStatus: status, code: first.code, errors: outcome.errors, reply, message, latencyMs };
    } catch (error) {
      if (error instanceof EbmsError) return { kind: 'invalid-receipt', retryable: false, httpStatus: status, code: 'EBMS:0302', reply, message: error.message, latencyMs };
      throw error;
    }
  }

  /** The receipt must come from the very certificate we encrypted for, and that must still be acceptable. */
  private async checkReceiptSigner(signer: X509Certificate, receiver: As4Receiver): Promise<void> {
    if (!signer.raw.equals(receiver.certificate.raw)) {
      throw new Error(`signed by CN=${commonName(signer) ?? '?'} (serial ${signer.serialNumber}), not by the receiver's certificate CN=${receiver.partyId} (serial ${receiver.certificate.serialNumber})`);
    }
    const check = await this.validator.validate(signer, 'ap', this.clock.now());
    if (!check.valid) throw new Error(`${check.code}: ${check.message}`);
  }

  private isSignal(reply: Buffer): boolean {
    try {
      readSignalEnvelope(reply, this.options.replyXml);
      return true;
    } catch {
      return false;
    }
  }
}
