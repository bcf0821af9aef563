import { z } from 'zod';
import { FAILURE_STAGES } from '../../messages/message-failure.js';
import { MESSAGE_KINDS } from '../../messages/message-kinds.js';
import type { MessageDocument, MessageRecord, TimelineEvent } from '../../messages/message-repository.js';
import { MESSAGE_STATES } from '../../messages/message-states.js';
import { PROCESSES, qualifiedDocumentTypeId, qualifiedProcessId, TRANSACTIONS } from '../../peppol/index.js';

const nullableString = z.string().nullable();

export const messageSummarySchema = z
  .object({
    id: z.uuid(),
    direction: z.enum(['inbound', 'outbound', 'internal']),
    kind: z.enum(MESSAGE_KINDS),
    state: z.enum(MESSAGE_STATES),
    senderId: nullableString,
    receiverId: nullableString,
    documentTypeId: nullableString,
    processId: nullableString,
    as4MessageId: nullableString,
    conversationId: nullableString,
    sbdhInstanceId: nullableString,
    sendingAp: nullableString,
    receivingAp: nullableString,
    payloadSize: z.number().nullable(),
    relatedMessageId: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'MessageSummary' });

const timelineEventSchema = z.object({
  at: z.iso.datetime(),
  fromState: z.enum(MESSAGE_STATES).nullable(),
  toState: z.enum(MESSAGE_STATES),
  actor: z.string(),
  reason: nullableString,
  data: z.unknown(),
});

/** Why a message failed: the step, a stable code, a text for people, and the job attempt if one failed. */
export const failureSchema = z
  .object({
    stage: z.enum(FAILURE_STAGES),
    code: z.string(),
    message: z.string(),
    attempt: z.int().min(1).optional(),
  })
  .meta({ id: 'MessageFailure' });

export const documentSchema = z.object({
  role: z.string().meta({ description: 'received-raw, sbd, receipt, order, catalogue-response, …' }),
  mediaType: z.string(),
  size: z.number(),
  sha256: z.string(),
  href: z.string().meta({ description: 'Download path (same API key).' }),
});

export const messageDetailSchema = messageSummarySchema
  .extend({
    countryC1: nullableString,
    attributes: z.record(z.string(), z.unknown()),
    hasValidationReport: z.boolean(),
    failure: failureSchema.nullable(),
    timeline: z.array(timelineEventSchema),
    documents: z.array(documentSchema),
  })
  .meta({ id: 'MessageDetail' });

export const messagePageSchema = z.object({ data: z.array(messageSummarySchema), nextCursor: z.string().nullable() });

export type MessageSummary = z.output<typeof messageSummarySchema>;

export function summaryOf(m: MessageRecord): MessageSummary {
  return {
    id: m.id,
    direction: m.direction,
    kind: m.kind,
    state: m.state,
    senderId: m.senderId,
    receiverId: m.receiverId,
    documentTypeId: m.documentTypeId,
    processId: m.processId,
    as4MessageId: m.as4MessageId,
    conversationId: m.conversationId,
    sbdhInstanceId: m.sbdhInstanceId,
    sendingAp: m.sendingAp,
    receivingAp: m.receivingAp,
    payloadSize: m.payloadSize,
    relatedMessageId: m.relatedMessageId,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}

export function documentView(messageId: string, d: MessageDocument) {
  return { role: d.role, mediaType: d.mediaType, size: d.size, sha256: d.sha256, href: `/admin/messages/${messageId}/documents/${d.role}` };
}

export function detailOf(m: MessageRecord, timeline: TimelineEvent[], documents: MessageDocument[]) {
  return {
    ...summaryOf(m),
    countryC1: m.countryC1,
    attributes: m.attributes,
    hasValidationReport: m.validation != null,
    failure: m.failure,
    timeline: timeline.map((e) => ({ at: e.at.toISOString(), fromState: e.fromState, toState: e.toState, actor: e.actor, reason: e.reason, data: e.data })),
    documents: documents.map((d) => documentView(m.id, d)),
  };
}

const EXAMPLE_ID = '0b7e2f7c-3c1e-4d8e-9a57-0f6d1c2b3a49';

export const messageSummaryExample: MessageSummary = {
  id: EXAMPLE_ID,
  direction: 'inbound',
  kind: 'cart',
  state: 'awaiting-approval',
  senderId: '0088:5798009883964',
  receiverId: '0088:7315458756324',
  documentTypeId: qualifiedDocumentTypeId(TRANSACTIONS.punchOut.documentTypeId),
  processId: qualifiedProcessId(PROCESSES.punchOut),
  as4MessageId: '5c4e0f8a-3d5b-4a4e-9f0e-1d2c3b4a5f60@sender-ap.example',
  conversationId: 'c-2026-11-23-0001',
  sbdhInstanceId: '7d1f3a52-9c1b-4e2a-8d7f-6b5a4c3d2e1f',
  sendingAp: 'PDK000123',
  receivingAp: 'POP000456',
  payloadSize: 4_812,
  relatedMessageId: null,
  createdAt: '2026-11-23T10:15:00.000Z',
  updatedAt: '2026-11-23T10:15:02.000Z',
};

export const messageDetailExample = {
  ...messageSummaryExample,
  countryC1: 'DK',
  attributes: {},
  hasValidationReport: true,
  failure: null,
  timeline: [
    { at: '2026-11-23T10:15:00.000Z', fromState: null, toState: 'received', actor: 'as4', reason: null, data: null },
    { at: '2026-11-23T10:15:01.000Z', fromState: 'received', toState: 'validated', actor: 'worker', reason: null, data: null },
    { at: '2026-11-23T10:15:02.000Z', fromState: 'validated', toState: 'awaiting-approval', actor: 'worker', reason: 'cart total above the approval limit', data: null },
  ],
  documents: [
    { role: 'received-raw', mediaType: 'multipart/related; boundary="MIMEBoundary"', size: 9_121, sha256: 'a3f1…', href: `/admin/messages/${EXAMPLE_ID}/documents/received-raw` },
    { role: 'sbd', mediaType: 'application/xml', size: 4_812, sha256: '5b0e…', href: `/admin/messages/${EXAMPLE_ID}/documents/sbd` },
    { role: 'receipt', mediaType: 'application/soap+xml', size: 3_204, sha256: 'c9d2…', href: `/admin/messages/${EXAMPLE_ID}/documents/receipt` },
  ],
};
