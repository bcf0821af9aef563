import { describe, expect, it } from 'vitest';
import { transactionRegistry } from '../../src/peppol/index.js';
import { prepareShipped } from './support.js';

describe('the shipped release on the compiled engine', () => {
  it('compiles the schematron of every transaction, none left to the fallback engine', async () => {
    const all = transactionRegistry.ids();
    const prepared = await prepareShipped(all, 'compiled');
    expect(prepared.fallbacks).toEqual({});
    expect(Object.keys(prepared.compiled).sort()).toEqual([...all].sort());
    expect(prepared.sef).toEqual({});
  });
});
