import { describe, expect, it } from 'vitest';
import { documentPartiesOf } from './document-parties.js';
import { TRANSACTION_TABLE, TRANSACTIONS } from './transactions.js';

describe('document parties', () => {
  it('names sender and receiver parties for every BIS transaction, none for the network\'s own documents (MLS, TSR, EUSR)', () => {
    for (const t of TRANSACTION_TABLE) {
      const parties = documentPartiesOf(t.id);
      // The network's documents travel between service providers: no business parties to address them by.
      if (t.shippedRules) expect(parties, t.id).toBeUndefined();
      else {
        expect(parties, t.id).toBeDefined();
        for (const path of [parties!.sender, parties!.receiver]) expect(path, t.id).toMatch(/^cac:[A-Za-z]+(\/cac:[A-Za-z]+)*$/);
        expect(parties!.sender).not.toBe(parties!.receiver);
      }
    }
  });

  it('sends an order from the buyer to the seller and its response back', () => {
    expect(documentPartiesOf('t01')).toEqual({ sender: 'cac:BuyerCustomerParty/cac:Party', receiver: 'cac:SellerSupplierParty/cac:Party' });
    expect(documentPartiesOf(TRANSACTIONS.orderResponse.id)).toEqual({ sender: 'cac:SellerSupplierParty/cac:Party', receiver: 'cac:BuyerCustomerParty/cac:Party' });
  });
});
