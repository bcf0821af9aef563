import { describe, expect, it } from 'vitest';
import { IDENTIFIER_SCHEMES, qualifiedDocumentTypeId, TRANSACTIONS } from '../peppol/index.js';
import { isReportable, receivedTransmission, sentTransmission, type ReceivedTransmission, type SentTransmission } from './transmission-record.js';

const doc = (t: { documentTypeId: string }) => ({ scheme: IDENTIFIER_SCHEMES.documentType, value: t.documentTypeId });
const proc = (value: string) => ({ scheme: IDENTIFIER_SCHEMES.process, value });
const pid = (value: string) => ({ scheme: IDENTIFIER_SCHEMES.participant, value });
const at = new Date('2026-03-31T23:59:59.999Z');

const received = (over: Partial<ReceivedTransmission> = {}): ReceivedTransmission => ({
  messageId: 'm1',
  receivedAt: at,
  sendingSeatId: 'PDK000002',
  ourSeatId: 'PDK000001',
  sender: pid('0192:987654325'),
  receiver: pid('0088:7315458756324'),
  documentType: doc(TRANSACTIONS.order),
  process: proc(TRANSACTIONS.order.processIds[0]),
  countryC1: 'NO',
  ...over,
});
const sent = (over: Partial<SentTransmission> = {}): SentTransmission => ({
  messageId: 'm2',
  receiptVerifiedAt: at,
  ourSeatId: 'PDK000001',
  receivingSeatId: 'PDK000002',
  sender: pid('0192:987654325'),
  documentType: doc(TRANSACTIONS.catalogue),
  process: proc(TRANSACTIONS.catalogue.processIds[0]),
  countryC1: 'no',
  ...over,
});

describe('transmission records for Peppol Reporting', () => {
  it('never counts the reports themselves, with or without the scheme, and counts everything else', () => {
    expect(isReportable(doc(TRANSACTIONS.transactionStatisticsReport))).toBe(false);
    expect(isReportable(doc(TRANSACTIONS.endUserStatisticsReport))).toBe(false);
    expect(isReportable({ scheme: IDENTIFIER_SCHEMES.documentType, value: qualifiedDocumentTypeId(TRANSACTIONS.endUserStatisticsReport.documentTypeId) })).toBe(false);
    expect(isReportable(doc(TRANSACTIONS.order))).toBe(true);
    expect(isReportable(doc(TRANSACTIONS.messageLevelStatus))).toBe(true);
    expect(isReportable({ scheme: IDENTIFIER_SCHEMES.documentType, value: 'urn:x::Unknown##urn:y::1.0' })).toBe(true);
    expect(receivedTransmission(received({ documentType: doc(TRANSACTIONS.transactionStatisticsReport) }))).toBeUndefined();
    expect(sentTransmission(sent({ documentType: doc(TRANSACTIONS.endUserStatisticsReport) }))).toBeUndefined();
  });

  it('records a received message as C3: the sender AP as C2, C4 as the end user, the exchange time as received', () => {
    expect(receivedTransmission(received())).toEqual({
      messageId: 'm1',
      exchangedAt: at,
      direction: 'receiving',
      c2SeatId: 'PDK000002',
      c3SeatId: 'PDK000001',
      documentType: doc(TRANSACTIONS.order),
      process: proc(TRANSACTIONS.order.processIds[0]),
      transportProfile: 'peppol-transport-as4-v2_0',
      c1Country: 'NO',
      c4Country: null,
      endUserId: '0088:7315458756324',
      countsEndUser: true,
    });
  });

  it('takes the C4 country from our data, else the receiver id scheme, else the configured default; C1 ZZ when the SBDH has none', () => {
    expect(receivedTransmission(received({ receiverCountry: 'se', defaultEndUserCountry: 'DK' }))!.c4Country).toBe('SE');
    expect(receivedTransmission(received({ receiver: pid('0192:987654325'), defaultEndUserCountry: 'DK' }))!.c4Country).toBe('NO');
    expect(receivedTransmission(received({ defaultEndUserCountry: 'DK' }))!.c4Country).toBe('DK');
    expect(receivedTransmission(received({ countryC1: undefined }))!.c1Country).toBe('ZZ');
    expect(receivedTransmission(received({ countryC1: ' ' }))!.c1Country).toBe('ZZ');
  });

  it('normalises the end user id (participant ids compare case-insensitively)', () => {
    expect(receivedTransmission(received({ receiver: pid('9925:BE0848934496') }))!.endUserId).toBe('9925:be0848934496');
    expect(sentTransmission(sent({ sender: pid(' 0088:ABC ') }))!.endUserId).toBe('0088:abc');
  });

  it('records a sent message as C2: the receiving AP as C3, C1 as the end user, no C4 country', () => {
    expect(sentTransmission(sent())).toMatchObject({
      direction: 'sending',
      c2SeatId: 'PDK000001',
      c3SeatId: 'PDK000002',
      c1Country: 'NO',
      c4Country: null,
      endUserId: '0192:987654325',
      exchangedAt: at,
      countsEndUser: true,
    });
  });

  it('counts a Message Level Status in the TSR but not its end user in the EUSR', () => {
    expect(sentTransmission(sent({ documentType: doc(TRANSACTIONS.messageLevelStatus) }))!.countsEndUser).toBe(false);
    expect(receivedTransmission(received({ documentType: doc(TRANSACTIONS.messageLevelStatus) }))!.countsEndUser).toBe(false);
  });
});
