import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PunchoutError } from './errors.js';
import { BUYER_CONFIG_EXAMPLE, toOrderHint } from './punchout.cli.js';

describe('punchout to-order: what to change when it fails', () => {
  it('points to --issue-date for a bad date or an expired cart', () => {
    expect(toOrderHint(new PunchoutError('missing-configuration', 'issue date must be YYYY-MM-DD', { field: 'cbc:IssueDate' }))).toContain('--issue-date');
    expect(toOrderHint(new PunchoutError('cart-expired', 'the cart expired'))).toContain('--issue-date');
  });

  it('points to the buyer configuration and its shipped example for missing configuration', () => {
    const hint = toOrderHint(new PunchoutError('missing-configuration', 'the cart has no buyer endpoint; configure buyer.endpoint', { field: 'cac:BuyerCustomerParty' }));
    expect(hint).toContain('--buyer-config');
    expect(hint).toContain(BUYER_CONFIG_EXAMPLE);
    expect(existsSync(BUYER_CONFIG_EXAMPLE)).toBe(true);
  });

  it('adds nothing where no option helps', () => {
    expect(toOrderHint(new PunchoutError('invalid-cart', 'not valid'))).toBe('');
  });
});
