import { z } from 'zod';
import type { OrderAnswerRecord } from '../messages/message-attributes.js';
import type { MessageRecord, TimelineEvent } from '../messages/message-repository.js';
import type { OutboundAttempt } from '../outbound/outbound-attempts.js';
import { PROCESSES, qualifiedDocumentTypeId, qualifiedProcessId, TRANSACTIONS } from '../peppol/index.js';

export const API_BASE = '/api/v1';
export const documentPath = (id: string) => `${API_BASE}/documents/${id}`;

/** What a back end is told about a document's progress, from its state. */
export const DOCUMENT_STATUSES = ['queued', 'sending', 'sent', 'send-failed', 'delivered', 'received', 'validated', 'rejected', 'processed', 'failed'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

function statusOf(record: MessageRecord): DocumentStatus {
  switch (record.state) {
    case 'created':
      return 'queued';
    case 'sending':
    case 'sent':
    case 'send-failed':
    case 'received':
    case 'validated':
    case 'rejected':
    case 'failed':
    case 'delivered':
      return record.state;
    default:
      return 'processed';
  }
}

const timelineEntry = z.object({
  at: z.iso.datetime(),
  state: z.string(),
  from: z.string().nullable(),
  event: z.string().meta({ description: 'queued, sending, sent, send-failed, handed-over, mls-status, … or the state reached' }),
  reason: z.string().nullable(),
  receiptMessageId: z.string().optional().meta({ description: 'sent: the AS4 MessageId of the receipt' }),
  ebmsCode: z.string().optional().meta({ description: 'send-failed: the ebMS error code (EBMS:0004, …)' }),
});

export const documentSchema = z
  .object({
    id: z.uuid(),
    direction: z.enum(['inbound', 'outbound']),
    transaction: z.string().nullable(),
    kind: z.string(),
    status: z.enum(DOCUMENT_STATUSES),
    state: z.string().meta({ description: "The message's state in the access point's state machine" }),
    senderId: z.string().nullable(),
    receiverId: z.string().nullable(),
    documentTypeId: z.string().nullable(),
    processId: z.string().nullable(),
    as4MessageId: z.string().nullable(),
    receiptMessageId: z.string().nullable(),
    failure: z.object({ stage: z.string(), code: z.string(), message: z.string(), attempt: z.number().optional() }).nullable(),
    mlsStatus: z
      .object({ code: z.string(), receivedAt: z.string(), issues: z.array(z.object({ reason: z.string(), location: z.string(), description: z.string(), ruleId: z.string().optional() })) })
      .nullable()
      .meta({ description: 'The Message Level Status the receiving access point reported (AP, AB, RE), when known' }),
    relatedMessageId: z.uuid().nullable(),
    orderAnswer: z.object({ code: z.string(), responseCode: z.string(), responseMessageId: z.string(), answeredAt: z.string() }).nullable().meta({ description: 'Orders: the answer given through this API' }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    links: z.object({ self: z.string(), content: z.string() }),
  })
  .meta({ id: 'BackendDocument' });

export const documentWithTimelineSchema = documentSchema.extend({ timeline: z.array(timelineEntry), attempts: z.number() }).meta({ id: 'BackendDocumentWithTimeline' });

export function documentView(record: MessageRecord) {
  const direction = record.direction === 'outbound' ? 'outbound' : 'inbound';
  const mls = record.attributes.mlsStatus;
  const answer = (record.attributes as { answer?: OrderAnswerRecord }).answer;
  return {
    id: record.id,
    direction,
    transaction: record.attributes.transaction ?? null,
    kind: record.kind,
    status: statusOf(record),
    state: record.state,
    senderId: record.senderId,
    receiverId: record.receiverId,
    documentTypeId: record.documentTypeId,
    processId: record.processId,
    as4MessageId: record.as4MessageId,
    receiptMessageId: null as string | null,
    failure: record.failure,
    mlsStatus: mls ? { code: mls.code, receivedAt: mls.receivedAt, issues: mls.issues } : null,
    relatedMessageId: record.relatedMessageId,
    orderAnswer: answer ? { code: answer.code, responseCode: answer.responseCode, responseMessageId: answer.responseMessageId, answeredAt: answer.answeredAt } : null,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    links: { self: documentPath(record.id), content: `${documentPath(record.id)}/content` },
  };
}

const EVENT_OF: Record<string, string> = { created: 'queued', sending: 'sending', sent: 'sent', 'send-failed': 'send-failed' };

/** The document with its timeline: every state change, the receipt's MessageId and ebMS codes where there are. */
export function documentWithTimeline(record: MessageRecord, timeline: TimelineEvent[], attempts: OutboundAttempt[]) {
  const entries = timeline.map((e) => {
    const data = (e.data ?? {}) as Record<string, unknown>;
    // An entry without a state change is a note (an answer given, a status applied).
    const event = e.fromState === e.toState ? 'note' : typeof data.inboundMessageId === 'string' ? 'handed-over' : (EVENT_OF[e.toState] ?? e.toState);
    return {
      at: e.at.toISOString(),
      state: e.toState,
      from: e.fromState,
      event,
      reason: e.reason,
      ...(typeof data.receiptMessageId === 'string' ? { receiptMessageId: data.receiptMessageId } : {}),
      ...(e.toState === 'send-failed' && typeof data.code === 'string' ? { ebmsCode: data.code } : {}),
    };
  });
  const mls = record.attributes.mlsStatus;
  if (mls) entries.push({ at: new Date(mls.receivedAt).toISOString(), state: record.state, from: record.state, event: 'mls-status', reason: `Message Level Status ${mls.code}${mls.description ? `: ${mls.description}` : ''}` });
  entries.sort((a, b) => a.at.localeCompare(b.at));
  const receipt = [...entries].reverse().find((e) => 'receiptMessageId' in e) as { receiptMessageId?: string } | undefined;
  return { ...documentView(record), receiptMessageId: receipt?.receiptMessageId ?? null, timeline: entries, attempts: attempts.length };
}

export const documentExample = {
  id: '0b7e2f7c-3c1e-4d8e-9a57-0f6d1c2b3a49',
  direction: 'outbound',
  transaction: TRANSACTIONS.order.id,
  kind: 'order',
  status: 'sent',
  state: 'sent',
  senderId: '0088:7300010000001',
  receiverId: '0088:7315458756324',
  documentTypeId: qualifiedDocumentTypeId(TRANSACTIONS.order.documentTypeId),
  processId: qualifiedProcessId(PROCESSES.ordering),
  as4MessageId: '5e3c1a2b-6f7d-4c1e-9b8a-2d4f6a8c0e1f@ap.example.com',
  receiptMessageId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a@receiver.example.net',
  failure: null,
  mlsStatus: null,
  relatedMessageId: null,
  orderAnswer: null,
  createdAt: '2026-12-01T10:15:00.000Z',
  updatedAt: '2026-12-01T10:15:02.000Z',
  links: { self: '/api/v1/documents/0b7e2f7c-3c1e-4d8e-9a57-0f6d1c2b3a49', content: '/api/v1/documents/0b7e2f7c-3c1e-4d8e-9a57-0f6d1c2b3a49/content' },
};
