import { describe, expect, it } from 'vitest';
import { decideCatalogue, expectsResponse } from './catalogue-decision.js';

describe('decideCatalogue', () => {
  it.each([
    [{ fatal: [] }, { decision: 'AP', reasons: [] }],
    [{ fatal: [{ id: 'PEPPOL-T19-R006', text: 'Prices  must\n not be negative' }] }, { decision: 'RE', reasons: ['PEPPOL-T19-R006: Prices must not be negative'] }],
    [{ readError: 'malformed XML: unclosed tag', fatal: [] }, { decision: 'RE', reasons: ['malformed XML: unclosed tag'] }],
  ])('%j gives %j', (findings, expected) => {
    expect(decideCatalogue(findings)).toEqual(expected);
  });

  it.each([
    ['urn:fdc:peppol.eu:poacc:bis:catalogue_only:3', true],
    ['urn:fdc:peppol.eu:poacc:bis:catalogue_wo_response:3', false],
    [undefined, true],
  ])('profile %s expects a response: %s', (profileId, expected) => {
    expect(expectsResponse({ ...(profileId ? { profileId } : {}) })).toBe(expected);
  });
});
