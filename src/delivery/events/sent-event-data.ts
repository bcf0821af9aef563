import type { MessageRecord } from '../../messages/message-repository.js';
import { DeliveryError } from '../delivery.errors.js';
import { WEBHOOK_SCHEMA_VERSION, type WebhookEventData } from '../webhook/events.js';
import { participantOf, peppolRoutingOf } from './event-data.js';

type Common = Pick<WebhookEventData<'document.sent'>, 'schemaVersion' | 'messageId' | 'as4MessageId' | 'transaction' | 'documentType' | 'sender' | 'receiver' | 'peppol'>;

/** What both send events say: which message, which document, from whom to whom. */
function sentCommon(message: MessageRecord): Common {
  const sender = participantOf(message.senderId);
  const receiver = participantOf(message.receiverId);
  if (!sender || !receiver) throw new DeliveryError('message-not-deliverable', `outbound message ${message.id} lacks its sender or receiver`);
  const transaction = typeof message.attributes.transaction === 'string' ? message.attributes.transaction : undefined;
  const peppol = peppolRoutingOf(message);
  return {
    schemaVersion: WEBHOOK_SCHEMA_VERSION,
    messageId: message.id,
    ...(message.as4MessageId ? { as4MessageId: message.as4MessageId } : {}),
    ...(transaction ? { transaction } : {}),
    ...(peppol ? { documentType: peppol.documentTypeId } : message.documentTypeId ? { documentType: withoutScheme(message.documentTypeId) } : {}),
    sender: { endpointId: sender },
    receiver: { endpointId: receiver },
    ...(peppol ? { peppol } : {}),
  };
}

export function documentSentData(message: MessageRecord, input: { receiptMessageId: string; attempt: number; sentAt: Date }): WebhookEventData<'document.sent'> {
  return {
    ...sentCommon(message),
    receiptMessageId: input.receiptMessageId.slice(0, 512),
    ...(message.receivingAp ? { receivingAp: message.receivingAp.slice(0, 256) } : {}),
    attempt: input.attempt,
    sentAt: input.sentAt.toISOString(),
  };
}

export function documentSendFailedData(
  message: MessageRecord,
  input: { code: string; reason: string; attempts: number; failedAt: Date },
): WebhookEventData<'document.send-failed'> {
  return {
    ...sentCommon(message),
    error: { code: input.code.slice(0, 64) || 'send-failed', message: input.reason.slice(0, 4096) || input.code },
    attempts: input.attempts,
    failedAt: input.failedAt.toISOString(),
  };
}

function withoutScheme(id: string): string {
  const at = id.indexOf('::');
  return at >= 0 ? id.slice(at + 2) : id;
}
