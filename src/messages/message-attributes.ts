import type { MlsResponseCode, MlsStatusReason, MlsType } from '../peppol/index.js';
import type { MessageKind } from './message-kinds.js';

/**
 * What the flows keep on a message besides its columns (the `attributes` JSON), by kind. Every
 * kind may be received over AS4, sent over AS4 and delivered onward, so those facts are common;
 * the rest belongs to the flow of one kind. All optional: a flow adds its facts as it goes.
 */
export interface CommonAttributes {
  /** The Peppol transaction (T77, T01, ...) the envelope named or validation found; null when neither. */
  transaction?: string | null;
  /** Received over AS4: who signed it, and when the sender says it sent it. */
  senderCertificateSubject?: string;
  as4Timestamp?: string;
  /** To send over AS4 without discovery: this endpoint, encrypting for this certificate. */
  as4Endpoint?: { url: string; certificatePem: string };
  /** Each start of sending (first send, an operator's resend) is one generation. */
  as4Send?: { generation: number };
  /** Envelope facts fixed on the first send attempt, so every retry signs the same parts. */
  as4Envelope?: { timestamp: string; conversationId: string; partIds: { messaging: string; body: string; contentId: string } };
  /** How a produced document went on to its back end. */
  delivery?: { way: 'webhook'; routes: string[] } | { way: 'as4'; routeId: string | null };
  /** Re-queues of work that did not progress. */
  reconciler?: { requeues: number; at: string };
  /** Sent by us: the MLS_TO and MLS_TYPE its SBDH carried. */
  mlsRequested?: MlsRequested;
  /** Sent by us: the Message Level Status the receiving access point reported. */
  mlsStatus?: MlsStatusOfSent;
  /** Received: the Message Level Status decided for its sender. */
  mlsResponse?: MlsResponseOfReceived | null;
  /** Submitted by a back end through the back-end API: with which key, under which Idempotency-Key. */
  submission?: { keyId: string; idempotencyKey?: string };
  /** Sent to a receiver served here: the inbound message it was handed over as. */
  handedOver?: { inboundMessageId: string };
}

/** One issue of a Message Level Status (a line response). */
export interface MlsIssueRecord {
  reason: MlsStatusReason;
  location: string;
  description: string;
  ruleId?: string;
}

export interface MlsRequested {
  to: string;
  type: MlsType | string;
}

export interface MlsStatusOfSent {
  code: MlsResponseCode;
  /** The received MLS message (its record). */
  statusMessageId: string;
  /** `cbc:ID` of that MLS. */
  mlsId: string;
  receivedAt: string;
  description?: string;
  issues: MlsIssueRecord[];
}

export interface MlsResponseOfReceived {
  code: MlsResponseCode;
  /** `owed` (the MLS message is being sent), `not-wanted` (AP/AB under FAILURE_ONLY), `disabled` (MLS_SEND off), or why it cannot be sent. */
  outcome: 'owed' | 'not-wanted' | 'unaddressable' | 'invalid' | 'disabled';
  decidedAt: string;
  requestedType: MlsType;
  /** The MLS message we send (outbound record), when there is one. */
  statusMessageId?: string;
  /** The 0242 participant it goes to. */
  to?: string;
  note?: string;
}

/** A received MLS: whether and to what it was applied. */
export interface MessageStatusAttributes extends CommonAttributes {
  mlsApplied?: {
    outcome: 'applied' | 'duplicate' | 'unknown-reference' | 'invalid' | 'unreadable';
    /** The sent document it is about, when found. */
    subjectMessageId?: string;
    referencedInstanceId?: string;
    reason?: string;
  };
}

/** A buyer's (or the policy's) decision on a cart. */
export interface CartApproval {
  decision: 'auto-approved' | 'approved' | 'changed' | 'rejected' | 'abandoned';
  actor: string;
  at: string;
  /** The changes as the buyer gave them (parsed again where they are applied). */
  changes: readonly unknown[];
  /** The changes as people read them. */
  changeLog?: string[];
  /** Why the buyer rejected the cart. */
  reason?: string;
}

export interface CartAttributes extends CommonAttributes {
  approval?: CartApproval;
  /** When an undecided cart is abandoned. */
  approvalDeadline?: string;
  /** The purchase order number, taken from the buyer's series once and kept. */
  orderNumber?: string;
  orderMessageId?: string;
}

/** What the receiver answers about a catalogue, kept until the response is made. */
export interface CatalogueOutcome {
  decision: 'AP' | 'RE';
  reasons: string[];
}

export interface CatalogueAttributes extends CommonAttributes {
  catalogueOutcome?: CatalogueOutcome;
  /** The stored catalogue version (row id), null when none was stored. */
  catalogueVersion?: string | null;
  responseExpected?: boolean;
  responseMessageId?: string;
  /** AP or RE, as answered. */
  responseCode?: string;
  /** `created`, or why no response was made. */
  responseStatus?: string;
}

export interface OrderAttributes extends CommonAttributes {
  orderNumber?: string;
  /** The cart the order was made from: its id in the document and its message. */
  cartId?: string;
  cartMessageId?: string;
  /** The buyer's changes to the cart, as people read them. */
  changeLog?: string[];
  /** The seller's answer (a received T76), the latest one. */
  orderResponse?: OrderResponseOfOrder;
  /** Received order: the supplier's answer through the back-end API (the Order Response message). */
  answer?: OrderAnswerRecord;
}

/** What a received Order Response decided about an order we sent. */
export interface OrderResponseOfOrder {
  /** The received T76 message. */
  messageId: string;
  /** accepted, rejected, changed or acknowledged, and the UNCL4343 code as written. */
  code: string;
  responseCode: string;
  receivedAt: string;
  lines: Array<{ lineId: string; code: string }>;
}

export interface OrderAnswerRecord {
  /** The Order Response (T76) message; it may not exist when making it failed. */
  responseMessageId: string;
  /** accepted, rejected or changed, as the supplier answered. */
  code: string;
  /** AP, RE or CA. */
  responseCode: string;
  answeredAt: string;
  keyId: string;
}

export interface CatalogueResponseAttributes extends CommonAttributes {
  responseCode?: string;
  catalogueId?: string | null;
  catalogueVersionId?: string | null;
}

/** Attributes by message kind. */
export interface MessageAttributesByKind {
  cart: CartAttributes;
  catalogue: CatalogueAttributes;
  'catalogue-response': CatalogueResponseAttributes;
  order: OrderAttributes;
  'order-response': CommonAttributes;
  'message-status': MessageStatusAttributes;
  other: CommonAttributes;
}

export type MessageAttributes<K extends MessageKind = MessageKind> = MessageAttributesByKind[K];

/** Attributes a change may merge into a message whose kind the writer need not narrow. */
export type AttributePatch = Partial<CartAttributes & CatalogueAttributes & OrderAttributes & CatalogueResponseAttributes & MessageStatusAttributes>;
