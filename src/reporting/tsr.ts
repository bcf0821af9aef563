import { isSeatId, isTsrCountry, REPORT_KEYS, TRANSACTIONS, TSR_SUBTOTAL_TYPES, UNKNOWN_COUNTRY } from '../peppol/index.js';
import { byTypeThenKeys, keyIdentity, ReportBuildError, type ReportHeader, type ReportKey } from './report-model.js';
import { reportDocument } from './report-xml.js';
import type { TransmissionGroup } from './transmission-repository.js';

export interface TsrSubtotal {
  type: string;
  keys: ReportKey[];
  incoming: number;
  outgoing: number;
}

/** A Transaction Statistics Report (TSR 1.0) as numbers. */
export interface Tsr extends ReportHeader {
  total: { incoming: number; outgoing: number };
  subtotals: TsrSubtotal[];
}

type Grouped = Pick<TransmissionGroup, 'direction' | 'c2SeatId' | 'c3SeatId' | 'documentTypeScheme' | 'documentTypeValue' | 'processScheme' | 'processValue' | 'transportProfile' | 'c1Country' | 'c4Country' | 'count'>;

function checkHeader(header: ReportHeader): void {
  if (!isSeatId(header.reporterId)) throw new ReportBuildError(`reporter id "${header.reporterId}" is not a seat id (SCH-TSR-18 / SCH-EUSR-08): our AP certificate's CN must be one`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(header.startDate) || !/^\d{4}-\d{2}-\d{2}$/.test(header.endDate) || header.endDate < header.startDate) {
    throw new ReportBuildError(`report period ${header.startDate}..${header.endDate} is not a valid date range`);
  }
}
export { checkHeader as checkReportHeader };

/**
 * Counts the transmissions of a period into a TSR (BIS 1.0.2 §3): the totals, per transport profile,
 * per other access point + document type + process, and (incoming only) also per sender and
 * receiver country. A subtotal whose counts are both 0 is never written; an empty period has the
 * totals 0/0 and no subtotal.
 */
export function buildTsr(groups: readonly Grouped[], header: ReportHeader): Tsr {
  checkHeader(header);
  const subtotals = new Map<string, TsrSubtotal>();
  const add = (type: string, keys: ReportKey[], incoming: number, outgoing: number) => {
    const id = `${type}\u0001${keyIdentity(keys)}`;
    const found = subtotals.get(id) ?? { type, keys, incoming: 0, outgoing: 0 };
    found.incoming += incoming;
    found.outgoing += outgoing;
    subtotals.set(id, found);
  };
  const total = { incoming: 0, outgoing: 0 };
  for (const g of groups) {
    if (g.count <= 0) continue;
    const incoming = g.direction === 'receiving' ? g.count : 0;
    const outgoing = g.direction === 'sending' ? g.count : 0;
    total.incoming += incoming;
    total.outgoing += outgoing;
    const otherAp = g.direction === 'sending' ? g.c3SeatId : g.c2SeatId;
    const spDtPr: ReportKey[] = [
      { ...REPORT_KEYS.serviceProvider, value: otherAp },
      { ...REPORT_KEYS.documentType, schemeID: g.documentTypeScheme, value: g.documentTypeValue },
      { ...REPORT_KEYS.process, schemeID: g.processScheme, value: g.processValue },
    ];
    add(TSR_SUBTOTAL_TYPES.perTransportProfile, [{ ...REPORT_KEYS.transportProfile, value: g.transportProfile }], incoming, outgoing);
    add(TSR_SUBTOTAL_TYPES.perProviderDocumentProcess, spDtPr, incoming, outgoing);
    if (g.direction === 'receiving') {
      const sender = isTsrCountry(g.c1Country) ? g.c1Country : UNKNOWN_COUNTRY;
      const receiver = g.c4Country && isTsrCountry(g.c4Country) ? g.c4Country : UNKNOWN_COUNTRY;
      add(
        TSR_SUBTOTAL_TYPES.perProviderDocumentProcessCountries,
        [...spDtPr, { ...REPORT_KEYS.senderCountry, value: sender }, { ...REPORT_KEYS.receiverCountry, value: receiver }],
        incoming,
        0,
      );
    }
  }
  const order: string[] = Object.values(TSR_SUBTOTAL_TYPES);
  const sorted = [...subtotals.values()]
    .filter((s) => s.incoming + s.outgoing > 0)
    .sort(byTypeThenKeys(order));
  return { ...header, total, subtotals: sorted };
}

/** The TSR in its official syntax (root `TransactionStatisticsReport`, XSD 1.0). */
export function tsrXml(tsr: Tsr): string {
  const xml = reportDocument(TRANSACTIONS.transactionStatisticsReport, tsr);
  const root = xml.root;
  const total = xml.add(root, 'Total');
  xml.add(total, 'Incoming', tsr.total.incoming);
  xml.add(total, 'Outgoing', tsr.total.outgoing);
  for (const s of tsr.subtotals) {
    const subtotal = xml.add(root, 'Subtotal', undefined, { type: s.type });
    for (const k of s.keys) xml.add(subtotal, 'Key', k.value, { metaSchemeID: k.metaSchemeID, schemeID: k.schemeID });
    xml.add(subtotal, 'Incoming', s.incoming);
    xml.add(subtotal, 'Outgoing', s.outgoing);
  }
  return xml.toString();
}
