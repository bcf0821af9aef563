import { describe, expect, it } from 'vitest';
import { documentTypeValueOf } from './transaction-registry.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PEPPOL_DOCUMENT_KINDS, PROCESSES, RECEIVED_TRANSACTIONS, REPORTING_TRANSACTIONS, shippedSchemaFolderOf, TRANSACTION_TABLE, TRANSACTIONS } from './transactions.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('the transaction table', () => {
  it('builds every document type id from its root, customization and syntax', () => {
    for (const t of TRANSACTION_TABLE) expect(t.documentTypeId, t.id).toBe(documentTypeValueOf(t));
  });

  it('has unique ids, customization ids and document type ids', () => {
    for (const column of ['id', 'customizationId', 'documentTypeId', 'stylesheet'] as const) {
      const values = TRANSACTION_TABLE.map((t) => t[column]);
      expect(new Set(values).size, column).toBe(values.length);
    }
  });

  it('writes transaction ids as Peppol does and names each stylesheet after its transaction', () => {
    for (const t of TRANSACTION_TABLE.filter((row) => !row.shippedRules)) {
      expect(t.id).toMatch(/^T[0-9]{2,3}$/);
      expect(t.stylesheet).toContain(t.id);
    }
  });

  it('has the MLS row: a UBL ApplicationResponse of its own customization, its rules shipped with the product', () => {
    const t = TRANSACTIONS.messageLevelStatus;
    expect(t).toMatchObject({ id: 'MLS', kind: 'message-status', rootName: 'ApplicationResponse', xsd: 'maindoc/UBL-ApplicationResponse-2.1.xsd' });
    expect(t.processIds).toEqual([PROCESSES.messageLevelStatus]);
    expect(t.shippedRules).toMatch(/^schemas\//);
    expect(t.stylesheet.toUpperCase()).toContain(t.id);
    const shipped = TRANSACTION_TABLE.filter((row) => row.shippedRules).map((row) => row.id);
    expect(shipped).toEqual(['MLS', 'TSR', 'EUSR']);
  });

  it('has the TSR and EUSR rows: their own syntaxes and schemas, the reporting process, rules shipped with the product', () => {
    const tsr = TRANSACTIONS.transactionStatisticsReport;
    const eusr = TRANSACTIONS.endUserStatisticsReport;
    // The published document type ids (eDEC code lists 8.6), written out here to check the parts they are built from.
    expect(`busdox-docid-qns::${tsr.documentTypeId}`).toBe(
      'busdox-docid-qns::urn:fdc:peppol:transaction-statistics-report:1.0::TransactionStatisticsReport##urn:fdc:peppol.eu:edec:trns:transaction-statistics-reporting:1.0::1.0',
    );
    expect(`busdox-docid-qns::${eusr.documentTypeId}`).toBe(
      'busdox-docid-qns::urn:fdc:peppol:end-user-statistics-report:1.1::EndUserStatisticsReport##urn:fdc:peppol.eu:edec:trns:end-user-statistics-report:1.1::1.1',
    );
    for (const t of [tsr, eusr]) {
      expect(t.processIds).toEqual(['urn:fdc:peppol.eu:edec:bis:reporting:1.0']);
      expect(shippedSchemaFolderOf(t)).toBe(t.shippedRules);
      expect(existsSync(path.join(ROOT, t.shippedRules, `${t.stylesheet}.sch`)), t.id).toBe(true);
      expect(existsSync(path.join(ROOT, t.shippedRules, t.xsd)), t.id).toBe(true);
    }
    expect(REPORTING_TRANSACTIONS.map((t) => t.id)).toEqual(['TSR', 'EUSR']);
    expect(shippedSchemaFolderOf(TRANSACTIONS.order)).toBeUndefined();
  });

  it('gives the flows of this access point their kinds, and every other transaction "other"', () => {
    const kinds = Object.fromEntries(TRANSACTION_TABLE.map((t) => [t.id, t.kind]));
    expect(kinds).toEqual({
      T77: 'cart',
      T19: 'catalogue',
      T58: 'catalogue-response',
      T01: 'order',
      T76: 'order-response',
      T16: 'other',
      T71: 'other',
      T110: 'other',
      T111: 'other',
      T114: 'other',
      T115: 'other',
      T116: 'other',
      MLS: 'message-status',
      TSR: 'other',
      EUSR: 'other',
    });
    for (const t of TRANSACTION_TABLE) expect(PEPPOL_DOCUMENT_KINDS).toContain(t.kind);
    const flowKinds = TRANSACTION_TABLE.map((t) => t.kind).filter((k) => k !== 'other');
    expect(new Set(flowKinds).size).toBe(flowKinds.length);
  });

  it('uses only known processes, each row at least one', () => {
    const known: readonly string[] = Object.values(PROCESSES);
    for (const t of TRANSACTION_TABLE) {
      expect(t.processIds.length, t.id).toBeGreaterThan(0);
      for (const p of t.processIds) expect(known, t.id).toContain(p);
    }
    // Every named process belongs to some transaction: no stale names.
    for (const p of known) expect(TRANSACTION_TABLE.some((t) => (t.processIds as readonly string[]).includes(p)), p).toBe(true);
  });

  it('has a complete Order Response row, in the ordering processes and never in order_only', () => {
    const t = TRANSACTIONS.orderResponse;
    expect(t).toMatchObject({ id: 'T76', kind: 'order-response', rootName: 'OrderResponse', stylesheet: 'PEPPOLBIS-T76', xsd: 'maindoc/UBL-OrderResponse-2.1.xsd' });
    expect(t.processIds).toContain(PROCESSES.ordering);
    expect(t.processIds).not.toContain(PROCESSES.orderOnly);
  });

  it('receives the five transactions of the punch-out, catalogue and ordering flows', () => {
    expect(RECEIVED_TRANSACTIONS.map((t) => t.id)).toEqual(['T77', 'T19', 'T58', 'T01', 'T76']);
  });
});
