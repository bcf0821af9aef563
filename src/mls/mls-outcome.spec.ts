import { describe, expect, it } from 'vitest';
import { LocalRuleId, type FiredRule } from '../validation/validation-report.js';
import { mlsIsWanted, mlsResponseFor, requestedMlsType } from './mls-outcome.js';

const rule = (id: string, flag: FiredRule['flag'] = 'fatal', text = `${id} broken`): FiredRule => ({ id, flag, location: `/Order/x[${id.length}]`, text });

describe('mlsResponseFor', () => {
  it('answers a confirmed hand-over with AP and an unconfirmed one with AB, without issues', () => {
    expect(mlsResponseFor({ kind: 'handed-over', confirmed: true })).toEqual({ responseCode: 'AP', issues: [] });
    expect(mlsResponseFor({ kind: 'handed-over', confirmed: false })).toEqual({ responseCode: 'AB', issues: [] });
  });

  it('rejects an undeliverable document with one FD line', () => {
    const r = mlsResponseFor({ kind: 'undeliverable', reason: 'webhook answered 410 Gone' });
    expect(r.responseCode).toBe('RE');
    expect(r.description).toMatch(/could not be delivered/);
    expect(r.issues).toEqual([{ reason: 'FD', location: 'NA', description: 'webhook answered 410 Gone' }]);
  });

  it('reports schematron errors as BV with their rule id', () => {
    const r = mlsResponseFor({ kind: 'invalid', fired: [rule('PEPPOL-T01-R003'), rule('PEPPOL-COMMON-R040')] });
    expect(r.responseCode).toBe('RE');
    expect(r.issues.map((i) => [i.reason, i.ruleId])).toEqual([['BV', 'PEPPOL-T01-R003'], ['BV', 'PEPPOL-COMMON-R040']]);
    expect(r.issues[0]!.description).toBe('[PEPPOL-T01-R003] PEPPOL-T01-R003 broken');
    expect(r.issues[0]!.location).toBe('/Order/x[15]');
    expect(r.description).toBe('Rejected by validation: 2 business rule errors');
  });

  it.each([LocalRuleId.xsd, LocalRuleId.notWellFormed, LocalRuleId.tooLarge, LocalRuleId.rootMismatch, LocalRuleId.unknownCustomization, LocalRuleId.envelopeMismatch])(
    'reports the validator finding %s as a syntax violation (SV)',
    (id) => {
      expect(mlsResponseFor({ kind: 'invalid', fired: [rule(id)] }).issues[0]!.reason).toBe('SV');
    },
  );

  it('counts syntax and rule errors apart in the description', () => {
    const r = mlsResponseFor({ kind: 'invalid', fired: [rule(LocalRuleId.xsd), rule('BR-1'), rule('BR-2')] });
    expect(r.description).toBe('Rejected by validation: 1 syntax error and 2 business rule errors');
  });

  it('adds warnings as BW after the errors, and leaves information out', () => {
    const r = mlsResponseFor({ kind: 'invalid', fired: [rule('W-1', 'warning'), rule('I-1', 'information'), rule('E-1')] });
    expect(r.issues.map((i) => `${i.reason}:${i.ruleId}`)).toEqual(['BV:E-1', 'BW:W-1']);
  });

  it('does not repeat a rule id the rule text starts with', () => {
    const r = mlsResponseFor({ kind: 'invalid', fired: [rule('SCH-MLS-03', 'fatal', '[SCH-MLS-03] The ID MUST NOT be empty')] });
    expect(r.issues[0]!.description).toBe('[SCH-MLS-03] The ID MUST NOT be empty');
  });

  it('writes NA for a finding without location and collapses white space of texts', () => {
    const r = mlsResponseFor({ kind: 'invalid', fired: [{ id: 'E', flag: 'fatal', location: '  ', text: 'two\n   lines' }] });
    expect(r.issues[0]).toMatchObject({ location: 'NA', description: '[E] two lines' });
  });

  it('bounds the issues, the last line counting the rest', () => {
    const fired = Array.from({ length: 12 }, (_, i) => rule(`E-${i}`));
    const r = mlsResponseFor({ kind: 'invalid', fired }, { maxIssues: 5, maxTextLength: 1_000 });
    expect(r.issues).toHaveLength(5);
    expect(r.issues[4]).toEqual({ reason: 'BV', location: 'NA', description: '... and 8 more issues not listed' });
  });

  it('clips long texts', () => {
    const r = mlsResponseFor({ kind: 'invalid', fired: [rule('E', 'fatal', 'x'.repeat(5_000))] }, { maxIssues: 10, maxTextLength: 100 });
    expect([...r.issues[0]!.description]).toHaveLength(100);
    expect(r.issues[0]!.description.endsWith('…')).toBe(true);
  });

  it('refuses to call a document without fatal findings invalid', () => {
    expect(() => mlsResponseFor({ kind: 'invalid', fired: [rule('W', 'warning')] })).toThrow(/fatal/);
  });
});

describe('which statuses are sent', () => {
  it('sends a rejection always, AP and AB only on ALWAYS_SEND', () => {
    expect(mlsIsWanted('RE', 'FAILURE_ONLY')).toBe(true);
    expect(mlsIsWanted('RE', 'ALWAYS_SEND')).toBe(true);
    expect(mlsIsWanted('AP', 'FAILURE_ONLY')).toBe(false);
    expect(mlsIsWanted('AB', 'FAILURE_ONLY')).toBe(false);
    expect(mlsIsWanted('AP', 'ALWAYS_SEND')).toBe(true);
    expect(mlsIsWanted('AB', 'ALWAYS_SEND')).toBe(true);
  });

  it('reads MLS_TYPE: absent is FAILURE_ONLY, an unknown value too, with a note', () => {
    expect(requestedMlsType(undefined)).toEqual({ type: 'FAILURE_ONLY' });
    expect(requestedMlsType('  ')).toEqual({ type: 'FAILURE_ONLY' });
    expect(requestedMlsType(' ALWAYS_SEND ')).toEqual({ type: 'ALWAYS_SEND' });
    expect(requestedMlsType('SOMETIMES')).toEqual({ type: 'FAILURE_ONLY', note: expect.stringContaining('"SOMETIMES" is not FAILURE_ONLY or ALWAYS_SEND') });
  });
});
