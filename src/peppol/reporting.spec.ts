import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isEusrCountry, isTsrCountry, REPORTING_RECEIVER, UNKNOWN_COUNTRY } from './reporting.js';
import { TRANSACTIONS } from './transactions.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The country list of a shipped report schematron (its `cl_iso3166` let). */
function schematronCountries(t: { shippedRules: string; stylesheet: string }): string[] {
  const sch = readFileSync(path.join(ROOT, t.shippedRules, `${t.stylesheet}.sch`), 'utf8');
  const m = /<let name="cl_iso3166" value="'([^']*)'"/.exec(sch);
  if (!m) throw new Error('no cl_iso3166 in the schematron');
  return m[1]!.trim().split(/\s+/);
}

describe('Peppol Reporting facts', () => {
  it('accepts exactly the countries of the official TSR rules (ZZ included)', () => {
    const official = schematronCountries(TRANSACTIONS.transactionStatisticsReport);
    expect(official).toContain(UNKNOWN_COUNTRY);
    for (const c of official) expect(isTsrCountry(c), c).toBe(true);
    for (const c of ['XX', 'UK', 'zz', 'D', '']) expect(isTsrCountry(c), c).toBe(official.includes(c));
  });

  it('accepts exactly the countries of the official EUSR rules (no ZZ)', () => {
    const official = schematronCountries(TRANSACTIONS.endUserStatisticsReport);
    expect(official).not.toContain(UNKNOWN_COUNTRY);
    for (const c of official) expect(isEusrCountry(c), c).toBe(true);
    expect(isEusrCountry(UNKNOWN_COUNTRY)).toBe(false);
    // Every TSR country but ZZ is an EUSR country and the other way round.
    const tsr = schematronCountries(TRANSACTIONS.transactionStatisticsReport).filter((c) => c !== UNKNOWN_COUNTRY);
    expect([...tsr].sort()).toEqual([...official].sort());
  });

  it('sends reports to OpenPeppol AISBL', () => {
    expect(REPORTING_RECEIVER).toBe('iso6523-actorid-upis::9925:be0848934496');
  });
});
