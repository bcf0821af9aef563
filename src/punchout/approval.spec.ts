import { describe, expect, it } from 'vitest';
import { abandonDeadline, applyChanges, cartChangeSchema, decideApproval, type CartChange } from './approval.js';
import { parseBuyerConfig, type BuyerConfigInput } from './buyer-config.js';
import { parseCart } from './cart.js';
import type { Cart } from './cart-model.js';
import { PunchoutError } from './errors.js';
import { buildCartXml, sampleCart, type SampleCartLine } from '../demo/sample-cart.js';

function cart(lines: Array<Partial<SampleCartLine>>, completeCart = false): Cart {
  return parseCart(
    buildCartXml(
      sampleCart(0, {
        completeCart,
        lines: lines.map((line, index) => ({
          id: String(index + 1),
          name: `Item ${index + 1}`,
          sellersId: `SKU-${index + 1}`,
          price: '10.00',
          quantity: { value: '1', unitCode: 'C62' },
          ...line,
        })),
      }),
    ),
  );
}

const policy = (extra: Partial<NonNullable<NonNullable<BuyerConfigInput['approval']>['autoApprove']>> = {}): BuyerConfigInput => ({
  delivery: { address: { countryCode: 'NO' } },
  approval: { autoApprove: { totalLimit: { amount: '100.00', currency: 'EUR' }, suppliers: ['0192:987654325'], ...extra } },
});
const at = { date: '2026-01-11', time: '10:00:00' };

describe('decideApproval', () => {
  it('auto-approves a cart within every limit and says why', () => {
    const decision = decideApproval(cart([{ quantity: { value: '10', unitCode: 'C62' } }]), parseBuyerConfig(policy({ unitPriceCeiling: { amount: '10', currency: 'EUR' } })), at);
    expect(decision).toEqual({
      outcome: 'auto-approve',
      reasons: [
        'seller 0192:987654325 is on the allow-list',
        'net total 100.00 EUR is within the limit 100.00 EUR',
        'no unit price above 10 EUR',
      ],
    });
  });

  it.each([
    ['no policy configured', [{}], {}, /no auto-approval policy/],
    ['a seller not on the allow-list', [{}], policy({ suppliers: ['0192:111111111'] }), /seller 0192:987654325 \/ 0088:5790000435951 is not on the allow-list/],
    ['a total above the limit', [{ price: '100.01' }], policy(), /net total 100.01 EUR is above the limit 100.00 EUR/],
    ['charges pushing the total above the limit', [{ price: '95.00' }], { ...policy(), allowanceCharges: [{ chargeIndicator: true, reason: 'Freight', amount: '5.01', taxCategory: { id: 'S', percent: '25' } }] }, /net total 100.01 EUR is above/],
    ['a limit in another currency', [{}], policy({ totalLimit: { amount: '100', currency: 'NOK' } }), /cart is in EUR, the limit in NOK/],
    ['a unit price above the ceiling', [{}, { price: '60', baseQuantity: { value: '2', unitCode: 'C62' } }], policy({ unitPriceCeiling: { amount: '25', currency: 'EUR' } }), /line 2: unit price 30 EUR is above the ceiling 25 EUR/],
    ['a price territory other than the delivery country', [{ territoryCountry: 'SE' }], policy(), /line 1: price applies in SE, delivery is to NO/],
    ['a cart that cannot be ordered', [{ validUntil: '2026-01-01' }], policy(), /cart cannot be ordered as it is: line 1/],
  ])('asks a person for %s', (_case, lines, config, reason) => {
    const decision = decideApproval(cart(lines), parseBuyerConfig(config), at);
    expect(decision.outcome).toBe('manual');
    expect(decision.reasons.join('\n')).toMatch(reason);
  });

  it('matches the allow-list on the seller party id too', () => {
    expect(decideApproval(cart([{}]), parseBuyerConfig(policy({ suppliers: ['0088:5790000435951'] })), at).outcome).toBe('auto-approve');
  });
});

describe('applyChanges', () => {
  const threeLines = cart([{}, {}, {}]);

  it('changes quantities and prices, removes lines, and logs each change', () => {
    const { cart: changed, changeLog } = applyChanges(threeLines, [
      { kind: 'set-quantity', lineId: '1', quantity: '2.5' },
      { kind: 'set-price', lineId: '1', price: '9.995' },
      { kind: 'remove', lineId: '2' },
    ]);
    expect(changed.lines.map((line) => [line.id, line.quantity.value, line.price.amount])).toEqual([
      ['1', '2.5', '9.995'],
      ['3', '1', '10.00'],
    ]);
    expect(changeLog).toEqual([
      'line 1 "Item 1": quantity 1 C62 → 2.5 C62',
      'line 1 "Item 1": price 10.00 EUR → 9.995 EUR',
      'line 2 "Item 2": removed',
    ]);
  });

  it('leaves the original cart untouched', () => {
    applyChanges(threeLines, [{ kind: 'set-quantity', lineId: '1', quantity: '7' }]);
    expect(threeLines.lines[0]!.quantity.value).toBe('1');
    expect(threeLines.lines).toHaveLength(3);
  });

  it('ignores a change to the same value', () => {
    expect(applyChanges(threeLines, [{ kind: 'set-quantity', lineId: '1', quantity: '1.0' }]).changeLog).toEqual([]);
  });

  it.each<[string, string, CartChange[], boolean]>([
    ['unknown-line', 'an unknown line', [{ kind: 'remove', lineId: '9' }], false],
    ['invalid-change', 'a negative quantity', [{ kind: 'set-quantity', lineId: '1', quantity: '-1' }], false],
    ['invalid-change', 'a zero quantity', [{ kind: 'set-quantity', lineId: '1', quantity: '0' }], false],
    ['invalid-change', 'a negative price', [{ kind: 'set-price', lineId: '1', price: '-0.01' }], false],
    ['invalid-change', 'a quantity that is not a number', [{ kind: 'set-quantity', lineId: '1', quantity: 'ten' }], false],
    ['invalid-change', 'the same line changed twice', [{ kind: 'set-quantity', lineId: '1', quantity: '2' }, { kind: 'set-quantity', lineId: '1', quantity: '3' }], false],
    ['invalid-change', 'a removed line changed', [{ kind: 'remove', lineId: '1' }, { kind: 'set-price', lineId: '1', price: '1' }], false],
    ['invalid-change', 'a changed line removed', [{ kind: 'set-price', lineId: '1', price: '1' }, { kind: 'remove', lineId: '1' }], false],
    ['empty-order', 'every line removed', [{ kind: 'remove', lineId: '1' }, { kind: 'remove', lineId: '2' }, { kind: 'remove', lineId: '3' }], false],
    ['complete-cart', 'a removal from a complete cart', [{ kind: 'remove', lineId: '1' }], true],
    ['complete-cart', 'a new quantity in a complete cart', [{ kind: 'set-quantity', lineId: '3', quantity: '5' }], true],
  ])('%s: refuses %s', (code, _fault, changes, complete) => {
    const target = complete ? cart([{}, {}, {}], true) : threeLines;
    expect(() => applyChanges(target, changes)).toThrow(PunchoutError);
    try {
      applyChanges(target, changes);
    } catch (error) {
      expect((error as PunchoutError).code).toBe(code);
    }
  });

  it('bounds the number of changes', () => {
    const changes = Array.from({ length: 10 }, () => ({ kind: 'set-price' as const, lineId: '1', price: '1' }));
    expect(() => applyChanges(threeLines, changes)).toThrow(/10 changes for a cart of 3 lines/);
  });

  it('validates changes arriving as JSON', () => {
    expect(cartChangeSchema.parse({ kind: 'set-price', lineId: '1', price: '2.50' })).toEqual({ kind: 'set-price', lineId: '1', price: '2.50' });
    expect(cartChangeSchema.safeParse({ kind: 'set-price', lineId: '1', price: 2.5 }).success).toBe(false);
    expect(cartChangeSchema.safeParse({ kind: 'drop', lineId: '1' }).success).toBe(false);
  });
});

describe('abandonDeadline', () => {
  it.each([
    [{}, '2026-01-14T10:00:00.000Z'],
    [{ approval: { abandonAfterHours: 1 } }, '2026-01-11T11:00:00.000Z'],
  ])('with %j a cart received 2026-01-11T10:00Z is abandoned at %s', (config, expected) => {
    expect(abandonDeadline(new Date('2026-01-11T10:00:00Z'), parseBuyerConfig(config)).toISOString()).toBe(expected);
  });
});
