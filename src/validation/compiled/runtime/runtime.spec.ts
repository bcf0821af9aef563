import { describe, expect, it } from 'vitest';
import { castable, parseDouble } from './casts.js';
import { normalizeSpace, round, substring, sum, tokenize, translate } from './functions.js';
import { arithmetic, generalCompare } from './operators.js';
import { xpathRegex } from './regex.js';
import { Untyped, XDecimal, decimalToString, doubleToString, stringOf } from './values.js';

describe('XPath 2.0 runtime', () => {
  it('keeps xs:decimal arithmetic exact and divides to 18 places', () => {
    const sumOf = arithmetic('+', new XDecimal('0.1'), new XDecimal('0.2'));
    expect(generalCompare('eq', [sumOf], [new XDecimal('0.3')])).toBe(true);
    expect(stringOf(arithmetic('div', 1n, 3n))).toBe('0.333333333333333333');
    expect(decimalToString(new XDecimal('2.50'))).toBe('2.5');
  });
  it('compares untyped values as numbers against numbers and as strings against strings', () => {
    expect(generalCompare('eq', [new Untyped('10.0')], [10n])).toBe(true);
    expect(generalCompare('eq', [new Untyped('10.0')], ['10'])).toBe(false);
    expect(() => generalCompare('eq', [new Untyped('ten')], [10n])).toThrow(/FORG0001/);
  });
  it('writes doubles in their canonical form', () => {
    expect([doubleToString(1), doubleToString(0.5), doubleToString(1e7), doubleToString(NaN)]).toEqual(['1', '0.5', '1.0E7', 'NaN']);
  });
  it('follows substring() rounding rules and counts characters, not UTF-16 units', () => {
    expect(substring('12345', [1.5], [2.6])).toBe('234');
    expect(substring('12345', [0], [3])).toBe('12');
    expect(substring('a😀b', [2], [1])).toBe('😀');
  });
  it('number(), castable as xs:date, sum() and round() as XPath defines them', () => {
    expect([parseDouble(' 12 '), parseDouble('1,5'), parseDouble('-INF')]).toEqual([12, NaN, -Infinity]);
    expect([castable('2024-02-29', 'date'), castable('2023-02-29', 'date'), castable('2024-13-01', 'date')]).toEqual([true, false, false]);
    expect(sum([])).toBe(0n);
    expect(sum([new Untyped('1.5'), new Untyped('2')])).toBe(3.5);
    expect(round([-2.5])).toEqual([-2]);
  });
  it('translates XPath regular expressions: \\s is only XML whitespace, \\d any decimal digit', () => {
    expect(xpathRegex('^\\s$').test('\u00a0')).toBe(false);
    expect(xpathRegex('^\\d+$').test('١٢')).toBe(true);
    expect(tokenize('a b\tc', '\\s')).toEqual(['a', 'b', 'c']);
    expect(() => xpathRegex('[a-z-[aeiou]]')).toThrow(/class subtraction/);
  });
  it('reads an escaped hyphen as a hyphen, in and outside a class (as the official TSR date rules write it)', () => {
    expect(xpathRegex('^[0-9]{4}\\-[0-9]{2}\\-[0-9]{2}$').test('2026-01-31')).toBe(true);
    expect(xpathRegex('^[0-9]{4}\\-[0-9]{2}$').test('2026x01')).toBe(false);
    expect(xpathRegex('^[a\\-z]+$').test('a-z')).toBe(true);
    expect(xpathRegex('^[a\\-z]+$').test('b')).toBe(false);
  });
  it('normalize-space() and translate()', () => {
    expect(normalizeSpace('  a \n b  ')).toBe('a b');
    expect(translate('2024-01-02', '-', '')).toBe('20240102');
  });
});
