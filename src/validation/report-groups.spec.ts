import { describe, expect, it } from 'vitest';
import { describeGroups, groupRules, shortLocation } from './report-groups.js';

describe('readable validation reports', () => {
  it('shortens locations', () => {
    expect(shortLocation("/*:Order[namespace-uri()='urn:oasis:names:specification:ubl:schema:xsd:Order-2'][1]/*:OrderLine[namespace-uri()='urn:x'][2]/*:ID[namespace-uri()='urn:y'][1]")).toBe('/Order/OrderLine[2]/ID');
  });

  it('groups repeated hits of one rule with a count, the most severe first, for the CLI', () => {
    const fired = [
      { id: 'R2', flag: 'warning' as const, text: 'w', location: '/ubl:Order[1]' },
      { id: 'R1', flag: 'fatal' as const, text: 'line id missing', location: '/ubl:Order[1]/cac:OrderLine[1]/cbc:ID[1]' },
      { id: 'R1', flag: 'fatal' as const, text: 'line id missing', location: '/ubl:Order[1]/cac:OrderLine[2]/cbc:ID[1]' },
    ];
    expect(groupRules(fired).map((g) => [g.id, g.locations.length])).toEqual([
      ['R1', 2],
      ['R2', 1],
    ]);
    expect(describeGroups(fired)).toEqual(['fatal R1 (2×): line id missing', '    at /Order/OrderLine/ID', '    at /Order/OrderLine[2]/ID', 'warning R2: w', '    at /Order']);
  });

  it('lists at most a few places per rule, then how many more', () => {
    const fired = Array.from({ length: 13 }, (_, i) => ({ id: 'R', flag: 'fatal' as const, text: 't', location: `/Order/OrderLine[${i + 1}]` }));
    const lines = describeGroups(fired, 10);
    expect(lines[0]).toBe('fatal R (13×): t');
    expect(lines.at(-1)).toBe('    … and 3 more');
  });
});
