import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueLine } from '../../src/catalogue/catalogue-model.js';
import { CatalogueStore } from '../../src/workflows/catalogue/catalogue-store.js';
import { type AdminApi, call, startAdminApi } from './support.js';

const SUPPLIER = '0192:987654325';
const line = (sellersId: string, price: string): CatalogueLine => ({
  id: sellersId,
  prices: [{ amount: price, currency: 'EUR' }],
  item: { name: `Item ${sellersId}`, sellersId, descriptions: [], keywords: [], brandNames: [], classifications: [] },
});

describe('admin API: catalogues', () => {
  let api: AdminApi;
  beforeAll(async () => {
    api = await startAdminApi();
    const store = api.app.get(CatalogueStore, { strict: false });
    const message = await api.messages.create({ direction: 'inbound', kind: 'catalogue', state: 'validated', senderId: SUPPLIER }, { actor: 'test' });
    const id = randomUUID();
    await store.createLoading({ id, messageId: message.id, supplierId: SUPPLIER, catalogueKey: 'k1', operation: 'add', header: { id: 'CAT-1', versionId: '1', issueDate: '2026-11-01' } });
    await store.insertLines(id, [
      { itemKey: 'A-1', operation: 'upsert', searchIds: ['A-1'], line: line('A-1', '3.50') },
      { itemKey: 'B-2', operation: 'upsert', searchIds: ['B-2'], line: line('B-2', '7.00') },
    ]);
    await api.database.transaction((tx) => store.setStatus(id, 'active', tx));
  });
  afterAll(async () => {
    await api?.stop();
  });

  it("lists a supplier's catalogue versions and finds items in the active one", async () => {
    const versions = (await (await call(api, `/admin/catalogues/${SUPPLIER}/versions`, { key: api.keys.viewer })).json()) as { data: Array<Record<string, unknown>> };
    expect(versions.data).toEqual([expect.objectContaining({ supplierId: SUPPLIER, catalogueId: 'CAT-1', versionId: '1', status: 'active', lineCount: 2 })]);
    const items = (await (await call(api, `/admin/catalogues/${SUPPLIER}/items?itemId=B-2`, { key: api.keys.viewer })).json()) as { data: Array<{ itemKey: string; price: unknown }> };
    expect(items.data).toEqual([expect.objectContaining({ itemKey: 'B-2', price: { amount: '7.00', currency: 'EUR' } })]);
    expect((await call(api, `/admin/catalogues/${SUPPLIER}/items`, { key: api.keys.viewer })).status).toBe(400);
    expect((await call(api, '/admin/catalogues/not-a-participant/versions', { key: api.keys.viewer })).status).toBe(400);
  });
});
