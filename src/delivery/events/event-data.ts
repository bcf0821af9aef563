import type { CatalogueHeader, CatalogueParty } from '../../catalogue/catalogue-model.js';
import type { MessageRecord } from '../../messages/message-repository.js';
import type { Cart, CartParty } from '../../punchout/cart-model.js';
import type { Identifier } from '../../ubl/model.js';
import { DeliveryError } from '../delivery.errors.js';
import { WEBHOOK_SCHEMA_VERSION, type WebhookEventData } from '../webhook/events.js';

type ParticipantId = { scheme: string; value: string };
type PartyRef = { endpointId: ParticipantId; name?: string };
type Routing = NonNullable<WebhookEventData<'order.created'>['peppol']>;
type Problem = WebhookEventData<'cart.rejected'>['problems'][number];

const MAX_PROBLEMS = 200;

/** `0192:810418052` → `{ scheme: '0192', value: '810418052' }`; undefined when not of that form. */
export function participantOf(id: string | null | undefined): ParticipantId | undefined {
  if (!id) return undefined;
  const colon = id.indexOf(':');
  if (colon < 1 || colon === id.length - 1) return undefined;
  const scheme = id.slice(0, colon);
  return /^[0-9A-Za-z]{1,8}$/.test(scheme) ? { scheme, value: id.slice(colon + 1) } : undefined;
}

/** The participant id a route is keyed by, from a UBL endpoint: `scheme:value`, lower-cased. */
export function participantKey(endpoint: Identifier | ParticipantId | undefined): string | undefined {
  if (!endpoint) return undefined;
  const scheme = 'scheme' in endpoint ? endpoint.scheme : endpoint.schemeId;
  return scheme ? `${scheme}:${endpoint.value}`.trim().toLowerCase() : undefined;
}

/** Identifier values without their `scheme::` prefix, as the webhook shows them. */
function withoutScheme(id: string): string {
  const at = id.indexOf('::');
  return at >= 0 ? id.slice(at + 2) : id;
}

/** The Peppol envelope facts of a received or produced message, when they are all known. */
export function peppolRoutingOf(message: MessageRecord): Routing | undefined {
  const sender = participantOf(message.senderId);
  const receiver = participantOf(message.receiverId);
  if (!sender || !receiver || !message.documentTypeId || !message.processId) return undefined;
  return { sender, receiver, documentTypeId: withoutScheme(message.documentTypeId), processId: withoutScheme(message.processId) };
}

function partyRef(party: CartParty | CatalogueParty | undefined, fallbackId: string | null): PartyRef | undefined {
  const endpointId = party?.endpoint?.schemeId
    ? { scheme: party.endpoint.schemeId, value: party.endpoint.value }
    : participantOf(fallbackId);
  if (!endpointId) return undefined;
  const name = party && 'registrationName' in party ? (party.registrationName ?? ('partyName' in party ? party.partyName : undefined)) : undefined;
  return name ? { endpointId, name: name.slice(0, 1024) } : { endpointId };
}

/** A cart travels supplier → buyer: the SBDH sender is the supplier. */
export function cartReceivedData(message: MessageRecord, cart: Cart): WebhookEventData<'cart.received'> {
  const seller = partyRef(cart.provider, message.senderId);
  const buyer = partyRef(cart.receiver, message.receiverId);
  if (!seller || !buyer) throw new DeliveryError('message-not-deliverable', 'the cart names neither endpoint nor envelope participant for a party');
  const currency = cart.lines[0]?.price.currency;
  const peppol = peppolRoutingOf(message);
  return {
    schemaVersion: WEBHOOK_SCHEMA_VERSION,
    messageId: message.id,
    cartId: cart.id,
    issueDate: cart.issueDate,
    buyer,
    seller,
    lineCount: cart.lines.length,
    ...(currency ? { currency } : {}),
    ...(cart.validity ? { validUntil: cart.validity.endDate } : {}),
    ...(peppol ? { peppol } : {}),
  };
}

export function cartRejectedData(
  message: MessageRecord,
  input: { cart?: Cart; reason: { code: string; message: string }; problems?: Problem[] },
): WebhookEventData<'cart.rejected'> {
  const problems = input.problems ?? [];
  const seller = partyRef(input.cart?.provider, message.senderId);
  const buyer = partyRef(input.cart?.receiver, message.receiverId);
  return {
    schemaVersion: WEBHOOK_SCHEMA_VERSION,
    messageId: message.id,
    ...(input.cart ? { cartId: input.cart.id } : {}),
    ...(buyer ? { buyer } : {}),
    ...(seller ? { seller } : {}),
    reason: { code: input.reason.code.slice(0, 64), message: input.reason.message.slice(0, 4096) },
    problems: problems.slice(0, MAX_PROBLEMS),
    ...(problems.length > MAX_PROBLEMS ? { problemsTruncated: true } : {}),
  };
}

export function catalogueReceivedData(
  message: MessageRecord,
  input: { header: CatalogueHeader; lineCount: number },
): WebhookEventData<'catalogue.received'> {
  const { header } = input;
  const provider = partyRef(header.provider, message.senderId);
  const receiver = partyRef(header.receiver, message.receiverId);
  if (!provider || !receiver) throw new DeliveryError('message-not-deliverable', 'the catalogue names neither endpoint nor envelope participant for a party');
  const peppol = peppolRoutingOf(message);
  return {
    schemaVersion: WEBHOOK_SCHEMA_VERSION,
    messageId: message.id,
    catalogueId: header.id ?? 'unknown',
    ...(header.issueDate ? { issueDate: header.issueDate } : {}),
    ...(header.actionCode ? { actionCode: header.actionCode } : {}),
    provider,
    receiver,
    lineCount: input.lineCount,
    ...(header.validity && (header.validity.startDate || header.validity.endDate) ? { validity: header.validity } : {}),
    ...(peppol ? { peppol } : {}),
  };
}

export type FailureStage = WebhookEventData<'message.failed'>['stage'];

export function messageFailedData(
  message: Pick<MessageRecord, 'id' | 'direction' | 'documentTypeId'> & Partial<MessageRecord>,
  input: { stage: FailureStage; error: { code: string; message: string }; failedAt: Date },
): WebhookEventData<'message.failed'> {
  const peppol = message.senderId !== undefined ? peppolRoutingOf(message as MessageRecord) : undefined;
  return {
    schemaVersion: WEBHOOK_SCHEMA_VERSION,
    messageId: message.id,
    direction: message.direction === 'inbound' ? 'inbound' : 'outbound',
    stage: input.stage,
    ...(message.documentTypeId ? { documentType: withoutScheme(message.documentTypeId).slice(0, 512) } : {}),
    error: { code: input.error.code.slice(0, 64), message: input.error.message.slice(0, 4096) || input.error.code },
    failedAt: input.failedAt.toISOString(),
    ...(peppol ? { peppol } : {}),
  };
}
