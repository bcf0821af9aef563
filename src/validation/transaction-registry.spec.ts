import { describe, expect, it } from 'vitest';
import { TransactionRegistry } from './transaction-registry.js';

describe('TransactionRegistry', () => {
  const registry = new TransactionRegistry();
  it('knows the in-scope transactions by CustomizationID, exactly', () => {
    expect(registry.forCustomization(' urn:fdc:peppol.eu:poacc:trns:punch_out:3 ')?.id).toBe('T77');
    expect(registry.forCustomization('urn:fdc:peppol.eu:poacc:trns:order:3')?.id).toBe('T01');
    expect(registry.forCustomization('urn:fdc:peppol.eu:poacc:trns:order:3:extension')).toBeUndefined();
  });
  it('finds transactions by id in any case and lists them', () => {
    expect(registry.get('t19')?.stylesheet).toBe('PEPPOLBIS-T19');
    expect(registry.ids()).toEqual(expect.arrayContaining(['T77', 'T19', 'T58', 'T01', 'T76']));
  });
  it('gives every transaction a distinct CustomizationID', () => {
    const ids = registry.transactions.map((t) => t.customizationId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
