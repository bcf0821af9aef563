import { describe, expect, it } from 'vitest';
import { PROCESSES, transactionRegistry, TRANSACTIONS } from '../peppol/index.js';
import { parseXmlSafely } from '../ubl/safe-parse.js';
import { addressSubmission, SubmissionAddressError, type SubmissionOverrides } from './submission-addressing.js';

const ORDER = (profile: string = PROCESSES.ordering, buyer = '<cbc:EndpointID schemeID="0088">7300010000001</cbc:EndpointID>') =>
  `<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">` +
  `<cbc:CustomizationID>${TRANSACTIONS.order.customizationId}</cbc:CustomizationID><cbc:ProfileID>${profile}</cbc:ProfileID>` +
  `<cac:BuyerCustomerParty><cac:Party>${buyer}</cac:Party></cac:BuyerCustomerParty>` +
  `<cac:SellerSupplierParty><cac:Party><cbc:EndpointID schemeID="0088">7315458756324</cbc:EndpointID></cac:Party></cac:SellerSupplierParty></Order>`;

const address = (xml: string, overrides: SubmissionOverrides = {}) => addressSubmission(parseXmlSafely(xml).documentElement, overrides, transactionRegistry);
const failure = (xml: string, overrides: SubmissionOverrides = {}) => {
  try {
    address(xml, overrides);
  } catch (error) {
    if (error instanceof SubmissionAddressError) return `${error.where} ${error.field}: ${error.message}`;
    throw error;
  }
  throw new Error('expected a SubmissionAddressError');
};

describe('addressSubmission', () => {
  it('takes transaction, process, sender and receiver from an order', () => {
    const a = address(ORDER());
    expect(a.transaction.id).toBe('T01');
    expect(a).toMatchObject({ senderId: '0088:7300010000001', receiverId: '0088:7315458756324' });
    expect(a.documentTypeId).toBe(`busdox-docid-qns::${TRANSACTIONS.order.documentTypeId}`);
    expect(a.processId).toBe(`cenbii-procid-ubl::${PROCESSES.ordering}`);
  });

  it('lets the query replace sender, receiver and process, lower-casing participant ids', () => {
    const a = address(ORDER(), { sender: '0088:ABC', receiver: '9915:X1', process: PROCESSES.orderOnly });
    expect(a).toMatchObject({ senderId: '0088:abc', receiverId: '9915:x1', processId: `cenbii-procid-ubl::${PROCESSES.orderOnly}` });
  });

  it('takes a document type from the query', () => {
    expect(address(ORDER(), { documentType: `busdox-docid-qns::${TRANSACTIONS.order.documentTypeId}` }).transaction.id).toBe('T01');
  });

  it.each([
    ['an unknown customization', ORDER().replace(TRANSACTIONS.order.customizationId, 'urn:example:custom'), {}, /^body cbc:CustomizationID: not a Peppol BIS document/],
    ['a root that is not the transaction\'s', ORDER().replace(/<Order /, '<Catalogue ').replace('</Order>', '</Catalogue>'), {}, /^body \(root\): a T01 Order is a Order/],
    ['a process the transaction is not used in', ORDER(PROCESSES.catalogueOnly), {}, /^body cbc:ProfileID: T01 is not used in process/],
    ['a sender without scheme', ORDER(PROCESSES.ordering, '<cbc:EndpointID>7300010000001</cbc:EndpointID>'), {}, /^body cac:BuyerCustomerParty\/cac:Party\/cbc:EndpointID: the document names no sender/],
    ['a bad receiver in the query', ORDER(), { receiver: 'nobody' }, /^query receiver: expected a participant id/],
    ['an unknown document type in the query', ORDER(), { documentType: 'busdox-docid-qns::x' }, /^query documentType: not a document type/],
    ['an MLS', ORDER().replace(TRANSACTIONS.order.customizationId, TRANSACTIONS.messageLevelStatus.customizationId), {}, /sent by the access point itself/],
  ])('refuses %s', (_name, xml, overrides, message) => {
    expect(failure(xml, overrides as SubmissionOverrides)).toMatch(message);
  });
});
