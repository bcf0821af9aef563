import { describe, expect, it } from 'vitest';
import type { Delivery } from './api.js';
import { groupRules, routeOutcomes, shortLocation, span } from './format.js';

describe('shortLocation', () => {
  it('drops namespace tests, prefixes and first-of-kind positions', () => {
    expect(shortLocation("/*:Order[namespace-uri()='urn:oasis:names:specification:ubl:schema:xsd:Order-2'][1]/*:OrderLine[namespace-uri()='urn:x'][2]/*:LineItem[namespace-uri()='urn:y'][1]")).toBe('/Order/OrderLine[2]/LineItem');
    expect(shortLocation('/ubl:Catalogue[1]/cac:CatalogueLine[3]/cbc:ID[1]')).toBe('/Catalogue/CatalogueLine[3]/ID');
    expect(shortLocation('/')).toBe('/');
  });
});

describe('groupRules', () => {
  it('groups by rule, keeps every place, the most severe first', () => {
    const groups = groupRules([
      { id: 'PEPPOL-T77-R012', flag: 'warning', location: '/ubl:Catalogue[1]/cac:CatalogueLine[1]', text: 'A note' },
      { id: 'PEPPOL-T77-R001', flag: 'fatal', location: '/ubl:Catalogue[1]', text: 'Broken' },
      { id: 'PEPPOL-T77-R012', flag: 'warning', location: '/ubl:Catalogue[1]/cac:CatalogueLine[2]', text: 'A note' },
    ]);
    expect(groups.map((g) => [g.id, g.flag, g.locations])).toEqual([
      ['PEPPOL-T77-R001', 'fatal', ['/Catalogue']],
      ['PEPPOL-T77-R012', 'warning', ['/Catalogue/CatalogueLine', '/Catalogue/CatalogueLine[2]']],
    ]);
  });
});

describe('routeOutcomes', () => {
  const delivery = (state: Delivery['state'], lastError: string | null = null, deliveredAt: string | null = null) => ({ state, lastError, deliveredAt }) as Delivery;
  it('counts failures in a row since the newest delivered one', () => {
    const o = routeOutcomes([delivery('pending'), delivery('failed', 'HTTP 503'), delivery('failed', 'HTTP 500'), delivery('delivered', null, '2026-11-23T10:00:00Z'), delivery('failed')]);
    expect(o).toEqual({ delivered: 1, failed: 3, pending: 1, failingInARow: 2, lastError: 'HTTP 503', lastDeliveredAt: '2026-11-23T10:00:00Z' });
    expect(routeOutcomes([]).failingInARow).toBe(0);
    expect(routeOutcomes([delivery('failed'), delivery('failed')]).failingInARow).toBe(2);
  });
});

describe('span', () => {
  it('reads as seconds, minutes, hours or days', () => {
    expect(span(42_000)).toBe('42 s');
    expect(span(5 * 60_000)).toBe('5 min');
    expect(span(125 * 60_000)).toBe('2 h 5 min');
    expect(span(50 * 3_600_000)).toBe('2 d 2 h');
  });
});
