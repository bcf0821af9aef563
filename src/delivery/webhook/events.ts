import { z } from 'zod';
import { FAILURE_STAGES } from '../../messages/message-failure.js';
import { MESSAGE_KINDS } from '../../messages/message-kinds.js';
import { FAILED_STATES } from '../../messages/message-states.js';

/**
 * Webhook events sent to a supplier's OMS. The envelope follows the Standard Webhooks payload
 * convention `{ type, timestamp, data }`; the event id travels in the `webhook-id` header.
 * Every `data` object carries `schemaVersion`: additive changes keep the version, breaking changes
 * raise it (the OpenAPI `webhooks` section documents the current version).
 */
export const WEBHOOK_SCHEMA_VERSION = 1 as const;

/** Upper bound for the embedded UBL XML of an order (the payload must stay deliverable). */
export const MAX_UBL_XML_CHARS = 4 * 1024 * 1024;
const MAX_TEXT = 1024;
const MAX_LINES = 10_000;
const MAX_ERRORS = 200;

const text = (max = MAX_TEXT) => z.string().min(1).max(max);
/** Amounts and quantities as decimal strings: no binary floating point between AP and OMS. */
const decimal = z
  .string()
  .max(40)
  .regex(/^-?\d+(\.\d+)?$/, 'expected a decimal number as a string, e.g. "12.50"');
const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code');
const countryCode = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code');
const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });
const schemaVersion = z.literal(WEBHOOK_SCHEMA_VERSION);

/**
 * Our own registry (not zod's global one) names the reusable schemas, so the OpenAPI components
 * cannot clash with schemas registered elsewhere in the application.
 */
export const webhookSchemaRegistry = z.registry<{ id: string }>();

/** A Peppol participant identifier, e.g. `{ scheme: '0192', value: '987654325' }`. */
export const participantIdSchema = z
  .object({
    scheme: z.string().regex(/^[0-9A-Za-z]{1,8}$/, 'expected an EAS/ICD scheme code'),
    value: text(256),
  })
  .register(webhookSchemaRegistry, { id: 'WebhookParticipantId' });

export const addressSchema = z
  .object({
    street: text().optional(),
    additionalStreet: text().optional(),
    addressLine: text().optional(),
    city: text().optional(),
    postalZone: text(64).optional(),
    countrySubentity: text().optional(),
    country: countryCode,
  })
  .register(webhookSchemaRegistry, { id: 'WebhookAddress' });

export const partySchema = z
  .object({
    endpointId: participantIdSchema,
    registrationName: text(),
    name: text().optional(),
    partyId: z.object({ id: text(256), scheme: text(16).optional() }).optional(),
    vatId: text(64).optional(),
    companyId: text(64).optional(),
    address: addressSchema.optional(),
    contact: z
      .object({ name: text().optional(), telephone: text(64).optional(), email: text(256).optional() })
      .optional(),
  })
  .register(webhookSchemaRegistry, { id: 'WebhookParty' });

/** A short reference to a party for thin events. */
export const partyRefSchema = z
  .object({ endpointId: participantIdSchema, name: text().optional() })
  .register(webhookSchemaRegistry, { id: 'WebhookPartyRef' });

const quantitySchema = z.object({ value: decimal, unitCode: text(16) });

export const orderLineSchema = z
  .object({
    id: text(256),
    quantity: quantitySchema,
    lineExtensionAmount: decimal.optional(),
    price: z.object({ amount: decimal, baseQuantity: quantitySchema.optional() }),
    partialDeliveryAllowed: z.boolean().optional(),
    accountingCost: text().optional(),
    item: z.object({
      name: text(),
      description: text(4096).optional(),
      sellersItemId: text(256).optional(),
      buyersItemId: text(256).optional(),
      manufacturersItemId: text(256).optional(),
      standardItemId: z.object({ id: text(256), scheme: text(16) }).optional(),
      taxCategory: z.object({ id: text(16), percent: decimal.optional() }).optional(),
      properties: z.array(z.object({ name: text(), value: text() })).max(200).optional(),
    }),
  })
  .register(webhookSchemaRegistry, { id: 'WebhookOrderLine' });

export const orderTotalsSchema = z
  .object({
    currency: currencyCode,
    lineExtensionAmount: decimal,
    allowanceTotalAmount: decimal.optional(),
    chargeTotalAmount: decimal.optional(),
    taxExclusiveAmount: decimal.optional(),
    taxAmount: decimal.optional(),
    taxInclusiveAmount: decimal.optional(),
    payableAmount: decimal,
  })
  .register(webhookSchemaRegistry, { id: 'WebhookOrderTotals' });

export const orderSchema = z
  .object({
    id: text(256).describe("The buyer's purchase order number (T01 cbc:ID)"),
    issueDate: isoDate,
    currency: currencyCode,
    profileId: text(256),
    customizationId: text(256),
    orderTypeCode: text(8).optional(),
    note: text(4096).optional(),
    customerReference: text().optional(),
    accountingCost: text().optional(),
    quotationReference: text(256).optional().describe('The punch-out cart id this order was built from'),
    contractId: text(256).optional(),
    validUntil: isoDate.optional(),
    buyer: partySchema,
    seller: partySchema,
    delivery: z
      .object({
        locationId: z.object({ id: text(256), scheme: text(16).optional() }).optional(),
        address: addressSchema.optional(),
        partyName: text().optional(),
        requestedPeriod: z.object({ startDate: isoDate.optional(), endDate: isoDate.optional() }).optional(),
      })
      .optional(),
    lines: z.array(orderLineSchema).min(1).max(MAX_LINES),
    totals: orderTotalsSchema,
  })
  .register(webhookSchemaRegistry, { id: 'WebhookOrder' });

/** Where a document travelled on the Peppol network (from the SBDH / AS4 headers). */
export const peppolRoutingSchema = z
  .object({
    sender: participantIdSchema,
    receiver: participantIdSchema,
    documentTypeId: text(512),
    processId: text(512),
  })
  .register(webhookSchemaRegistry, { id: 'WebhookPeppolRouting' });

export const orderCreatedDataSchema = z
  .object({
    schemaVersion,
    messageId: text(256).describe('Our id of the message this order belongs to'),
    order: orderSchema,
    peppol: peppolRoutingSchema.optional(),
    ublXml: z.string().min(1).max(MAX_UBL_XML_CHARS).describe('The Peppol BIS T01 Order as UBL 2.1 XML'),
  })
  .register(webhookSchemaRegistry, { id: 'WebhookOrderCreatedData' });

export const cartReceivedDataSchema = z
  .object({
    schemaVersion,
    messageId: text(256),
    cartId: text(256),
    issueDate: isoDate.optional(),
    buyer: partyRefSchema,
    seller: partyRefSchema,
    lineCount: z.int().min(0).max(MAX_LINES),
    currency: currencyCode.optional(),
    validUntil: isoDate.optional(),
    peppol: peppolRoutingSchema.optional(),
  })
  .register(webhookSchemaRegistry, { id: 'WebhookCartReceivedData' });

export const problemSchema = z
  .object({
    severity: z.enum(['fatal', 'error', 'warning']),
    rule: text(128).optional().describe('Rule id, e.g. PEPPOL-T77-R006'),
    location: text(2048).optional().describe('XPath of the offending element, when known'),
    message: text(4096),
  })
  .register(webhookSchemaRegistry, { id: 'WebhookProblem' });

export const cartRejectedDataSchema = z
  .object({
    schemaVersion,
    messageId: text(256),
    cartId: text(256).optional(),
    buyer: partyRefSchema.optional(),
    seller: partyRefSchema.optional(),
    reason: z.object({ code: text(64), message: text(4096) }),
    problems: z.array(problemSchema).max(MAX_ERRORS),
    problemsTruncated: z.boolean().optional(),
  })
  .register(webhookSchemaRegistry, { id: 'WebhookCartRejectedData' });

export const catalogueReceivedDataSchema = z
  .object({
    schemaVersion,
    messageId: text(256),
    catalogueId: text(256),
    issueDate: isoDate.optional(),
    actionCode: text(16).optional(),
    provider: partyRefSchema,
    receiver: partyRefSchema,
    lineCount: z.int().min(0),
    validity: z.object({ startDate: isoDate.optional(), endDate: isoDate.optional() }).optional(),
    peppol: peppolRoutingSchema.optional(),
  })
  .register(webhookSchemaRegistry, { id: 'WebhookCatalogueReceivedData' });

export const messageFailedDataSchema = z
  .object({
    schemaVersion,
    messageId: text(256),
    direction: z.enum(['inbound', 'outbound']),
    stage: z.enum(FAILURE_STAGES).describe(
      'The step that failed: reception, validation, approval (of a cart), conversion (cart into order), catalogue (storing one), response (making a catalogue response), sending (over AS4), delivery (to the back end)',
    ),
    documentType: text(512).optional(),
    error: z.object({ code: text(64), message: text(4096) }),
    failedAt: isoDateTime,
    peppol: peppolRoutingSchema.optional(),
  })
  .register(webhookSchemaRegistry, { id: 'WebhookMessageFailedData' });

export const documentStatusDataSchema = z
  .object({
    schemaVersion,
    messageId: text(256).describe('The document we sent for the back end (our message id)'),
    instanceIdentifier: text(256).describe('The SBDH InstanceIdentifier the document was sent in, which the status refers to'),
    status: z
      .enum(['accepted', 'acknowledged', 'rejected'])
      .describe('accepted (AP): delivered to the receiver, confirmed; acknowledged (AB): handed on, unconfirmed; rejected (RE): see reasons'),
    code: z.enum(['AP', 'AB', 'RE']).describe('The Message Level Status response code'),
    description: text(4096).optional(),
    reasons: z
      .array(
        z.object({
          reason: z.enum(['SV', 'BV', 'BW', 'FD']).describe('SV syntax, BV business rule (fatal), BW business rule (warning), FD delivery failure'),
          ruleId: text(128).optional(),
          location: text(2048).optional(),
          description: text(4096),
        }),
      )
      .max(MAX_ERRORS),
    ruleIds: z.array(text(128)).max(MAX_ERRORS).describe('Ids of the rules the receiving access point reported as fired'),
    statusId: text(256).describe("The MLS document's own id"),
    receivedAt: isoDateTime,
    peppol: peppolRoutingSchema.optional(),
  })
  .register(webhookSchemaRegistry, { id: 'WebhookDocumentStatusData' });

/** Where the back end fetches a received document byte-exact (with its API key). */
export const documentContentSchema = z
  .object({
    href: text(2048).describe(
      'GET it with the API key: GET /api/v1/documents/{messageId}/content (absolute when DELIVERY_PUBLIC_URL is set, else a path on the API)',
    ),
    mediaType: z.literal('application/xml'),
    size: z.int().min(0).describe('Bytes'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .register(webhookSchemaRegistry, { id: 'WebhookDocumentContent' });

/** What every event about a received document carries. */
const receivedDocumentFields = {
  schemaVersion,
  messageId: text(256).describe('Our id of the received message'),
  transaction: text(16).optional().describe('The Peppol BIS transaction, e.g. T01'),
  receivedAt: isoDateTime.describe('When our access point received it over AS4'),
  peppol: peppolRoutingSchema.optional(),
  ublXml: z
    .string()
    .min(1)
    .max(MAX_UBL_XML_CHARS)
    .optional()
    .describe('The document as received (UBL XML), when it is at most DELIVERY_INLINE_MAX_BYTES; else fetch it from content.href'),
  content: documentContentSchema,
};

const lineOutcome = z.enum(['accepted', 'rejected', 'changed']);

export const orderResponseLineSchema = z
  .object({
    lineId: text(256).describe('The order line answered (its cbc:ID in the order)'),
    code: lineOutcome,
    statusCode: text(8).describe('cbc:LineStatusCode as written (UNCL1229: 1 added, 3 changed, 5 accepted, 7 not accepted, 42 already delivered)'),
    quantity: z.object({ value: decimal, unitCode: text(16).optional() }).optional().describe('The quantity the seller will deliver'),
    price: z.object({ amount: decimal, currency: currencyCode.optional() }).optional().describe('The price the seller will charge'),
    deliveryDate: isoDate.optional().describe('The promised delivery date'),
    note: text(4096).optional(),
  })
  .register(webhookSchemaRegistry, { id: 'WebhookOrderResponseLine' });

export const orderReceivedDataSchema = z
  .object({ ...receivedDocumentFields, order: orderSchema })
  .register(webhookSchemaRegistry, { id: 'WebhookOrderReceivedData' });

export const orderResponseReceivedDataSchema = z
  .object({
    ...receivedDocumentFields,
    orderResponse: z.object({
      id: text(256).describe("The response's own id"),
      issueDate: isoDate,
      orderNumber: text(256).describe('The order number it answers (cac:OrderReference/cbc:ID)'),
      code: z.enum(['accepted', 'rejected', 'changed', 'acknowledged']),
      responseCode: text(8).describe('cbc:OrderResponseCode as written (AP, RE, CA, AB)'),
      salesOrderId: text(256).optional(),
      note: text(4096).optional(),
      deliveryDate: isoDate.optional().describe('The promised delivery date of the whole order'),
      seller: partyRefSchema,
      buyer: partyRefSchema,
    }),
    order: z
      .object({
        messageId: text(256).describe('Our message of the order'),
        orderNumber: text(256),
      })
      .optional()
      .describe('The order this access point sent that the response answers, when found'),
    lines: z
      .array(orderResponseLineSchema)
      .max(MAX_LINES)
      .describe("Per order line: with the order found, every line of it (those the response does not name as the response decides for the whole order); else the lines the response names"),
  })
  .register(webhookSchemaRegistry, { id: 'WebhookOrderResponseReceivedData' });

export const catalogueResponseReceivedDataSchema = z
  .object({
    ...receivedDocumentFields,
    catalogueResponse: z.object({
      id: text(256),
      issueDate: isoDate.optional(),
      code: z.enum(['accepted', 'rejected', 'acknowledged']),
      responseCode: text(8).describe('cbc:ResponseCode as written (AP, RE, AB)'),
      catalogueId: text(256).optional(),
      catalogueVersionId: text(256).optional(),
      notes: z.array(text(4096)).max(50),
      sender: partyRefSchema.optional(),
      receiver: partyRefSchema.optional(),
    }),
  })
  .register(webhookSchemaRegistry, { id: 'WebhookCatalogueResponseReceivedData' });

export const documentReceivedDataSchema = z
  .object({
    ...receivedDocumentFields,
    documentType: text(512).describe('The Peppol document type id (without its scheme)'),
    process: text(512).optional().describe('The Peppol process id (without its scheme)'),
    rootElement: text(128).describe('The UBL root element, e.g. DespatchAdvice'),
    customizationId: text(512).optional(),
    documentId: text(256).optional().describe("The document's own id (cbc:ID)"),
    issueDate: isoDate.optional(),
    sender: partyRefSchema.describe('Who sent it (the Peppol sender participant)'),
    receiver: partyRefSchema.describe('Whom it is for (the served participant)'),
  })
  .register(webhookSchemaRegistry, { id: 'WebhookDocumentReceivedData' });

/** What the events about a document a participant sent over AS4 carry. */
const sentDocumentFields = {
  schemaVersion,
  messageId: text(256).describe('Our id of the outbound message'),
  as4MessageId: text(512).optional().describe('The AS4 MessageId it was sent under (the same on every retry)'),
  transaction: text(16).optional().describe('The Peppol BIS transaction, e.g. T76'),
  documentType: text(512).optional().describe('The Peppol document type id (without its scheme)'),
  sender: partyRefSchema.describe('The participant that sent it (whose routes hear this)'),
  receiver: partyRefSchema,
  peppol: peppolRoutingSchema.optional(),
};

export const documentSentDataSchema = z
  .object({
    ...sentDocumentFields,
    receiptMessageId: text(512).describe("The MessageId of the receiving access point's signed AS4 receipt"),
    receivingAp: text(256).optional().describe("The receiving access point (its certificate's CN)"),
    attempt: z.int().min(1).describe('The attempt that got the receipt'),
    sentAt: isoDateTime,
  })
  .register(webhookSchemaRegistry, { id: 'WebhookDocumentSentData' });

export const documentSendFailedDataSchema = z
  .object({
    ...sentDocumentFields,
    error: z.object({
      code: text(64).describe('The ebMS error code (e.g. EBMS:0301 no receipt after the retries, EBMS:0004), or what failed before sending (discovery, unsendable)'),
      message: text(4096),
    }),
    attempts: z.int().min(0).describe('Attempts made'),
    failedAt: isoDateTime,
  })
  .register(webhookSchemaRegistry, { id: 'WebhookDocumentSendFailedData' });

/**
 * Operator alerts: sent only to routes of kind `operator` (never to a participant's back end). Every
 * alert carries the same head: which condition (`condition`, the same for every alert of one condition
 * on one day), how bad, a line for people, and when it was raised.
 */
const alertFields = {
  schemaVersion,
  condition: text(256).describe('What the alert is about, stable for the condition (e.g. queue:outbound); one alert per condition and day for the periodic checks'),
  severity: z.enum(['warning', 'critical']),
  summary: text(1024).describe('One line for people'),
  raisedAt: isoDateTime,
};

export const alertMessageFailedDataSchema = z
  .object({
    ...alertFields,
    message: z.object({
      id: text(256),
      direction: z.enum(['inbound', 'outbound', 'internal']),
      kind: z.enum(MESSAGE_KINDS),
      state: z.enum(FAILED_STATES).describe('failed (a job gave up), delivery-failed (to its back end), send-failed (over AS4)'),
      documentType: text(512).optional(),
      senderId: text(256).optional(),
      receiverId: text(256).optional(),
    }),
    failure: z.object({ stage: z.enum(FAILURE_STAGES).optional(), code: text(64), message: text(4096) }),
  })
  .register(webhookSchemaRegistry, { id: 'WebhookAlertMessageFailedData' });

export const alertDeliveryGivenUpDataSchema = z
  .object({
    ...alertFields,
    delivery: z.object({
      id: z.uuid(),
      routeId: z.uuid(),
      eventType: text(64).describe('The event that was not delivered'),
      webhookId: text(256),
      attempts: z.int().min(0),
      generation: z.int().min(1),
    }),
    participantId: text(256).optional().describe('Whose back end it was for'),
    messageId: text(256).optional(),
    reason: text(4096),
    exhausted: z.boolean().describe('true: the retries ran out; false: refused for good (a 4xx, 410 Gone, no secret, route disabled)'),
  })
  .register(webhookSchemaRegistry, { id: 'WebhookAlertDeliveryGivenUpData' });

export const alertCertificateExpiringDataSchema = z
  .object({
    ...alertFields,
    certificate: z.object({
      role: z.enum(['ap-current', 'ap-next', 'trusted-root', 'trusted-ap-issuer', 'trusted-smp-issuer']),
      subject: text(1024),
      serialNumber: text(256),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      notAfter: isoDateTime,
    }),
    daysLeft: z.int().describe('Whole days until it expires (negative: expired)'),
    thresholdDays: z.int().min(1).describe('ALERT_CERT_EXPIRY_DAYS'),
  })
  .register(webhookSchemaRegistry, { id: 'WebhookAlertCertificateExpiringData' });

export const alertReportNotSentDataSchema = z
  .object({
    ...alertFields,
    period: z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/).describe('The month whose TSR and EUSR are due (YYYY-MM)'),
    state: z.enum(['open', 'unsent', 'invalid', 'sending', 'sent', 'send-failed']).describe('Where the reports of the period are'),
    deadline: isoDate.describe('The day the reports should have been sent by (ALERT_REPORT_DEADLINE_DAY)'),
    lastDay: isoDate.describe('The last day of the sending window'),
    reason: text(4096).optional(),
  })
  .register(webhookSchemaRegistry, { id: 'WebhookAlertReportNotSentData' });

export const alertQueueBackingUpDataSchema = z
  .object({
    ...alertFields,
    queue: text(64),
    waiting: z.int().min(0).describe('Jobs waiting to start'),
    oldestWaitingSeconds: z.number().min(0),
    thresholds: z.object({ waiting: z.int().min(1), oldestWaitingSeconds: z.int().min(1) }),
  })
  .register(webhookSchemaRegistry, { id: 'WebhookAlertQueueBackingUpData' });

/** Data schema per event type; the keys are the event types. */
export const webhookDataSchemas = {
  'order.created': orderCreatedDataSchema,
  'cart.received': cartReceivedDataSchema,
  'cart.rejected': cartRejectedDataSchema,
  'catalogue.received': catalogueReceivedDataSchema,
  'message.failed': messageFailedDataSchema,
  'document.status': documentStatusDataSchema,
  'order.received': orderReceivedDataSchema,
  'order-response.received': orderResponseReceivedDataSchema,
  'catalogue-response.received': catalogueResponseReceivedDataSchema,
  'document.received': documentReceivedDataSchema,
  'document.sent': documentSentDataSchema,
  'document.send-failed': documentSendFailedDataSchema,
  'alert.message-failed': alertMessageFailedDataSchema,
  'alert.delivery-given-up': alertDeliveryGivenUpDataSchema,
  'alert.certificate-expiring': alertCertificateExpiringDataSchema,
  'alert.report-not-sent': alertReportNotSentDataSchema,
  'alert.queue-backing-up': alertQueueBackingUpDataSchema,
} as const;

export type WebhookEventType = keyof typeof webhookDataSchemas;
export const WEBHOOK_EVENT_TYPES = Object.keys(webhookDataSchemas) as WebhookEventType[];

export function isWebhookEventType(value: string): value is WebhookEventType {
  return Object.hasOwn(webhookDataSchemas, value);
}

/** Operator alerts: the event types only routes of kind `operator` take. */
export type AlertEventType = Extract<WebhookEventType, `alert.${string}`>;
export const ALERT_EVENT_TYPES = WEBHOOK_EVENT_TYPES.filter((t): t is AlertEventType => t.startsWith('alert.'));
/** Events about a participant's documents: the types participant webhook routes take. */
export type ParticipantEventType = Exclude<WebhookEventType, AlertEventType>;
export const PARTICIPANT_EVENT_TYPES = WEBHOOK_EVENT_TYPES.filter((t): t is ParticipantEventType => !t.startsWith('alert.'));

export function isAlertEventType(value: string): value is AlertEventType {
  return isWebhookEventType(value) && value.startsWith('alert.');
}

const eventDescriptions: Record<WebhookEventType, string> = {
  'order.created': 'An order (Peppol BIS T01) was produced for this supplier; carries the order as JSON and as UBL XML.',
  'cart.received': 'A punch-out shopping cart (Peppol BIS T77) from this supplier was received and validated.',
  'cart.rejected': 'A punch-out shopping cart was rejected (invalid, or declined by the buyer).',
  'catalogue.received': 'A catalogue (Peppol BIS T19) was received.',
  'message.failed': 'Processing of a message for this supplier failed permanently.',
  'document.status':
    "The receiving access point reported what became of a document we sent (Peppol Message Level Status): rejected with its reasons and rule ids, or accepted.",
  'order.received':
    'An order (Peppol BIS T01) for this participant arrived over Peppol and passed validation; carries the order as JSON (as order.created) and the UBL.',
  'order-response.received':
    "An order response (Peppol BIS T76) for this participant arrived and passed validation: the seller's answer with the order's number and the outcome per line.",
  'catalogue-response.received': 'A catalogue response (Peppol BIS T58) for this participant arrived and passed validation: accepted, rejected or acknowledged.',
  'document.received':
    'Any other Peppol BIS document for this participant arrived and passed validation (despatch advice, order change, cancellation, ...): identifiers, parties, the UBL inline or a download link.',
  'document.sent': "A document this participant sent over Peppol reached the receiver's access point: carries the MessageId of its signed AS4 receipt.",
  'document.send-failed': 'A document this participant sent over Peppol could not be delivered to the receiver\'s access point, after the retries: carries the ebMS error code.',
  'alert.message-failed': 'Operator alert: a message reached a failed state for good (failed, delivery-failed or send-failed), with its failure.',
  'alert.delivery-given-up': 'Operator alert: a webhook delivery to a back end was given up (retries exhausted, or refused for good).',
  'alert.certificate-expiring': 'Operator alert: our AP certificate (current or next) or a trusted CA certificate expires within ALERT_CERT_EXPIRY_DAYS (or has expired). Once a day per certificate.',
  'alert.report-not-sent': 'Operator alert: the Peppol Reporting TSR and EUSR of the previous month are not sent (with verified receipts) by ALERT_REPORT_DEADLINE_DAY. Once a day while overdue.',
  'alert.queue-backing-up': 'Operator alert: a queue has more jobs waiting, or its oldest waiting job has waited longer, than the thresholds. Once a day per queue.',
};

function envelopeSchema<T extends WebhookEventType>(type: T) {
  const name = type
    .split(/[.-]/)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
  return z
    .object({
      type: z.literal(type),
      timestamp: isoDateTime.describe('When the event happened (ISO 8601)'),
      data: webhookDataSchemas[type],
    })
    .describe(eventDescriptions[type])
    .register(webhookSchemaRegistry, { id: `${name}WebhookEvent` });
}

/** Full payload schema (envelope + data) per event type. */
export const webhookEventSchemas = {
  'order.created': envelopeSchema('order.created'),
  'cart.received': envelopeSchema('cart.received'),
  'cart.rejected': envelopeSchema('cart.rejected'),
  'catalogue.received': envelopeSchema('catalogue.received'),
  'message.failed': envelopeSchema('message.failed'),
  'document.status': envelopeSchema('document.status'),
  'order.received': envelopeSchema('order.received'),
  'order-response.received': envelopeSchema('order-response.received'),
  'catalogue-response.received': envelopeSchema('catalogue-response.received'),
  'document.received': envelopeSchema('document.received'),
  'document.sent': envelopeSchema('document.sent'),
  'document.send-failed': envelopeSchema('document.send-failed'),
  'alert.message-failed': envelopeSchema('alert.message-failed'),
  'alert.delivery-given-up': envelopeSchema('alert.delivery-given-up'),
  'alert.certificate-expiring': envelopeSchema('alert.certificate-expiring'),
  'alert.report-not-sent': envelopeSchema('alert.report-not-sent'),
  'alert.queue-backing-up': envelopeSchema('alert.queue-backing-up'),
} as const;

/** Any event we send. */
export const webhookEventSchema = z.discriminatedUnion('type', [
  webhookEventSchemas['order.created'],
  webhookEventSchemas['cart.received'],
  webhookEventSchemas['cart.rejected'],
  webhookEventSchemas['catalogue.received'],
  webhookEventSchemas['message.failed'],
  webhookEventSchemas['document.status'],
  webhookEventSchemas['order.received'],
  webhookEventSchemas['order-response.received'],
  webhookEventSchemas['catalogue-response.received'],
  webhookEventSchemas['document.received'],
  webhookEventSchemas['document.sent'],
  webhookEventSchemas['document.send-failed'],
  webhookEventSchemas['alert.message-failed'],
  webhookEventSchemas['alert.delivery-given-up'],
  webhookEventSchemas['alert.certificate-expiring'],
  webhookEventSchemas['alert.report-not-sent'],
  webhookEventSchemas['alert.queue-backing-up'],
]);

export type WebhookEvent = z.infer<typeof webhookEventSchema>;
export type WebhookEventOf<T extends WebhookEventType> = Extract<WebhookEvent, { type: T }>;
export type WebhookEventData<T extends WebhookEventType> = WebhookEventOf<T>['data'];
export type OrderCreatedData = WebhookEventData<'order.created'>;
export type WebhookOrder = OrderCreatedData['order'];

/** Invalid event data: which event type, which field, what is wrong. */
export class WebhookEventError extends Error {
  override name = 'WebhookEventError';
}

/**
 * Builds a validated envelope. Throws WebhookEventError naming the first bad field, so a
 * malformed event never reaches the queue.
 */
export function buildWebhookEvent<T extends WebhookEventType>(
  type: T,
  data: WebhookEventData<T>,
  occurredAt: Date,
): WebhookEventOf<T> {
  const candidate = { type, timestamp: occurredAt.toISOString(), data };
  const parsed = webhookEventSchemas[type].safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new WebhookEventError(`Invalid ${type} event at ${formatPath(issue.path)}: ${issue.message}`);
  }
  return parsed.data as WebhookEventOf<T>;
}

/** Parses a received payload (used by the sample OMS and tests). */
export function parseWebhookEvent(payload: unknown): WebhookEvent {
  const parsed = webhookEventSchema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new WebhookEventError(`Invalid webhook event at ${formatPath(issue.path)}: ${issue.message}`);
  }
  return parsed.data;
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.length === 0 ? '(root)' : path.map(String).join('.');
}
