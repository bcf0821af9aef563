import { describe, expect, it } from 'vitest';
import { disagreements, type UnitCase } from './conformance-scoring.js';

const unit = (expectation: Partial<UnitCase['expect']>): UnitCase => ({
  file: 'x.xml', transaction: 'T01', scope: ['R1'], source: 's',
  expect: { success: [], error: [], warning: [], ...expectation },
});

describe('conformance scoring', () => {
  it('requires expected errors to fire as fatal, not as warning', () => {
    expect(disagreements(unit({ error: ['R1'] }), [{ id: 'R1', flag: 'warning', location: '/', text: '' }])).toEqual(['R1 did not fire as fatal']);
    expect(disagreements(unit({ error: ['R1'] }), [{ id: 'R1', flag: 'fatal', location: '/', text: '' }])).toEqual([]);
  });
  it('requires expected warnings to fire as warning', () => {
    expect(disagreements(unit({ warning: ['R1'] }), [])).toEqual(['R1 did not fire as warning']);
  });
  it('fails a success case when the rule fires with any flag', () => {
    expect(disagreements(unit({ success: ['R1'] }), [{ id: 'R1', flag: 'warning', location: '/', text: '' }])).toEqual(['R1 fired but must not']);
    expect(disagreements(unit({ success: ['R1'] }), [{ id: 'R2', flag: 'fatal', location: '/', text: '' }])).toEqual([]);
  });
});
