import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BuyerConfigError, formatOrderNumber, parseBuyerConfig } from './buyer-config.js';

describe('buyer configuration', () => {
  it('fills sane defaults from an empty object', () => {
    expect(parseBuyerConfig({})).toMatchObject({
      orderNumber: { prefix: 'PO-', digits: 6 },
      process: 'order_only',
      orderTypeCode: '220',
      validityDays: 30,
      partialDeliveryAllowed: true,
      includeTaxTotal: true,
      allowanceCharges: [],
      sellers: [],
      approval: { abandonAfterHours: 72 },
    });
  });

  it.each([
    ['an unknown key', { colour: 'blue' }, /Unrecognized key/],
    ['a VAT id without country prefix', { buyer: { vatId: '931186755MVA' } }, /buyer\.vatId: VAT id must start with its ISO country code/],
    ['a lowercase country', { delivery: { address: { countryCode: 'no' } } }, /delivery\.address\.countryCode/],
    ['an endpoint scheme that is not a code', { buyer: { endpoint: { value: '1', schemeId: 'GLN' } } }, /buyer\.endpoint\.schemeId/],
    ['a charge with 3 decimals', { allowanceCharges: [{ chargeIndicator: true, reason: 'F', amount: '1.005', taxCategory: { id: 'S', percent: '25' } }] }, /allowanceCharges\.0\.amount/],
    ['an originator with neither name nor id', { originator: {} }, /originator needs a name or an identifier/],
    ['an auto-approval without suppliers', { approval: { autoApprove: { totalLimit: { amount: '10', currency: 'EUR' }, suppliers: [] } } }, /approval\.autoApprove\.suppliers/],
    ['a supplier not written scheme:value', { approval: { autoApprove: { totalLimit: { amount: '10', currency: 'EUR' }, suppliers: ['987654325'] } } }, /scheme:value/],
    ['an unknown process', { process: 'advanced' }, /process/],
  ])('rejects %s', (_fault, input, message) => {
    expect(() => parseBuyerConfig(input)).toThrow(BuyerConfigError);
    expect(() => parseBuyerConfig(input)).toThrow(message);
  });

  it.each([
    [{ prefix: 'PO-', digits: 6 }, 42, 'PO-000042'],
    [{ prefix: '', digits: 3 }, 999, '999'],
    [{ prefix: '2026/', digits: 1 }, 7, '2026/7'],
  ])('formats order numbers %j #%d as %s', (series, sequence, expected) => {
    expect(formatOrderNumber(series, sequence)).toBe(expected);
  });

  it.each([0, -1, 1.5, 1000])('refuses sequence %d for 3 digits', (sequence) => {
    expect(() => formatOrderNumber({ prefix: 'PO', digits: 3 }, sequence)).toThrow(RangeError);
  });

  it('accepts the shipped example configuration', () => {
    const example = JSON.parse(readFileSync(new URL('./buyer-config.example.json', import.meta.url), 'utf8'));
    expect(parseBuyerConfig(example).approval.autoApprove?.suppliers).toEqual(['0192:987654325']);
  });
});
