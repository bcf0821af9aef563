import { Inject, Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { as4Config, type As4Config } from '../as4/as4.config.js';
import { newMessageId } from '../as4/outbound/ids.js';
import { MessageRepository, StateConflictError, type MessageKind, type MessageRecord } from '../messages/message-repository.js';
import type { MessageState } from '../messages/message-states.js';
import { JobQueue } from '../queue/job-queue.js';
import { jobIdFor, QUEUES } from '../queue/queues.js';
import { BlobStore } from '../storage/blob-store.js';
import type { ExplicitEndpoint } from './endpoint-resolver.js';
import { OutboundMessageError } from './outbound-routing.js';

export const OUTBOUND_ACTOR = 'as4-send';
/** Role of the business document of a message submitted here. */
export const BUSINESS_DOCUMENT_ROLE = 'business-document';

const STARTABLE: MessageState[] = ['created', 'send-failed', 'failed'];

export interface OutboundSubmission {
  document: Buffer | Readable;
  kind: MessageKind;
  senderId: string;
  receiverId: string;
  /** `scheme::value` */
  documentTypeId: string;
  /** `scheme::value` */
  processId: string;
  countryC1?: string;
  /** Skip discovery: send to this endpoint, encrypting for this certificate. */
  endpoint?: ExplicitEndpoint;
  relatedMessageId?: string;
}

/**
 * Outbound messages over AS4 as message rows (direction `outbound`): `send` gives the message its
 * AS4 MessageId (kept for every retry), moves it to `sending` and schedules the send job; the job
 * ends in `sent` (with the receipt) or `send-failed` (with the reason).
 */
@Injectable()
export class OutboundService {
  constructor(
    private readonly messages: MessageRepository,
    private readonly blobs: BlobStore,
    private readonly queue: JobQueue,
    @Inject(as4Config.KEY) private readonly as4: Pick<As4Config, 'messageIdDomain'>,
  ) {}

  /** Stores a document as a new outbound message (state `created`) and starts sending it. */
  async submit(submission: OutboundSubmission): Promise<MessageRecord> {
    const blob = await this.blobs.put(submission.document);
    const message = await this.messages.create(
      {
        direction: 'outbound',
        kind: submission.kind,
        state: 'created',
        senderId: submission.senderId,
        receiverId: submission.receiverId,
        documentTypeId: submission.documentTypeId,
        processId: submission.processId,
        countryC1: submission.countryC1 ?? null,
        payloadSha256: blob.sha256,
        payloadSize: blob.size,
        relatedMessageId: submission.relatedMessageId ?? null,
        attributes: submission.endpoint ? { as4Endpoint: submission.endpoint } : {},
      },
      {
        actor: OUTBOUND_ACTOR,
        reason: 'submitted for sending over AS4',
        documents: [{ role: BUSINESS_DOCUMENT_ROLE, sha256: blob.sha256, mediaType: 'application/xml', size: blob.size }],
      },
    );
    return this.send(message.id);
  }

  /**
   * Starts sending an outbound message (from `created`, or again after `send-failed`/`failed`). Resolves
   * once the send job is scheduled; calling it again while sending schedules nothing new.
   */
  async send(messageId: string): Promise<MessageRecord> {
    const message = await this.messages.find(messageId);
    if (!message) throw new OutboundMessageError(`no message ${messageId}`);
    if (message.direction !== 'outbound') throw new OutboundMessageError(`message ${messageId} is ${message.direction}, not outbound`);
    if (message.state === 'sent') return message;
    if (message.state === 'sending') {
      await this.enqueue(message);
      return message;
    }
    if (!STARTABLE.includes(message.state)) throw new OutboundMessageError(`message ${messageId} is ${message.state}; only created or failed messages can be sent`);
    const generation = generationOf(message) + 1;
    let started: MessageRecord;
    try {
      started = await this.messages.transition(messageId, 'sending', {
        actor: OUTBOUND_ACTOR,
        reason: generation === 1 ? 'send over AS4' : `send over AS4 again (run ${generation})`,
        from: STARTABLE,
        // The MessageId is fixed before the first attempt: every retry and resend repeats it, so the
        // receiver's duplicate detection recognises them.
        patch: { attributes: { as4Send: { generation } }, as4MessageIdIfUnset: newMessageId(this.as4.messageIdDomain) },
      });
    } catch (error) {
      if (!(error instanceof StateConflictError)) throw error;
      // Someone else started it meanwhile: make sure its job exists.
      const now = await this.messages.get(messageId);
      if (now.state === 'sending') await this.enqueue(now);
      return now;
    }
    await this.enqueue(started);
    return started;
  }

  /** (Re)creates the job of a message in `sending`; a no-op while that job exists. For reconcilers too. */
  async enqueue(message: MessageRecord): Promise<void> {
    await this.queue.enqueue(QUEUES.outbound, { messageId: message.id }, { jobId: outboundJobId(message.id, generationOf(message)) });
  }
}

export function outboundJobId(messageId: string, generation: number): string {
  return jobIdFor(QUEUES.outbound, messageId, `send-${generation}`);
}

function generationOf(message: MessageRecord): number {
  const value = message.attributes.as4Send?.generation;
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
}
