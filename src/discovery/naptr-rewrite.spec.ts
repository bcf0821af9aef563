import { describe, expect, it } from 'vitest';
import { applyNaptrRegexp } from './naptr-rewrite.js';

describe('applyNaptrRegexp', () => {
  it('rewrites with the usual SML expression', () => {
    expect(applyNaptrRegexp('!^.*$!https://smp.example.com!', 'abc.iso6523-actorid-upis.zone')).toBe('https://smp.example.com');
  });

  it('supports back-references, other delimiters and the i flag', () => {
    expect(applyNaptrRegexp('#^([a-z]+)\\.(.*)$#http://\\1.smp.example/#', 'abc.zone')).toBe('http://abc.smp.example/');
    expect(applyNaptrRegexp('!^ABC.*$!http://x!i', 'abc.zone')).toBe('http://x');
  });

  it('returns undefined when the pattern does not match', () => {
    expect(applyNaptrRegexp('!^nomatch$!http://x!', 'abc.zone')).toBeUndefined();
  });

  it.each([
    ['!^.*$!http://x', /delim-pattern-delim/],
    ['!^.*$!http://x!g', /flags "g"/],
    ['!(!http://x!', /pattern is invalid/],
    ['1^.*$1http://x1', /delimiter "1"/],
    ['!' + 'a'.repeat(600) + '!x!', /4\.\.512 characters/],
  ])('refuses %s', (expression, message) => {
    expect(() => applyNaptrRegexp(expression, 'abc')).toThrow(message);
  });
});
