import { describe, expect, it } from 'vitest';
import { buildEusr, eusrXml } from './eusr.js';
import type { TransmissionGroup } from './transmission-repository.js';

const header = { startDate: '2026-02-01', endDate: '2026-02-28', reporterId: 'PDK000001' };
const g = (direction: 'sending' | 'receiving', endUserId: string, over: Partial<TransmissionGroup> = {}): TransmissionGroup => ({
  direction,
  c2SeatId: 'PDK000001',
  c3SeatId: 'PNO000002',
  documentTypeScheme: 'busdox-docid-qns',
  documentTypeValue: 'dt-invoice',
  processScheme: 'cenbii-procid-ubl',
  processValue: 'pr-billing',
  transportProfile: 'peppol-transport-as4-v2_0',
  c1Country: 'DK',
  c4Country: direction === 'receiving' ? 'DK' : null,
  endUserId,
  countsEndUser: true,
  count: 1,
  ...over,
});
const subset = (e: ReturnType<typeof buildEusr>, type: string) => e.subsets.filter((s) => s.type === type).map((s) => [s.keys.map((k) => k.value).join(' '), s.sending, s.receiving, s.sendingOrReceiving]);

describe('EUSR from transmissions', () => {
  it('is empty for an empty period: a full set of zeros, no subset', () => {
    const eusr = buildEusr([], header);
    expect(eusr).toMatchObject({ fullSet: { sending: 0, receiving: 0, sendingOrReceiving: 0 }, subsets: [] });
    expect(eusrXml(eusr)).toContain('<FullSet><SendingEndUsers>0</SendingEndUsers><ReceivingEndUsers>0</ReceivingEndUsers><SendingOrReceivingEndUsers>0</SendingOrReceivingEndUsers></FullSet>');
  });

  it('counts distinct end users, as the BIS example: A sends and receives, B and C only send, D only receives → 3, 2, 4', () => {
    const eusr = buildEusr([g('sending', 'a', { count: 5 }), g('receiving', 'a'), g('sending', 'b'), g('sending', 'c', { count: 2 }), g('receiving', 'd')], header);
    expect(eusr.fullSet).toEqual({ sending: 3, receiving: 2, sendingOrReceiving: 4 });
  });

  it('keeps sets per subset, so subsets do not add up to the full set', () => {
    const eusr = buildEusr(
      [
        g('sending', 'a'),
        g('sending', 'a', { documentTypeValue: 'dt-order', processValue: 'pr-ordering' }),
        g('sending', 'b', { c1Country: 'NO' }),
        g('receiving', 'c', { c4Country: 'SE' }),
      ],
      header,
    );
    expect(eusr.fullSet).toEqual({ sending: 2, receiving: 1, sendingOrReceiving: 3 });
    expect(subset(eusr, 'PerDT-PR')).toEqual([
      ['dt-invoice pr-billing', 2, 1, 3],
      ['dt-order pr-ordering', 1, 0, 1],
    ]);
    expect(subset(eusr, 'PerDT-PR-EUC')).toEqual([
      ['dt-invoice pr-billing DK', 1, 0, 1],
      ['dt-invoice pr-billing NO', 1, 0, 1],
      ['dt-invoice pr-billing SE', 0, 1, 1],
      ['dt-order pr-ordering DK', 1, 0, 1],
    ]);
    expect(subset(eusr, 'PerDT-EUC')).toEqual([
      ['dt-invoice DK', 1, 0, 1],
      ['dt-invoice NO', 1, 0, 1],
      ['dt-invoice SE', 0, 1, 1],
      ['dt-order DK', 1, 0, 1],
    ]);
    expect(subset(eusr, 'PerEUC')).toEqual([
      ['DK', 1, 0, 1],
      ['NO', 1, 0, 1],
      ['SE', 0, 1, 1],
    ]);
    expect(eusr.subsets.map((s) => s.type)).toEqual([...Array(2).fill('PerDT-PR'), ...Array(4).fill('PerDT-PR-EUC'), ...Array(4).fill('PerDT-EUC'), ...Array(3).fill('PerEUC')]);
  });

  it('does not count the end users of Message Level Status', () => {
    const eusr = buildEusr([g('sending', 'a'), g('receiving', 'b', { countsEndUser: false })], header);
    expect(eusr.fullSet).toEqual({ sending: 1, receiving: 0, sendingOrReceiving: 1 });
  });

  it('leaves end users of unknown country (or ZZ) out of the country subsets but counts them in the full set', () => {
    const eusr = buildEusr([g('receiving', 'x', { c4Country: null }), g('sending', 'y', { c1Country: 'ZZ' })], header);
    expect(eusr.fullSet).toEqual({ sending: 1, receiving: 1, sendingOrReceiving: 2 });
    expect(eusr.subsets.map((s) => s.type)).toEqual(['PerDT-PR']);
    expect(eusr.withoutCountry).toBe(2);
    expect(eusrXml(eusr)).not.toContain('ZZ');
  });

  it('writes the official syntax', () => {
    const xml = eusrXml(buildEusr([g('sending', 'a')], header));
    expect(xml).toContain('<EndUserStatisticsReport xmlns="urn:fdc:peppol:end-user-statistics-report:1.1">');
    expect(xml).toContain('<CustomizationID>urn:fdc:peppol.eu:edec:trns:end-user-statistics-report:1.1</CustomizationID>');
    expect(xml).toContain('<Subset type="PerEUC"><Key metaSchemeID="CC" schemeID="EndUserCountry">DK</Key>');
  });
});
