import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueLine } from '../../src/catalogue/catalogue-model.js';
import { Clock } from '../../src/common/clock.js';
import { MessageRepository } from '../../src/messages/message-repository.js';
import { CatalogueStore, type LineToStore } from '../../src/workflows/catalogue/catalogue-store.js';
import { ApprovalStore } from '../../src/workflows/punchout/approval-store.js';
import { DEFAULT_BUYER } from '../../src/workflows/punchout/buyer-config-file.js';
import { BuyerConfigRepository } from '../../src/workflows/punchout/buyer-config-repository.js';
import { OrderNumberSeries } from '../../src/workflows/punchout/order-number-series.js';
import { databaseEngines, type TestDatabase } from '../support/databases.js';

const line = (sellersId: string, price = '1.00', extra: Partial<CatalogueLine['item']> = {}): CatalogueLine => ({
  id: sellersId,
  prices: [{ amount: price, currency: 'EUR' }],
  item: { name: `Item ${sellersId}`, sellersId, descriptions: [], keywords: [], brandNames: [], classifications: [], ...extra },
});
const toStore = (l: CatalogueLine, operation: LineToStore['operation'] = 'upsert'): LineToStore => ({
  itemKey: l.item.sellersId!,
  operation,
  searchIds: [l.item.sellersId!, ...(l.item.manufacturersId ? [l.item.manufacturersId] : [])],
  line: l,
});

/** The SQL of the punch-out and catalogue flows behaves the same on PostgreSQL and on the embedded engine. */
describe.each(databaseEngines)('workflow tables on $name', ({ create }) => {
  let t: TestDatabase;
  let messages: MessageRepository;
  beforeAll(async () => {
    t = await create();
    messages = new MessageRepository(t.db, new Clock());
  });
  afterAll(() => t?.drop());

  const catalogueMessage = async () =>
    (await messages.create({ direction: 'inbound', kind: 'catalogue', state: 'validated' }, { actor: 'test' })).id;

  it('catalogue versions: lines written in batches, an update merged, only the active version searched', async () => {
    const store = new CatalogueStore(t.db);
    const header = { id: 'C1', versionId: '1', issueDate: '2026-01-05' };
    const v1 = randomUUID();
    await store.createLoading({ id: v1, messageId: await catalogueMessage(), supplierId: '0192:987654325', catalogueKey: 'k1', operation: 'add', header });
    await store.insertLines(v1, [toStore(line('A')), toStore(line('B', '2.00', { manufacturersId: 'M-B' }))]);
    await store.insertLines(v1, [toStore(line('B', '2.50', { manufacturersId: 'M-B' })), toStore(line('C'))]);
    expect(await store.search('0192:987654325', 'A', 10)).toHaveLength(0);
    await t.db.transaction(async (tx) => store.setStatus(v1, 'active', tx));
    expect((await store.search('0192:987654325', 'M-B', 10)).map((l) => l.price)).toEqual([{ amount: '2.50', currency: 'EUR' }]);

    const v2 = randomUUID();
    await store.createLoading({ id: v2, messageId: await catalogueMessage(), supplierId: '0192:987654325', catalogueKey: 'k1', operation: 'update', header: { ...header, versionId: '2' } });
    await store.insertLines(v2, [toStore(line('A', '9.00')), toStore(line('C'), 'delete'), toStore(line('D'))]);
    await t.db.transaction(async (tx) => {
      const active = await store.activeFor('k1', tx);
      expect(active?.id).toBe(v1);
      await store.mergeUpdate(v2, v1, tx);
      await store.setStatus(v1, 'superseded', tx);
      await store.setStatus(v2, 'active', tx);
    });
    const found = async (id: string) => (await store.search('0192:987654325', id, 10)).map((l) => `${l.itemKey}@${l.catalogue.versionId}:${l.price?.amount}`);
    expect(await found('A')).toEqual(['A@2:9.00']);
    expect(await found('B')).toEqual(['B@2:2.50']);
    expect(await found('C')).toEqual([]);
    expect(await found('D')).toEqual(['D@2:1.00']);
    const versions = await store.versions('0192:987654325', 10);
    expect(versions.map((v) => [v.versionId, v.status, v.lineCount])).toEqual(expect.arrayContaining([['1', 'superseded', 3], ['2', 'active', 3]]));
  });

  it('a load interrupted by a crash is discarded with its lines, a finished one is kept', async () => {
    const store = new CatalogueStore(t.db);
    const messageId = await catalogueMessage();
    const loading = randomUUID();
    await store.createLoading({ id: loading, messageId, supplierId: '0192:5', catalogueKey: 'k-crash', operation: 'add', header: {} });
    await store.insertLines(loading, [toStore(line('X1')), toStore(line('X2'))]);
    await store.discardLoading(messageId);
    expect(await store.byMessage(messageId)).toBeNull();
    expect(await t.db.query(`SELECT 1 FROM catalogue_lines WHERE version_id = $1`, [loading])).toHaveLength(0);
    const again = randomUUID();
    await store.createLoading({ id: again, messageId, supplierId: '0192:5', catalogueKey: 'k-crash', operation: 'add', header: {} });
    await t.db.transaction(async (tx) => store.setStatus(again, 'active', tx));
    await store.discardLoading(messageId);
    expect(await store.byMessage(messageId)).toMatchObject({ id: again, status: 'active' });
  });

  it('at most one active version per catalogue', async () => {
    const store = new CatalogueStore(t.db);
    const ids = [randomUUID(), randomUUID()];
    for (const id of ids) {
      await store.createLoading({ id, messageId: await catalogueMessage(), supplierId: '0192:1', catalogueKey: 'k-unique', operation: 'add', header: {} });
    }
    await t.db.transaction(async (tx) => store.setStatus(ids[0]!, 'active', tx));
    await expect(t.db.transaction(async (tx) => store.setStatus(ids[1]!, 'active', tx))).rejects.toThrow();
  });

  it('order numbers: one series per buyer, each number given once under concurrency', async () => {
    const series = new OrderNumberSeries();
    const taken = await Promise.all(Array.from({ length: 20 }, () => t.db.transaction((tx) => series.next('0192:123456785', tx))));
    expect([...taken].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await t.db.transaction((tx) => series.next('0192:other', tx))).toBe(1);
  });

  it('buyer configurations: own, default, built-in; the file does not overrule the API', async () => {
    const repo = new BuyerConfigRepository(t.db);
    expect((await repo.resolve('0192:123456785')).origin).toBe('built-in');
    await repo.seed([{ buyerId: DEFAULT_BUYER, input: { validityDays: 9 } }, { buyerId: '0192:123456785', input: { validityDays: 5 } }]);
    expect(await repo.resolve('0192:123456785')).toMatchObject({ origin: 'buyer', config: { validityDays: 5 } });
    expect(await repo.resolve('0192:999')).toMatchObject({ origin: 'default', config: { validityDays: 9 } });
    await repo.put('0192:123456785', { validityDays: 3 });
    expect(await repo.seed([{ buyerId: '0192:123456785', input: { validityDays: 5 } }])).toBe(0);
    expect((await repo.resolve('0192:123456785')).config.validityDays).toBe(3);
  });

  it('approvals: pending until decided, overdue by deadline', async () => {
    const approvals = new ApprovalStore(t.db);
    const cart = await messages.create({ direction: 'inbound', kind: 'cart', state: 'awaiting-approval' }, { actor: 'test' });
    const deadline = new Date(Date.now() - 1_000);
    const approval = { messageId: cart.id, buyerId: '0192:1', sellerId: '0192:2', cartId: 'C', currency: 'EUR', netTotal: '10.00', lineCount: 1, reasons: ['why'], deadline };
    await t.db.transaction((tx) => approvals.open(approval, tx));
    await t.db.transaction((tx) => approvals.open({ ...approval, cartId: 'again' }, tx));
    expect((await approvals.undecided([cart.id])).map((p) => [p.messageId, p.cartId, p.reasons])).toEqual([[cart.id, 'C', ['why']]]);
    expect(await approvals.overdue(new Date(), 10)).toEqual([cart.id]);
    await t.db.transaction((tx) => approvals.decide(cart.id, 'abandoned', 'system', new Date(), tx));
    expect(await approvals.overdue(new Date(), 10)).toEqual([]);
    expect(await approvals.get(cart.id)).toMatchObject({ cartId: 'C' });
  });
});
