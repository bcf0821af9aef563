import { describe, expect, it } from 'vitest';
import { decimalPlaces, formatAmount, isDecimalText, toDecimal } from './decimal.js';

describe('decimal helpers', () => {
  it.each([
    ['0.005', '0.01'],
    ['2.675', '2.68'], // 2.675 as a binary float rounds to 2.67
    ['1.005', '1.01'],
    ['-0.005', '-0.01'],
    ['10', '10.00'],
    ['0.1', '0.10'],
    ['123456789012345678.994', '123456789012345678.99'],
  ])('formats %s as %s (half-up, 2 decimals)', (value, expected) => {
    expect(formatAmount(toDecimal(value))).toBe(expected);
  });

  it.each([
    ['12', true],
    ['12.50', true],
    ['-3.1', true],
    ['.5', true],
    ['1e3', false],
    ['1,5', false],
    [' 1', false],
    ['', false],
    ['NaN', false],
    ['1'.repeat(41), false],
  ])('isDecimalText(%j) is %s', (value, expected) => {
    expect(isDecimalText(value)).toBe(expected);
  });

  it('adds exactly where binary floats do not', () => {
    expect(toDecimal('0.1').plus(toDecimal('0.2')).toString()).toBe('0.3');
  });

  it.each([
    ['10', 0],
    ['10.5', 1],
    ['10.000', 3],
  ])('counts the decimals of %s', (value, places) => {
    expect(decimalPlaces(value)).toBe(places);
  });
});
