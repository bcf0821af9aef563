import { createHash, randomUUID } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { ApiKeyRecord } from '../admin/auth/api-key-repository.js';
import { conflict, PROBLEM_TYPES, ProblemException } from '../admin/http/problem.js';
import { buildSbd } from '../as4/sbdh/sbdh-build.js';
import { Database } from '../database/database.js';
import { MessageRepository, type MessageRecord } from '../messages/message-repository.js';
import { As4Sender } from '../outbound/as4-sender.js';
import { outboundConfig, type OutboundConfig } from '../outbound/outbound.config.js';
import { BUSINESS_DOCUMENT_ROLE, OutboundService } from '../outbound/outbound.service.js';
import { ParticipantRepository } from '../participants/participant-repository.js';
import { countryOfParticipant, IDENTIFIER_SCHEMES, SYNTAXES, TransactionRegistry, valueWithoutScheme } from '../peppol/index.js';
import { JobQueue } from '../queue/job-queue.js';
import { jobIdFor, QUEUES } from '../queue/queues.js';
import { BlobStore } from '../storage/blob-store.js';
import { parseXmlSafely, XmlParseError } from '../ubl/safe-parse.js';
import type { ValidationReport } from '../validation/validation-report.js';
import { ValidationService } from '../validation/validation.service.js';
import { backendApiConfig, type BackendApiConfig } from './backend-api.config.js';
import { readableLocation } from './rule-location.js';
import { addressSubmission, SubmissionAddressError, type SubmissionAddress, type SubmissionOverrides } from './submission-addressing.js';
import { SubmissionRepository } from './submission-repository.js';

export const API_ACTOR_PREFIX = 'api:';

/** A document to submit as a back end's key presents it. */
export interface DocumentToSubmit {
  body: Buffer;
  overrides: SubmissionOverrides & { country?: string };
  idempotencyKey?: string;
  /** Links the new message to another (an order response to its order). */
  relatedMessageId?: string;
  /** The message id to use (fixed beforehand by the caller). */
  id?: string;
}

export interface Submitted {
  message: MessageRecord;
  /** True when an earlier request with the same Idempotency-Key made the message. */
  repeated: boolean;
  /** Set when the receiver is served here: the inbound message it became. */
  inboundMessageId?: string;
}

/** The rules a refused document broke, as the API lists them. */
export function firedRules(report: ValidationReport) {
  return report.fired.map((f) => ({ id: f.id, flag: f.flag, message: f.text, location: readableLocation(f.location) }));
}

/**
 * Takes business documents from back ends: addresses them (document, then query), checks that the
 * key acts for the sender, validates them against the official rules, records them and sends them
 * over AS4 (SML/SMP discovery) — or, when the receiver is served here too, hands them over as a
 * received message that takes the normal inbound path. One outbound record per submission, one
 * inbound record more for a handover; nothing is stored before the document is accepted.
 */
@Injectable()
export class DocumentSubmissions {
  constructor(
    private readonly db: Database,
    private readonly messages: MessageRepository,
    private readonly submissions: SubmissionRepository,
    private readonly participants: ParticipantRepository,
    private readonly outbound: OutboundService,
    private readonly validation: ValidationService,
    private readonly registry: TransactionRegistry,
    private readonly blobs: BlobStore,
    private readonly queue: JobQueue,
    private readonly sender: As4Sender,
    @Inject(outboundConfig.KEY) private readonly outboundCfg: Pick<OutboundConfig, 'defaultCountryC1'>,
    @Inject(backendApiConfig.KEY) private readonly cfg: BackendApiConfig,
  ) {}

  /** The message an Idempotency-Key made, or null; 409 when the key was used for another request. */
  async repeated(key: ApiKeyRecord, document: DocumentToSubmit): Promise<Submitted | null> {
    if (document.idempotencyKey === undefined) return null;
    const earlier = await this.submissions.find(key.id, document.idempotencyKey);
    if (!earlier) return null;
    if (earlier.requestSha256 !== requestDigest(document)) {
      throw conflict(`Idempotency-Key ${JSON.stringify(document.idempotencyKey)} was used for another request (message ${earlier.messageId}); use a new key for a new document`);
    }
    let message = await this.messages.get(earlier.messageId);
    // Recorded but its send never started (the process stopped in between): start it now.
    if (message.direction === 'outbound' && message.state === 'created') message = await this.outbound.send(message.id);
    return { message, repeated: true };
  }

  async submit(key: ApiKeyRecord, document: DocumentToSubmit): Promise<Submitted> {
    const again = await this.repeated(key, document);
    if (again) return again;
    const address = this.address(document);
    if (!key.participants.includes(address.senderId)) {
      throw new ProblemException(HttpStatus.FORBIDDEN, `key ${key.id} acts for ${key.participants.join(', ')}, not for the sender ${address.senderId}`, { type: PROBLEM_TYPES.forbidden, title: 'Forbidden' });
    }
    const countryC1 = (document.overrides.country ?? countryOfParticipant(address.senderId) ?? this.outboundCfg.defaultCountryC1)?.toUpperCase();
    if (!countryC1 || !/^[A-Z0-9]{2}$/.test(countryC1)) {
      throw invalidInput('query', 'country', `the sender's identifier scheme names no country${this.outboundCfg.defaultCountryC1 ? '' : ' and AS4_SEND_DEFAULT_COUNTRY_C1 is unset'}; give country (two letters)`);
    }
    const report = await this.validation.validate(document.body, { transaction: address.transaction.id });
    if (!report.valid) {
      const fatal = report.fired.filter((f) => f.flag === 'fatal');
      throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, `the ${address.transaction.id} ${address.transaction.name} breaks ${fatal.length} fatal rule(s) (${fatal.slice(0, 3).map((f) => f.id).join(', ')}${fatal.length > 3 ? ', …' : ''}); nothing was stored or sent`, {
        type: PROBLEM_TYPES.invalidDocument,
        title: 'Invalid document',
        extensions: { transaction: address.transaction.id, release: report.release, rules: firedRules(report) },
      });
    }
    const local = (await this.participants.lookup({
      participant: { scheme: IDENTIFIER_SCHEMES.participant, value: address.receiverId },
      documentType: { scheme: IDENTIFIER_SCHEMES.documentType, value: address.transaction.documentTypeId },
      process: { scheme: IDENTIFIER_SCHEMES.process, value: valueWithoutScheme(address.processId, IDENTIFIER_SCHEMES.process) },
    })) === 'served';
    try {
      return local ? await this.handOver(key, document, address, countryC1, report) : await this.send(key, document, address, countryC1, report);
    } catch (error) {
      if (error instanceof KeyTakenError) {
        const winner = await this.repeated(key, document);
        if (winner) return winner;
      }
      throw error;
    }
  }

  private address(document: DocumentToSubmit): SubmissionAddress {
    let root: Element;
    try {
      root = parseXmlSafely(document.body, { maxBytes: this.cfg.maxDocumentBytes, maxDepth: 64, maxElements: 2_000_000 }).documentElement;
    } catch (error) {
      if (error instanceof XmlParseError) throw new ProblemException(HttpStatus.BAD_REQUEST, `the body is not a well-formed XML document: ${error.message}`, { type: PROBLEM_TYPES.validation, title: 'Malformed document' });
      throw error;
    }
    try {
      return addressSubmission(root, document.overrides, this.registry);
    } catch (error) {
      if (error instanceof SubmissionAddressError) throw invalidInput(error.where, error.field, error.message);
      throw error;
    }
  }

  private newRecord(key: ApiKeyRecord, document: DocumentToSubmit, address: SubmissionAddress, countryC1: string) {
    return {
      id: document.id ?? randomUUID(),
      kind: address.transaction.kind,
      senderId: address.senderId,
      receiverId: address.receiverId,
      documentTypeId: address.documentTypeId,
      processId: address.processId,
      countryC1,
      relatedMessageId: document.relatedMessageId ?? null,
      attributes: { transaction: address.transaction.id, submission: { keyId: key.id, ...(document.idempotencyKey ? { idempotencyKey: document.idempotencyKey } : {}) } },
    };
  }

  /** Records the outbound message (and its Idempotency-Key) in one transaction, then starts sending. */
  private async send(key: ApiKeyRecord, document: DocumentToSubmit, address: SubmissionAddress, countryC1: string, report: ValidationReport): Promise<Submitted> {
    const blob = await this.blobs.put(document.body);
    const fields = this.newRecord(key, document, address, countryC1);
    await this.db.transaction(async (tx) => {
      await this.messages.create(
        { ...fields, direction: 'outbound', state: 'created', payloadSha256: blob.sha256, payloadSize: blob.size },
        { actor: `${API_ACTOR_PREFIX}${key.id}`, reason: 'submitted through the back-end API', validation: report, tx, documents: [{ role: BUSINESS_DOCUMENT_ROLE, sha256: blob.sha256, mediaType: 'application/xml', size: blob.size }] },
      );
      await this.rememberKey(key, document, fields.id, tx);
    });
    return { message: await this.outbound.send(fields.id), repeated: false };
  }

  /**
   * The receiver is served here: the outbound record is `delivered` at once, and an inbound record
   * (`received`, with the SBD as AS4 would have brought it) starts the inbound path: validation,
   * then the receiver's flow or routes.
   */
  private async handOver(key: ApiKeyRecord, document: DocumentToSubmit, address: SubmissionAddress, countryC1: string, report: ValidationReport): Promise<Submitted> {
    const fields = this.newRecord(key, document, address, countryC1);
    const inboundId = randomUUID();
    const t = address.transaction;
    const sbd = buildSbd(
      {
        sender: address.senderId,
        receiver: address.receiverId,
        documentType: { scheme: IDENTIFIER_SCHEMES.documentType, value: t.documentTypeId },
        process: { scheme: IDENTIFIER_SCHEMES.process, value: valueWithoutScheme(address.processId, IDENTIFIER_SCHEMES.process) },
        countryC1,
        instanceIdentifier: inboundId,
        standard: t.rootNamespace,
        typeVersion: SYNTAXES[t.syntax].version,
        type: t.rootName,
        creationDateAndTime: new Date(),
      },
      document.body,
    );
    const [business, envelope] = await this.blobs.putAll([document.body, sbd]);
    const ourAp = this.sender.partyId();
    const actor = `${API_ACTOR_PREFIX}${key.id}`;
    await this.db.transaction(async (tx) => {
      await this.messages.create(
        { ...fields, direction: 'outbound', state: 'created', payloadSha256: business!.sha256, payloadSize: business!.size, sbdhInstanceId: inboundId },
        { actor, reason: 'submitted through the back-end API', validation: report, tx, documents: [{ role: BUSINESS_DOCUMENT_ROLE, sha256: business!.sha256, mediaType: 'application/xml', size: business!.size }] },
      );
      await this.messages.create(
        {
          id: inboundId,
          direction: 'inbound',
          kind: t.kind,
          state: 'received',
          as4MessageId: `${fields.id}@local`,
          sendingAp: ourAp,
          receivingAp: ourAp,
          senderId: address.senderId,
          receiverId: address.receiverId,
          documentTypeId: address.documentTypeId,
          processId: address.processId,
          sbdhInstanceId: inboundId,
          countryC1,
          payloadSha256: envelope!.sha256,
          payloadSize: envelope!.size,
          relatedMessageId: fields.id,
          attributes: { transaction: t.id },
        },
        { actor, reason: `handed over from message ${fields.id}: the receiver is served by this access point`, tx, documents: [{ role: 'sbd', sha256: envelope!.sha256, mediaType: 'application/xml', size: envelope!.size }] },
      );
      await this.messages.transition(fields.id, 'delivered', { actor, reason: `the receiver is served here: handed over as inbound message ${inboundId}`, from: ['created'], data: { inboundMessageId: inboundId }, patch: { attributes: { handedOver: { inboundMessageId: inboundId } } }, tx });
      await this.rememberKey(key, document, fields.id, tx);
    });
    await this.queue.enqueue(QUEUES.inbound, { messageId: inboundId }, { jobId: jobIdFor(QUEUES.inbound, inboundId) });
    return { message: await this.messages.get(fields.id), repeated: false, inboundMessageId: inboundId };
  }

  private async rememberKey(key: ApiKeyRecord, document: DocumentToSubmit, messageId: string, tx: Parameters<SubmissionRepository['record']>[1]): Promise<void> {
    if (document.idempotencyKey === undefined) return;
    const recorded = await this.submissions.record({ apiKeyId: key.id, idempotencyKey: document.idempotencyKey, requestSha256: requestDigest(document), messageId }, tx);
    if (!recorded) throw new KeyTakenError();
  }
}

/** A concurrent request with the same Idempotency-Key committed first; this one is rolled back. */
class KeyTakenError extends Error {}

/** What makes two requests the same: the body and the query that shaped the submission. */
function requestDigest(document: DocumentToSubmit): string {
  const overrides = Object.entries(document.overrides)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha256').update(document.body).update('\n').update(JSON.stringify(overrides)).digest('hex');
}

function invalidInput(where: 'query' | 'body', field: string, message: string): ProblemException {
  return new ProblemException(where === 'query' ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_ENTITY, `${where} ${field}: ${message}`, {
    type: PROBLEM_TYPES.validation,
    title: where === 'query' ? 'Invalid request' : 'Unprocessable document',
    errors: [{ in: where, field, message }],
  });
}
