import { describe, expect, it } from 'vitest';
import { ReportBuildError } from './report-model.js';
import { buildTsr, tsrXml } from './tsr.js';
import type { TransmissionGroup } from './transmission-repository.js';

const header = { startDate: '2026-02-01', endDate: '2026-02-28', reporterId: 'PDK000001' };
const g = (over: Partial<TransmissionGroup>): TransmissionGroup => ({
  direction: 'sending',
  c2SeatId: 'PDK000001',
  c3SeatId: 'PNO000002',
  documentTypeScheme: 'busdox-docid-qns',
  documentTypeValue: 'dt-order',
  processScheme: 'cenbii-procid-ubl',
  processValue: 'pr-ordering',
  transportProfile: 'peppol-transport-as4-v2_0',
  c1Country: 'DK',
  c4Country: null,
  endUserId: '0088:1',
  countsEndUser: true,
  count: 1,
  ...over,
});
const keysOf = (t: ReturnType<typeof buildTsr>, type: string) => t.subtotals.filter((s) => s.type === type).map((s) => [s.keys.map((k) => k.value).join(' '), s.incoming, s.outgoing]);

describe('TSR from transmissions', () => {
  it('is empty for an empty period: totals 0/0, no subtotal', () => {
    const tsr = buildTsr([], header);
    expect(tsr).toEqual({ ...header, total: { incoming: 0, outgoing: 0 }, subtotals: [] });
    const xml = tsrXml(tsr);
    expect(xml).toContain('<Total><Incoming>0</Incoming><Outgoing>0</Outgoing></Total>');
    expect(xml).not.toContain('Subtotal');
  });

  it('counts outgoing per receiving AP and incoming per sending AP, per document type and process', () => {
    const tsr = buildTsr(
      [
        g({ count: 3 }),
        g({ count: 2, endUserId: '0088:2' }),
        g({ direction: 'receiving', c2SeatId: 'PNO000002', c3SeatId: 'PDK000001', c1Country: 'NO', c4Country: 'DK', count: 4 }),
        g({ c3SeatId: 'PSE000003', documentTypeValue: 'dt-catalogue', processValue: 'pr-catalogue', count: 1 }),
      ],
      header,
    );
    expect(tsr.total).toEqual({ incoming: 4, outgoing: 6 });
    expect(keysOf(tsr, 'PerTP')).toEqual([['peppol-transport-as4-v2_0', 4, 6]]);
    expect(keysOf(tsr, 'PerSP-DT-PR')).toEqual([
      ['PNO000002 dt-order pr-ordering', 4, 5],
      ['PSE000003 dt-catalogue pr-catalogue', 0, 1],
    ]);
    // Incoming only, with the sender and receiver countries; outgoing always 0 (SCH-TSR-43).
    expect(keysOf(tsr, 'PerSP-DT-PR-CC')).toEqual([['PNO000002 dt-order pr-ordering NO DK', 4, 0]]);
    expect(tsr.subtotals.map((s) => s.type)).toEqual(['PerTP', 'PerSP-DT-PR', 'PerSP-DT-PR', 'PerSP-DT-PR-CC']);
  });

  it('writes the keys in the official order with their schemes, and ZZ for an unknown country', () => {
    const tsr = buildTsr([g({ direction: 'receiving', c2SeatId: 'PNO000002', c1Country: 'ZZ', c4Country: null })], header);
    const cc = tsr.subtotals.find((s) => s.type === 'PerSP-DT-PR-CC')!;
    expect(cc.keys).toEqual([
      { metaSchemeID: 'SP', schemeID: 'CertSubjectCN', value: 'PNO000002' },
      { metaSchemeID: 'DT', schemeID: 'busdox-docid-qns', value: 'dt-order' },
      { metaSchemeID: 'PR', schemeID: 'cenbii-procid-ubl', value: 'pr-ordering' },
      { metaSchemeID: 'CC', schemeID: 'SenderCountry', value: 'ZZ' },
      { metaSchemeID: 'CC', schemeID: 'ReceiverCountry', value: 'ZZ' },
    ]);
    const xml = tsrXml(tsr);
    expect(xml).toContain('<TransactionStatisticsReport xmlns="urn:fdc:peppol:transaction-statistics-report:1.0">');
    expect(xml).toContain('<CustomizationID>urn:fdc:peppol.eu:edec:trns:transaction-statistics-reporting:1.0</CustomizationID>');
    expect(xml).toContain('<ReporterID schemeID="CertSubjectCN">PDK000001</ReporterID>');
    expect(xml).toContain('<StartDate>2026-02-01</StartDate><EndDate>2026-02-28</EndDate>');
  });

  it('refuses a reporter that is not a seat id and a bad period; another AP is written as recorded (the official rules judge it)', () => {
    expect(() => buildTsr([], { ...header, reporterId: 'ap.example' })).toThrow(ReportBuildError);
    expect(buildTsr([g({ c3SeatId: 'localhost' })], header).subtotals[1]!.keys[0]!.value).toBe('localhost');
    expect(() => buildTsr([], { ...header, endDate: '2026-01-31' })).toThrow(ReportBuildError);
  });

  it('escapes values: nothing in a key changes the document', () => {
    const xml = tsrXml(buildTsr([g({ documentTypeValue: 'a<b>&"c' })], header));
    expect(xml).toContain('>a&lt;b&gt;&amp;"c</Key>');
  });
});
