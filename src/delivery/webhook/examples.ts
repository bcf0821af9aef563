import { PROCESSES, TRANSACTIONS } from '../../peppol/index.js';
import type { WebhookEventData, WebhookEventType } from './events.js';

const buyer = { endpointId: { scheme: '0192', value: '987654325' }, name: 'Helseforetak' };
const seller = { endpointId: { scheme: '0192', value: '810418052' }, name: 'Medical Supplies AS' };
const peppol = {
  sender: buyer.endpointId,
  receiver: seller.endpointId,
  documentTypeId: TRANSACTIONS.order.documentTypeId,
  processId: PROCESSES.orderOnly,
};

/** The example order's one line and its totals, as order.created and order.received both show them. */
const EXAMPLE_ORDER_LINES = [
  {
    id: '1',
    quantity: { value: '10', unitCode: 'EA' },
    lineExtensionAmount: '250.00',
    price: { amount: '25.00' },
    item: { name: 'Nitrile gloves, size M', sellersItemId: 'GLV-M' },
  },
];
const EXAMPLE_ORDER_TOTALS = { currency: 'NOK', lineExtensionAmount: '250.00', payableAmount: '250.00' };

/** A small, complete T01 for examples; real events carry the order the access point produced. */
export const EXAMPLE_ORDER_UBL = `<?xml version="1.0" encoding="UTF-8"?>
<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>${TRANSACTIONS.order.customizationId}</cbc:CustomizationID>
  <cbc:ProfileID>${PROCESSES.orderOnly}</cbc:ProfileID>
  <cbc:ID>PO-1001</cbc:ID>
  <cbc:IssueDate>2026-11-23</cbc:IssueDate>
  <cbc:DocumentCurrencyCode>NOK</cbc:DocumentCurrencyCode>
  <cac:QuotationDocumentReference><cbc:ID>CART-77</cbc:ID></cac:QuotationDocumentReference>
  <cac:BuyerCustomerParty><cac:Party><cbc:EndpointID schemeID="0192">987654325</cbc:EndpointID><cac:PartyLegalEntity><cbc:RegistrationName>Helseforetak</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party></cac:BuyerCustomerParty>
  <cac:SellerSupplierParty><cac:Party><cbc:EndpointID schemeID="0192">810418052</cbc:EndpointID><cac:PostalAddress><cac:Country><cbc:IdentificationCode>NO</cbc:IdentificationCode></cac:Country></cac:PostalAddress><cac:PartyLegalEntity><cbc:RegistrationName>Medical Supplies AS</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party></cac:SellerSupplierParty>
  <cac:AnticipatedMonetaryTotal><cbc:LineExtensionAmount currencyID="NOK">250.00</cbc:LineExtensionAmount><cbc:PayableAmount currencyID="NOK">250.00</cbc:PayableAmount></cac:AnticipatedMonetaryTotal>
  <cac:OrderLine><cac:LineItem><cbc:ID>1</cbc:ID><cbc:Quantity unitCode="EA">10</cbc:Quantity><cbc:LineExtensionAmount currencyID="NOK">250.00</cbc:LineExtensionAmount><cac:Price><cbc:PriceAmount currencyID="NOK">25.00</cbc:PriceAmount></cac:Price><cac:Item><cbc:Name>Nitrile gloves, size M</cbc:Name><cac:SellersItemIdentification><cbc:ID>GLV-M</cbc:ID></cac:SellersItemIdentification></cac:Item></cac:LineItem></cac:OrderLine>
</Order>
`;

/** One example `data` per event type (OpenAPI examples, documentation, tests). */
export const webhookExamples: { [T in WebhookEventType]: WebhookEventData<T> } = {
  'order.created': {
    schemaVersion: 1,
    messageId: 'msg-2f1c9a',
    order: {
      id: 'PO-1001',
      issueDate: '2026-11-23',
      currency: 'NOK',
      profileId: PROCESSES.orderOnly,
      customizationId: TRANSACTIONS.order.customizationId,
      quotationReference: 'CART-77',
      buyer: { endpointId: buyer.endpointId, registrationName: 'Helseforetak', name: 'Helseforetak' },
      seller: {
        endpointId: seller.endpointId,
        registrationName: 'Medical Supplies AS',
        address: { country: 'NO' },
      },
      lines: EXAMPLE_ORDER_LINES,
      totals: EXAMPLE_ORDER_TOTALS,
    },
    peppol,
    ublXml: EXAMPLE_ORDER_UBL,
  },
  'cart.received': {
    schemaVersion: 1,
    messageId: 'msg-7d41e0',
    cartId: 'CART-77',
    issueDate: '2026-11-23',
    buyer,
    seller,
    lineCount: 1,
    currency: 'NOK',
  },
  'cart.rejected': {
    schemaVersion: 1,
    messageId: 'msg-7d41e1',
    cartId: 'CART-78',
    buyer,
    seller,
    reason: { code: 'validation-failed', message: 'The cart breaks 1 fatal rule' },
    problems: [
      {
        severity: 'fatal',
        rule: 'PEPPOL-T77-R006',
        location: '/ubl:Catalogue/cac:CatalogueLine[1]',
        message: 'Base quantity must have the same unit code as the ordered quantity',
      },
    ],
  },
  'catalogue.received': {
    schemaVersion: 1,
    messageId: 'msg-a91b22',
    catalogueId: 'CAT-2026-11',
    issueDate: '2026-11-01',
    actionCode: 'Replace',
    provider: seller,
    receiver: buyer,
    lineCount: 1240,
  },
  'message.failed': {
    schemaVersion: 1,
    messageId: 'msg-2f1c9a',
    direction: 'inbound',
    stage: 'delivery',
    error: { code: 'delivery-failed', message: 'HTTP 400: rejected by the endpoint' },
    failedAt: '2026-11-23T10:15:00.000Z',
  },
  'document.status': {
    schemaVersion: 1,
    messageId: 'msg-7d01ae',
    instanceIdentifier: '6f0c3c1e-2d8a-4b7e-9a51-0c4e8b1d2f30',
    status: 'rejected',
    code: 'RE',
    description: 'Rejected by validation: 1 business rule error',
    reasons: [{ reason: 'BV', ruleId: 'PEPPOL-T01-R003', location: '/Order/cac:OrderLine[1]', description: '[PEPPOL-T01-R003] An order line MUST have a quantity' }],
    ruleIds: ['PEPPOL-T01-R003'],
    statusId: '0b6e8a52-5f0e-4c8e-8d4b-2a7d35f0e1c9',
    receivedAt: '2026-11-23T10:21:00.000Z',
    peppol,
  },
  'order.received': {
    schemaVersion: 1,
    messageId: 'c0a8f3e2-5b1d-4c7e-9f20-3d4e5f6a7b8c',
    transaction: TRANSACTIONS.order.id,
    receivedAt: '2026-11-23T10:14:58.000Z',
    peppol,
    order: {
      id: 'PO-1001',
      issueDate: '2026-11-23',
      currency: 'NOK',
      profileId: PROCESSES.orderOnly,
      customizationId: TRANSACTIONS.order.customizationId,
      quotationReference: 'CART-77',
      buyer: { endpointId: buyer.endpointId, registrationName: 'Helseforetak' },
      seller: { endpointId: seller.endpointId, registrationName: 'Medical Supplies AS', address: { country: 'NO' } },
      lines: EXAMPLE_ORDER_LINES,
      totals: EXAMPLE_ORDER_TOTALS,
    },
    ublXml: EXAMPLE_ORDER_UBL,
    content: {
      href: 'https://ap.example.com/api/v1/documents/c0a8f3e2-5b1d-4c7e-9f20-3d4e5f6a7b8c/content',
      mediaType: 'application/xml',
      size: 2048,
      sha256: '9f2b5c0d3e4a1b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c',
    },
  },
  'order-response.received': {
    schemaVersion: 1,
    messageId: 'd1b9a4f3-6c2e-4d8f-a031-4e5f6a7b8c9d',
    transaction: TRANSACTIONS.orderResponse.id,
    receivedAt: '2026-11-23T11:02:10.000Z',
    peppol: { sender: seller.endpointId, receiver: buyer.endpointId, documentTypeId: TRANSACTIONS.orderResponse.documentTypeId, processId: PROCESSES.ordering },
    orderResponse: {
      id: 'OR-5531',
      issueDate: '2026-11-23',
      orderNumber: 'PO-1001',
      code: 'changed',
      responseCode: 'CA',
      seller,
      buyer,
    },
    order: { messageId: 'msg-2f1c9a', orderNumber: 'PO-1001' },
    lines: [
      { lineId: '1', code: 'changed', statusCode: '3', quantity: { value: '8', unitCode: 'EA' }, deliveryDate: '2026-11-30' },
      { lineId: '2', code: 'accepted', statusCode: '5' },
      { lineId: '3', code: 'rejected', statusCode: '7' },
    ],
    content: {
      href: 'https://ap.example.com/api/v1/documents/d1b9a4f3-6c2e-4d8f-a031-4e5f6a7b8c9d/content',
      mediaType: 'application/xml',
      size: 1874,
      sha256: '0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d',
    },
  },
  'catalogue-response.received': {
    schemaVersion: 1,
    messageId: 'e2c0b5a4-7d3f-4e9a-b142-5f6a7b8c9d0e',
    transaction: TRANSACTIONS.catalogueResponse.id,
    receivedAt: '2026-11-02T08:30:00.000Z',
    catalogueResponse: {
      id: 'CR-88',
      issueDate: '2026-11-02',
      code: 'rejected',
      responseCode: 'RE',
      catalogueId: 'CAT-2026-11',
      catalogueVersionId: '3',
      notes: ['catalogue issued 2026-11-01 version 3 is not newer than the active one'],
      sender: buyer,
      receiver: seller,
    },
    content: {
      href: '/api/v1/documents/e2c0b5a4-7d3f-4e9a-b142-5f6a7b8c9d0e/content',
      mediaType: 'application/xml',
      size: 1203,
      sha256: '1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e',
    },
  },
  'document.received': {
    schemaVersion: 1,
    messageId: 'f3d1c6b5-8e4a-4fab-8253-6a7b8c9d0e1f',
    transaction: TRANSACTIONS.despatchAdvice.id,
    receivedAt: '2026-11-25T06:45:00.000Z',
    documentType: TRANSACTIONS.despatchAdvice.documentTypeId,
    process: PROCESSES.despatchAdvice,
    rootElement: TRANSACTIONS.despatchAdvice.rootName,
    customizationId: TRANSACTIONS.despatchAdvice.customizationId,
    documentId: 'DA-7781',
    issueDate: '2026-11-25',
    sender: { endpointId: seller.endpointId },
    receiver: { endpointId: buyer.endpointId },
    content: {
      href: 'https://ap.example.com/api/v1/documents/f3d1c6b5-8e4a-4fab-8253-6a7b8c9d0e1f/content',
      mediaType: 'application/xml',
      size: 612_345,
      sha256: '2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f',
    },
  },
  'document.sent': {
    schemaVersion: 1,
    messageId: '5b7c9d1e-2f3a-4b5c-8d6e-7f8a9b0c1d2e',
    as4MessageId: '4d3c2b1a-0f9e-4d8c-b7a6-958473625140@ap.example.com',
    transaction: TRANSACTIONS.orderResponse.id,
    documentType: TRANSACTIONS.orderResponse.documentTypeId,
    sender: seller,
    receiver: buyer,
    receiptMessageId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d@buyer-ap.example.com',
    receivingAp: 'PNO000104',
    attempt: 1,
    sentAt: '2026-11-23T11:02:04.000Z',
  },
  'document.send-failed': {
    schemaVersion: 1,
    messageId: '6c8d0e2f-3a4b-4c5d-9e7f-8a9b0c1d2e3f',
    as4MessageId: '5e4d3c2b-1a0f-4e9d-c8b7-a69584736251@ap.example.com',
    transaction: TRANSACTIONS.orderResponse.id,
    documentType: TRANSACTIONS.orderResponse.documentTypeId,
    sender: seller,
    receiver: buyer,
    error: { code: 'EBMS:0301', message: 'EBMS:0301 MissingReceipt: no receipt after 5 attempts; last: HTTP 503' },
    attempts: 5,
    failedAt: '2026-11-23T12:40:00.000Z',
  },
  'alert.message-failed': {
    schemaVersion: 1,
    condition: 'message:6c8d0e2f-3a4b-4c5d-9e7f-8a9b0c1d2e3f:send-failed',
    severity: 'warning',
    summary: 'outbound order-response 6c8d0e2f-3a4b-4c5d-9e7f-8a9b0c1d2e3f is send-failed: EBMS:0301 MissingReceipt',
    raisedAt: '2026-11-23T12:40:00.000Z',
    message: {
      id: '6c8d0e2f-3a4b-4c5d-9e7f-8a9b0c1d2e3f',
      direction: 'outbound',
      kind: 'order-response',
      state: 'send-failed',
      documentType: TRANSACTIONS.orderResponse.documentTypeId,
      senderId: '0192:810418052',
      receiverId: '0192:987654325',
    },
    failure: { stage: 'sending', code: 'EBMS:0301', message: 'EBMS:0301 MissingReceipt: no receipt after 5 attempts; last: HTTP 503' },
  },
  'alert.delivery-given-up': {
    schemaVersion: 1,
    condition: 'delivery:9b8c7d6e-5f40-4a3b-9c2d-1e0f9a8b7c6d:1',
    severity: 'warning',
    summary: 'order.created to route 3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c given up after 9 attempts: HTTP 503',
    raisedAt: '2026-11-24T10:15:00.000Z',
    delivery: {
      id: '9b8c7d6e-5f40-4a3b-9c2d-1e0f9a8b7c6d',
      routeId: '3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c',
      eventType: 'order.created',
      webhookId: 'msg_2f1c9a0b1c2d3e4f5a6b7c8d9e0f1a2b',
      attempts: 9,
      generation: 1,
    },
    participantId: '0192:810418052',
    messageId: 'msg-2f1c9a',
    reason: 'HTTP 503 after 9 attempts',
    exhausted: true,
  },
  'alert.certificate-expiring': {
    schemaVersion: 1,
    condition: 'certificate:9d2c5b0e8e0e0d554c8ebb0e7d3f0a6c9f105b0e8e0e0d554c8ebb0e7d3f0a6c',
    severity: 'warning',
    summary: 'our AP certificate (current) CN=PDK000123 expires in 21 days (2026-12-14T23:59:59.000Z)',
    raisedAt: '2026-11-23T06:00:00.000Z',
    certificate: {
      role: 'ap-current',
      subject: 'C=DK, O=Example AP, OU=PEPPOL TEST AP, CN=PDK000123',
      serialNumber: '4F2A9C01D3',
      sha256: '9d2c5b0e8e0e0d554c8ebb0e7d3f0a6c9f105b0e8e0e0d554c8ebb0e7d3f0a6c',
      notAfter: '2026-12-14T23:59:59.000Z',
    },
    daysLeft: 21,
    thresholdDays: 30,
  },
  'alert.report-not-sent': {
    schemaVersion: 1,
    condition: 'report:2026-10',
    severity: 'warning',
    summary: 'the Peppol Reporting TSR and EUSR of 2026-10 are not sent by 2026-11-10 (state unsent); the window closes 2026-11-15',
    raisedAt: '2026-11-10T06:00:00.000Z',
    period: '2026-10',
    state: 'unsent',
    deadline: '2026-11-10',
    lastDay: '2026-11-15',
  },
  'alert.queue-backing-up': {
    schemaVersion: 1,
    condition: 'queue:outbound',
    severity: 'warning',
    summary: 'queue outbound: 1250 jobs waiting, the oldest for 840 s (thresholds 1000 jobs, 600 s)',
    raisedAt: '2026-11-23T10:15:00.000Z',
    queue: 'outbound',
    waiting: 1250,
    oldestWaitingSeconds: 840,
    thresholds: { waiting: 1000, oldestWaitingSeconds: 600 },
  },
};
