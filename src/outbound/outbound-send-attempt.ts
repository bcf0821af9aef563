import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { TempWorkspaces } from '../as4/io/temp-workspace.js';
import { Clock } from '../common/clock.js';
import { Database } from '../database/database.js';
import { SendOutcomeReports } from '../delivery/ports.js';
import { MessageRepository, StateConflictError, type MessageDocument, type MessageRecord } from '../messages/message-repository.js';
import { BlobStore } from '../storage/blob-store.js';
import { As4Sender, newEnvelopeFacts, type EnvelopeFacts } from './as4-sender.js';
import { BusinessDocumentError } from './business-document-head.js';
import { PayloadTooLargeError, stageCompressedPayload } from './compressed-payload.js';
import { As4EndpointUrlError } from './as4-http-transport.js';
import { EndpointResolutionError, EndpointResolver, type ExplicitEndpoint, type ResolvedEndpoint } from './endpoint-resolver.js';
import { OutboundAttempts } from './outbound-attempts.js';
import { OutboundMetrics } from './outbound-metrics.js';
import { outboundConfig, type OutboundConfig } from './outbound.config.js';
import { BUSINESS_DOCUMENT_ROLE, OUTBOUND_ACTOR } from './outbound.service.js';
import { explicitEndpointOf, OutboundMessageError, routingOf, type OutboundRouting } from './outbound-routing.js';
import { sbdAroundDocument } from './sbd-stream.js';
import { describeOutcome, type As4SendOutcome } from './send-outcome.js';
import { getsMls } from '../mls/mls-addressing.js';
import { MLS_REQUESTED_ATTRIBUTE } from '../mls/mls-attributes.js';
import { mlsConfig, type MlsConfig } from '../mls/mls.config.js';
import { DEFAULT_MLS_TYPE, mainIdOfSeat, SPIS_ICD } from '../peppol/index.js';
import { TransmissionRecorder } from '../reporting/transmission-recorder.js';

/** Document roles this job writes. */
export const OUTBOUND_ROLES = { sbd: 'sbd', receipt: 'receipt', errorSignal: 'error-signal', sentEnvelope: 'as4-envelope' } as const;

/** Roles a produced business document may have, besides the message's payload. */
const BUSINESS_ROLES = [BUSINESS_DOCUMENT_ROLE, 'order', 'catalogue-response', 'order-response'];

export type SendJobResult =
  | { kind: 'skipped'; reason: string }
  | { kind: 'sent'; receiptMessageId: string }
  | { kind: 'send-failed'; code: string; reason: string }
  /** Not done yet: the queue retries the job later (same MessageId). */
  | { kind: 'retry'; code: string; reason: string };

/** Internal injection token: the temp directory of outbound payloads. */
export class OutboundWorkspaces extends TempWorkspaces {}

/**
 * One attempt to send an outbound message: build its SBD once (kept as document `sbd`, so every retry
 * sends the same envelope), find the endpoint, send, and settle — `sent` with the receipt, `send-failed`
 * with the reason (permanent errors at once, transient ones when the attempts run out), or retry.
 */
@Injectable()
export class OutboundSendAttempt {
  private readonly logger = new Logger('OutboundSend');

  constructor(
    private readonly db: Database,
    private readonly messages: MessageRepository,
    private readonly blobs: BlobStore,
    private readonly attempts: OutboundAttempts,
    private readonly sender: As4Sender,
    private readonly resolver: EndpointResolver,
    private readonly workspaces: OutboundWorkspaces,
    private readonly clock: Clock,
    @Inject(outboundConfig.KEY) private readonly config: OutboundConfig,
    @Optional() private readonly metrics?: OutboundMetrics,
    @Optional() @Inject(mlsConfig.KEY) private readonly mls: Pick<MlsConfig, 'requestType'> = { requestType: DEFAULT_MLS_TYPE },
    @Optional() private readonly transmissions?: TransmissionRecorder,
    @Optional() private readonly reports?: SendOutcomeReports,
  ) {}

  async run(messageId: string, attempt: { number: number; final: boolean }): Promise<SendJobResult> {
    const message = await this.messages.find(messageId);
    if (!message) return { kind: 'skipped', reason: `no message ${messageId}` };
    if (message.state !== 'sending') {
      // Settled, maybe by this very job before it died: the report of it is safe to repeat.
      if (message.state === 'sent' || message.state === 'send-failed') await this.reports?.sendSettled(message.id);
      return { kind: 'skipped', reason: `message is ${message.state}` };
    }
    if (!message.as4MessageId) return this.fail(message, attempt, null, { outcome: 'refused', code: 'no-message-id', reason: 'the message has no AS4 MessageId' });
    const startedAt = this.clock.now();

    let routing: OutboundRouting;
    let sbd: MessageDocument;
    let explicit: ExplicitEndpoint | undefined;
    try {
      routing = routingOf(message, this.config.defaultCountryC1);
      explicit = explicitEndpointOf(message);
      sbd = await this.sbdOf(message, routing);
    } catch (error) {
      if (error instanceof OutboundMessageError || error instanceof BusinessDocumentError || error instanceof PayloadTooLargeError) {
        return this.fail(message, attempt, null, { outcome: 'refused', code: 'unsendable', reason: error.message, startedAt });
      }
      throw error;
    }

    let endpoint: ResolvedEndpoint;
    try {
      endpoint = await this.resolver.resolve({ receiver: routing.receiver, documentType: routing.documentType, process: routing.process }, explicit);
    } catch (error) {
      if (!(error instanceof EndpointResolutionError)) throw error;
      const failure = { outcome: 'discovery-failed', code: error.code, reason: error.message, startedAt };
      this.metrics?.attempts.inc({ outcome: error.code });
      return error.retryable ? this.retry(message, attempt, null, failure) : this.fail(message, attempt, null, failure);
    }
    for (const warning of endpoint.warnings) this.logger.warn(`message ${message.id}: ${warning}`);

    const envelope = await this.envelopeOf(message);
    const payload = await stageCompressedPayload(this.blobs.open(sbd.sha256), {
      spillThresholdBytes: this.config.spillThresholdBytes,
      maxSbdBytes: Number.MAX_SAFE_INTEGER,
      workspaces: this.workspaces,
    });
    let outcome: As4SendOutcome;
    try {
      outcome = await this.sender.send({
        messageId: message.as4MessageId,
        envelope,
        senderId: routing.sender.value,
        receiverId: routing.receiver.value,
        documentType: routing.documentType,
        process: routing.process,
        payload,
        receiver: endpoint,
      });
    } catch (error) {
      // An endpoint URL we will not post to (e.g. plain http in production) does not get better later.
      if (!(error instanceof As4EndpointUrlError)) throw error;
      this.metrics?.attempts.inc({ outcome: 'endpoint-url' });
      return this.fail(message, attempt, endpoint, { outcome: 'refused', code: 'endpoint-url', reason: error.message, startedAt });
    } finally {
      await payload.dispose();
    }
    return this.settle(message, attempt, endpoint, outcome, startedAt, routing);
  }

  /** Last resort when the job itself broke on its final attempt: the message must not stay `sending`. */
  async giveUp(messageId: string, attempt: { number: number }, reason: string): Promise<void> {
    const message = await this.messages.find(messageId);
    if (message?.state !== 'sending') return;
    await this.fail(message, { ...attempt, final: true }, null, { outcome: 'refused', code: 'internal', reason });
  }

  private async settle(
    message: MessageRecord,
    attempt: { number: number; final: boolean },
    endpoint: ResolvedEndpoint,
    outcome: As4SendOutcome,
    startedAt: Date,
    routing: OutboundRouting,
  ): Promise<SendJobResult> {
    const reply = 'reply' in outcome && outcome.reply ? await this.blobs.put(outcome.reply) : undefined;
    const code = outcome.kind === 'receipt' ? null : 'code' in outcome ? outcome.code : `HTTP ${outcome.httpStatus}`;
    this.metrics?.attempts.inc({ outcome: code ?? 'receipt' });
    this.metrics?.replySeconds.observe({ outcome: outcome.kind }, outcome.latencyMs / 1000);
    const record = {
      messageId: message.id,
      number: attempt.number,
      startedAt,
      durationMs: this.clock.now().getTime() - startedAt.getTime(),
      endpointUrl: endpoint.url,
      receivingAp: endpoint.partyId,
      outcome: outcome.kind,
      retryable: outcome.retryable,
      httpStatus: 'httpStatus' in outcome ? outcome.httpStatus : null,
      ebmsCode: outcome.kind === 'http-error' ? null : code,
      detail: describeOutcome(outcome),
      signalSha256: reply?.sha256 ?? null,
    };
    if (outcome.kind === 'receipt') {
      // Evidence of what was delivered: the signed envelope we sent and the receipt acknowledging it.
      const envelope = await this.blobs.put(outcome.sentEnvelope);
      const counted = await this.db.transaction(async (tx) => {
        await this.attempts.record(record, tx);
        await this.messages.addDocument(message.id, { role: OUTBOUND_ROLES.receipt, sha256: reply!.sha256, mediaType: 'application/soap+xml', size: reply!.size }, tx);
        await this.messages.addDocument(message.id, { role: OUTBOUND_ROLES.sentEnvelope, sha256: envelope.sha256, mediaType: 'application/soap+xml', size: envelope.size }, tx);
        await this.messages.transition(message.id, 'sent', {
          actor: OUTBOUND_ACTOR,
          reason: `receipt ${outcome.receiptMessageId} from ${endpoint.partyId}`,
          from: ['sending'],
          data: { receiptMessageId: outcome.receiptMessageId, endpoint: endpoint.url, attempt: attempt.number, latencyMs: outcome.latencyMs },
          patch: { signalSha256: reply!.sha256, sendingAp: this.sender.partyId(), receivingAp: endpoint.partyId },
          tx,
        });
        // Peppol Reporting counts it (we are C2) in the commit that records the verified receipt.
        return this.transmissions?.recordSent(
          {
            messageId: message.id,
            receiptVerifiedAt: this.clock.now(),
            ourSeatId: this.sender.partyId(),
            receivingSeatId: endpoint.partyId,
            sender: routing.sender,
            documentType: routing.documentType,
            process: routing.process,
            countryC1: routing.countryC1,
          },
          tx,
        );
      });
      this.transmissions?.counted(counted);
      await this.reports?.sendSettled(message.id);
      return { kind: 'sent', receiptMessageId: outcome.receiptMessageId };
    }
    const failure = { outcome: outcome.kind, code: code!, reason: describeOutcome(outcome), startedAt, record, reply };
    return outcome.retryable ? this.retry(message, attempt, endpoint, failure) : this.fail(message, attempt, endpoint, failure);
  }

  private async retry(
    message: MessageRecord,
    attempt: { number: number; final: boolean },
    endpoint: ResolvedEndpoint | null,
    failure: Failure,
  ): Promise<SendJobResult> {
    if (attempt.final) {
      // Nothing reached the receiver when no endpoint could be resolved; otherwise no receipt came back.
      const unresolved = failure.outcome === 'discovery-failed';
      const reason = unresolved
        ? `no usable endpoint after ${attempt.number} attempts; last: ${failure.reason}`
        : `EBMS:0301 MissingReceipt: no receipt after ${attempt.number} attempts; last: ${failure.reason}`;
      return this.fail(message, attempt, endpoint, { ...failure, code: unresolved ? failure.code : 'EBMS:0301', reason });
    }
    await this.db.transaction(async (tx) => {
      await this.attempts.record(failure.record ?? this.attemptRecord(message, attempt, endpoint, failure, true), tx);
    });
    this.logger.warn(`message ${message.id} attempt ${attempt.number}: ${failure.reason}; will retry`);
    return { kind: 'retry', code: failure.code, reason: failure.reason };
  }

  private async fail(
    message: MessageRecord,
    attempt: { number: number; final: boolean },
    endpoint: ResolvedEndpoint | null,
    failure: Failure,
  ): Promise<SendJobResult> {
    try {
      await this.db.transaction(async (tx) => {
        await this.attempts.record(failure.record ?? this.attemptRecord(message, attempt, endpoint, failure, false), tx);
        if (failure.reply) {
          await this.messages.addDocument(message.id, { role: OUTBOUND_ROLES.errorSignal, sha256: failure.reply.sha256, mediaType: 'application/soap+xml', size: failure.reply.size }, tx);
        }
        await this.messages.transition(message.id, 'send-failed', {
          actor: OUTBOUND_ACTOR,
          reason: failure.reason,
          from: ['sending'],
          data: { code: failure.code, attempt: attempt.number, ...(endpoint ? { endpoint: endpoint.url } : {}) },
          patch: {
            failure: { stage: 'sending', code: failure.code, message: failure.reason, attempt: attempt.number },
            ...(failure.reply ? { signalSha256: failure.reply.sha256 } : {}),
            ...(endpoint ? { sendingAp: this.sender.partyId(), receivingAp: endpoint.partyId } : {}),
          },
          tx,
        });
      });
    } catch (error) {
      if (!(error instanceof StateConflictError)) throw error;
      return { kind: 'skipped', reason: error.message };
    }
    this.logger.warn(`message ${message.id} send failed: ${failure.reason}`);
    await this.reports?.sendSettled(message.id);
    return { kind: 'send-failed', code: failure.code, reason: failure.reason };
  }

  private attemptRecord(message: MessageRecord, attempt: { number: number }, endpoint: ResolvedEndpoint | null, failure: Failure, retryable: boolean) {
    const startedAt = failure.startedAt ?? this.clock.now();
    return {
      messageId: message.id,
      number: attempt.number,
      startedAt,
      durationMs: this.clock.now().getTime() - startedAt.getTime(),
      endpointUrl: endpoint?.url ?? null,
      receivingAp: endpoint?.partyId ?? null,
      outcome: failure.outcome,
      retryable,
      httpStatus: null,
      ebmsCode: null,
      detail: `${failure.code}: ${failure.reason}`,
      signalSha256: null,
    };
  }

  /** Fixed on the first attempt and stored before anything is sent, so every retry signs the same parts. */
  private async envelopeOf(message: MessageRecord): Promise<EnvelopeFacts> {
    const kept = message.attributes.as4Envelope;
    if (kept?.timestamp && kept.conversationId && kept.partIds) {
      return { timestamp: new Date(kept.timestamp), conversationId: kept.conversationId, partIds: kept.partIds };
    }
    const fresh = newEnvelopeFacts(this.clock.now());
    if (message.conversationId) fresh.conversationId = message.conversationId;
    await this.messages.update(message.id, {
      attributes: { as4Envelope: { ...fresh, timestamp: fresh.timestamp.toISOString() } },
      conversationIdIfUnset: fresh.conversationId,
    });
    return fresh;
  }

  /** The SBD of this message: built once from the business document and kept, so retries resend it unchanged. */
  private async sbdOf(message: MessageRecord, routing: OutboundRouting): Promise<MessageDocument> {
    const documents = await this.messages.documents(message.id);
    const existing = documents.find((d) => d.role === OUTBOUND_ROLES.sbd);
    if (existing) return existing;
    const business = message.payloadSha256
      ? { sha256: message.payloadSha256, size: message.payloadSize ?? documents.find((d) => d.sha256 === message.payloadSha256)?.size ?? 0 }
      : documents.find((d) => BUSINESS_ROLES.includes(d.role));
    if (!business) throw new OutboundMessageError(`message ${message.id} has no business document to send`);
    if (business.size > this.config.maxDocumentBytes) {
      throw new PayloadTooLargeError(`the document is ${business.size} bytes, over AS4_SEND_MAX_DOCUMENT_BYTES (${this.config.maxDocumentBytes})`);
    }
    const mls = this.mlsRequest(routing);
    const source = await sbdAroundDocument(
      { senderId: routing.sender.value, receiverId: routing.receiver.value, documentType: routing.documentType, process: routing.process, countryC1: routing.countryC1, mls },
      () => this.blobs.open(business.sha256),
      { now: this.clock.now() },
    );
    const blob = await this.blobs.put(source.open());
    const sbd: MessageDocument = { role: OUTBOUND_ROLES.sbd, sha256: blob.sha256, mediaType: 'application/xml', size: blob.size };
    await this.db.transaction(async (tx) => {
      await this.messages.addDocument(message.id, sbd, tx);
      await this.messages.update(message.id, { sbdhInstanceId: source.instanceIdentifier }, tx);
      if (mls) await this.messages.setAttributes(message.id, { [MLS_REQUESTED_ATTRIBUTE]: { to: mls.to, type: mls.type } }, tx);
    });
    return sbd;
  }

  /**
   * What the receiving access point is asked for: an MLS to our own SPIS participant (`0242:` + our
   * seat's six digits), of the configured type. An MLS or a report asks for none.
   */
  private mlsRequest(routing: OutboundRouting): { to: string; type: string } | undefined {
    const ownMainId = mainIdOfSeat(this.sender.partyId());
    if (!ownMainId || !getsMls(routing.process.value)) return undefined;
    return { to: `${SPIS_ICD}:${ownMainId}`, type: this.mls.requestType };
  }
}

interface Failure {
  outcome: string;
  code: string;
  reason: string;
  startedAt?: Date;
  record?: Parameters<OutboundAttempts['record']>[0];
  reply?: { sha256: string; size: number };
}
