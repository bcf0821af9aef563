import type { AttributePatch, MessageAttributes } from './message-attributes.js';
import { failureFromStored, type MessageFailure } from './message-failure.js';
import type { Direction, MessageKind } from './message-kinds.js';
import type { MessageState } from './message-states.js';

export type { Direction };

interface MessageFields {
  id: string;
  direction: Direction;
  state: MessageState;
  as4MessageId: string | null;
  conversationId: string | null;
  sendingAp: string | null;
  receivingAp: string | null;
  senderId: string | null;
  receiverId: string | null;
  documentTypeId: string | null;
  processId: string | null;
  sbdhInstanceId: string | null;
  countryC1: string | null;
  rawSha256: string | null;
  payloadSha256: string | null;
  payloadSize: number | null;
  signalSha256: string | null;
  relatedMessageId: string | null;
  /** The validation report kept with the message (bounded), if it was validated. */
  validation: unknown;
  failure: MessageFailure | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A message of one kind, with that kind's attributes. */
export interface MessageRecordOf<K extends MessageKind> extends MessageFields {
  kind: K;
  attributes: MessageAttributes<K>;
}

/** A message record; `kind` tells which attributes it has. */
export type MessageRecord = { [K in MessageKind]: MessageRecordOf<K> }[MessageKind];

interface NewMessageFields {
  id?: string;
  direction: Direction;
  state: MessageState;
  as4MessageId?: string | null;
  conversationId?: string | null;
  sendingAp?: string | null;
  receivingAp?: string | null;
  senderId?: string | null;
  receiverId?: string | null;
  documentTypeId?: string | null;
  processId?: string | null;
  sbdhInstanceId?: string | null;
  countryC1?: string | null;
  rawSha256?: string | null;
  payloadSha256?: string | null;
  payloadSize?: number | null;
  signalSha256?: string | null;
  relatedMessageId?: string | null;
}

export interface NewMessageOf<K extends MessageKind> extends NewMessageFields {
  kind: K;
  attributes?: MessageAttributes<K>;
}

export type NewMessage = { [K in MessageKind]: NewMessageOf<K> }[MessageKind];

/**
 * Changes a state transition or an update makes besides the state. Absent fields stay as they are;
 * `attributes` are merged into the existing ones.
 */
export interface MessagePatch {
  validation?: unknown;
  /** On a transition: the failure to record. Leaving `failed` for another state clears it. */
  failure?: MessageFailure;
  attributes?: AttributePatch;
  relatedMessageId?: string;
  signalSha256?: string;
  sendingAp?: string;
  receivingAp?: string;
  sbdhInstanceId?: string;
  /** Set only if the message has none yet: an id fixed once and repeated on every retry. */
  as4MessageIdIfUnset?: string;
  conversationIdIfUnset?: string;
}

export interface TimelineEvent {
  id: string;
  at: Date;
  fromState: MessageState | null;
  toState: MessageState;
  actor: string;
  reason: string | null;
  data: unknown;
}

export interface MessageDocument {
  role: string;
  sha256: string;
  mediaType: string;
  size: number;
}

export type Row = Record<string, unknown>;

export function toRecord(r: Row): MessageRecord {
  const direction = r.direction as Direction;
  const kind = String(r.kind) as MessageKind;
  const state = r.state as MessageState;
  const validation = r.validation ?? null;
  return {
    id: String(r.id),
    direction,
    kind,
    state,
    as4MessageId: (r.as4_message_id as string) ?? null,
    conversationId: (r.conversation_id as string) ?? null,
    sendingAp: (r.sending_ap as string) ?? null,
    receivingAp: (r.receiving_ap as string) ?? null,
    senderId: (r.sender_id as string) ?? null,
    receiverId: (r.receiver_id as string) ?? null,
    documentTypeId: (r.document_type_id as string) ?? null,
    processId: (r.process_id as string) ?? null,
    sbdhInstanceId: (r.sbdh_instance_id as string) ?? null,
    countryC1: (r.country_c1 as string) ?? null,
    rawSha256: (r.raw_sha256 as string) ?? null,
    payloadSha256: (r.payload_sha256 as string) ?? null,
    payloadSize: r.payload_size == null ? null : Number(r.payload_size),
    signalSha256: (r.signal_sha256 as string) ?? null,
    relatedMessageId: (r.related_message_id as string) ?? null,
    validation,
    failure: failureFromStored(r.failure, { direction, kind, state, validation }),
    attributes: (r.attributes as MessageAttributes) ?? {},
    createdAt: new Date(r.created_at as string),
    updatedAt: new Date(r.updated_at as string),
  } as MessageRecord;
}

export function toTimelineEvent(r: Row): TimelineEvent {
  return {
    id: String(r.id),
    at: new Date(r.at as string),
    fromState: (r.from_state as MessageState) ?? null,
    toState: r.to_state as MessageState,
    actor: String(r.actor),
    reason: (r.reason as string) ?? null,
    data: r.data ?? null,
  };
}

/**
 * The record as the flow of `kind` handles it. Flows are chosen by the transaction validation
 * found, which can name another kind than the envelope did (a document type the envelope left
 * unknown, a rejected mismatch); that flow keeps its attributes on the record all the same.
 */
export function recordAs<K extends MessageKind>(message: MessageRecord, kind: K): MessageRecordOf<K> {
  void kind;
  return message as unknown as MessageRecordOf<K>;
}
