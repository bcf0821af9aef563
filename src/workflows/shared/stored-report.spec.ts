import { describe, expect, it } from 'vitest';
import type { FiredRule, ValidationReport } from '../../validation/validation-report.js';
import { boundReport, fatalRules, localReport, summarize, withFatal } from './stored-report.js';

const rule = (id: string, flag: FiredRule['flag']): FiredRule => ({ id, flag, location: '/x', text: `${id} text` });
const report = (fired: FiredRule[]): ValidationReport => ({ transaction: 'T19', valid: !fired.some((f) => f.flag === 'fatal'), fired, release: '2025.11' });

describe('stored validation reports', () => {
  it('keeps the most severe findings first when there are more than allowed', () => {
    const fired = [rule('W1', 'warning'), rule('I1', 'information'), rule('F1', 'fatal'), rule('W2', 'warning'), rule('F2', 'fatal')];
    const stored = boundReport(report(fired), 3);
    expect(stored.fired.map((f) => f.id)).toEqual(['F1', 'F2', 'W1']);
    expect(stored).toMatchObject({ firedTotal: 5, truncated: true, valid: false, transaction: 'T19', release: '2025.11' });
  });

  it('keeps a short report whole', () => {
    const stored = boundReport(report([rule('W1', 'warning')]), 10);
    expect(stored).toMatchObject({ firedTotal: 1, truncated: false, valid: true });
  });

  it('summarizes the verdict with the first fatal rule ids', () => {
    expect(summarize(boundReport(report([]), 10))).toBe('valid under the official T19 rules (release 2025.11)');
    const many = report(Array.from({ length: 8 }, (_, i) => rule(`F${i}`, 'fatal')));
    expect(summarize(boundReport(many, 3))).toBe('invalid: 3+ fatal (F0, F1, F2)');
    expect(summarize(many)).toBe('invalid: 8 fatal (F0, F1, F2, F3, F4)');
  });

  it('adds findings of its own as fatal', () => {
    const local = localReport('SBD-PAYLOAD', 'no document', undefined, 'T77');
    expect(local).toMatchObject({ transaction: 'T77', valid: false, release: 'none' });
    const mismatch = withFatal(report([rule('W1', 'warning')]), { id: 'SBDH-DOCUMENT-TYPE', location: '/', text: 'other type' });
    expect(mismatch.valid).toBe(false);
    expect(fatalRules(mismatch).map((f) => f.id)).toEqual(['SBDH-DOCUMENT-TYPE']);
    expect(fatalRules(null)).toEqual([]);
  });
});
