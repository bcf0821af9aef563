import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleAssetsDir } from '../../src/admin/console/console-http.js';
import { buildCartXml, sampleCart } from '../../src/demo/sample-cart.js';
import { TRANSACTIONS } from '../../src/peppol/index.js';
import { DOCUMENT_ROLE } from '../../src/workflows/shared/workflow-documents.js';
import { receiveDocument } from '../support/received-document.js';
import { BUYER, BUYER_CONFIGS, daysFromNow, OTHER_SELLER } from '../workflows/support/harness.js';
import { type AdminApi, call, startAdminApi } from './support.js';

interface Preview {
  state: string;
  cartId: string;
  allowed: { quantities: boolean; removeLines: boolean; prices: boolean };
  lines: Array<{ id: string; quantity: { value: string }; orderedQuantity: { value: string } | null; removed: boolean; lineExtension: string | null }>;
  totals: { lineExtension: string; payable: string } | null;
  changeLog: string[];
  problem: { code: string; message: string } | null;
}

/**
 * What the web console needs of the API role beyond the admin API it consumes: its static files
 * under a strict CSP, the cart preview, search by order number, and the oldest waiting job.
 */
describe('API role: console files and the endpoints the console adds', () => {
  let api: AdminApi;
  let cartId: string;

  beforeAll(async () => {
    const configFile = path.join(process.env.TMPDIR ?? '/tmp', `ap-console-buyers-${process.pid}.json`);
    writeFileSync(configFile, JSON.stringify(BUYER_CONFIGS));
    api = await startAdminApi({ WORKFLOW_BUYER_CONFIG_FILE: configFile });
    // A cart as the inbound flow leaves it: the SBD received (its job waits: no worker here), the UBL kept.
    const [schemeId, value] = OTHER_SELLER.split(':') as [string, string];
    const xml = buildCartXml(sampleCart(3, { id: 'CART-PREVIEW', validUntil: { date: daysFromNow(30) }, provider: { endpoint: { schemeId, value }, name: 'Other Supplier' } }));
    cartId = await receiveDocument({ blobs: api.blobs, messages: api.messages, queue: api.queue }, { document: Buffer.from(xml), transaction: TRANSACTIONS.punchOut.id, sender: OTHER_SELLER, receiver: BUYER });
    const business = await api.blobs.put(Buffer.from(xml));
    await api.messages.addDocument(cartId, { role: DOCUMENT_ROLE.business, sha256: business.sha256, mediaType: 'application/xml', size: business.size });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it.skipIf(!consoleAssetsDir())('serves the built console without a key, under a strict Content-Security-Policy', async () => {
    const redirect = await fetch(`${api.base}/console`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/console/');

    const index = await fetch(`${api.base}/console/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const csp = index.headers.get('content-security-policy')!;
    for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'", "frame-ancestors 'none'"]) expect(csp).toContain(directive);
    expect(csp).not.toMatch(/unsafe-|https?:/);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await index.text();
    // No inline script or style, and nothing from another origin.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|<style|style=|https?:\/\//);

    const script = readdirSync(path.join(consoleAssetsDir()!, 'assets')).find((f) => f.endsWith('.js'))!;
    const asset = await fetch(`${api.base}/console/assets/${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(asset.headers.get('content-security-policy')).toBe(csp);

    expect((await fetch(`${api.base}/console/no-such-file.js`)).status).toBe(404);
    expect((await fetch(`${api.base}/console/../admin/keys/me`)).status).toBe(401);
  });

  it("previews a cart's lines and its order's totals, with and without changes, storing nothing", async () => {
    const plain = await call(api, `/admin/approvals/${cartId}/cart`, { key: api.keys.viewer });
    expect(plain.status).toBe(200);
    const cart = (await plain.json()) as Preview;
    expect(cart).toMatchObject({ cartId: 'CART-PREVIEW', state: 'received', allowed: { quantities: true, removeLines: true, prices: true }, problem: null, changeLog: [] });
    expect(cart.lines).toHaveLength(3);
    expect(cart.totals!.payable).toMatch(/^\d+\.\d{2}$/);

    const changes = [{ kind: 'set-quantity', lineId: '1', quantity: '40' }, { kind: 'remove', lineId: '3' }];
    const changed = (await (await call(api, `/admin/approvals/${cartId}/cart?changes=${encodeURIComponent(JSON.stringify(changes))}`, { key: api.keys.viewer })).json()) as Preview;
    expect(changed.lines[0]).toMatchObject({ quantity: { value: cart.lines[0]!.quantity.value }, orderedQuantity: { value: '40' } });
    expect(changed.lines[2]).toMatchObject({ removed: true, lineExtension: null });
    expect(changed.totals!.lineExtension).not.toBe(cart.totals!.lineExtension);
    expect(changed.changeLog).toHaveLength(2);

    const unknownLine = (await (await call(api, `/admin/approvals/${cartId}/cart?changes=${encodeURIComponent('[{"kind":"remove","lineId":"99"}]')}`, { key: api.keys.viewer })).json()) as Preview;
    expect(unknownLine).toMatchObject({ totals: null, problem: { code: 'unknown-line' } });

    const notJson = await call(api, `/admin/approvals/${cartId}/cart?changes=remove-line-3`, { key: api.keys.viewer });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { errors: Array<{ field: string }> }).errors[0]!.field).toBe('changes');
    const badQuantity = await call(api, `/admin/approvals/${cartId}/cart?changes=${encodeURIComponent('[{"kind":"set-quantity","lineId":"1","quantity":"lots"}]')}`, { key: api.keys.viewer });
    expect(badQuantity.status).toBe(400);

    const order = await api.messages.create({ direction: 'outbound', kind: 'order', state: 'created' }, { actor: 'test' });
    expect((await call(api, `/admin/approvals/${order.id}/cart`, { key: api.keys.viewer })).status).toBe(404);
    expect((await call(api, `/admin/approvals/${cartId}/cart`)).status).toBe(401);
    expect((await api.messages.get(cartId)).state).toBe('received');
    expect((await api.messages.timeline(cartId)).map((e) => e.toState)).toEqual(['received']);
  });

  it('finds messages by order number and by cart id', async () => {
    const order = await api.messages.create(
      { direction: 'outbound', kind: 'order', state: 'created', attributes: { orderNumber: 'PO-CONSOLE-000042', cartId: 'CART-SEARCH-7' } },
      { actor: 'test' },
    );
    const byNumber = (await (await call(api, '/admin/messages?q=CONSOLE-000042', { key: api.keys.viewer })).json()) as { data: Array<{ id: string }> };
    expect(byNumber.data.map((m) => m.id)).toEqual([order.id]);
    const byCart = (await (await call(api, '/admin/messages?q=cart-search-7', { key: api.keys.viewer })).json()) as { data: Array<{ id: string }> };
    expect(byCart.data.map((m) => m.id)).toEqual([order.id]);
    const none = (await (await call(api, '/admin/messages?q=PO-NOT-THERE', { key: api.keys.viewer })).json()) as { data: unknown[] };
    expect(none.data).toEqual([]);
  });

  it('says when the job waiting longest on a queue was added', async () => {
    const queues = (await (await call(api, '/admin/queues', { key: api.keys.viewer })).json()) as { data: Array<{ name: string; counts: { waiting: number }; oldestWaitingAt: string | null }> };
    const inbound = queues.data.find((q) => q.name === 'inbound')!;
    expect(inbound.counts.waiting).toBeGreaterThanOrEqual(1);
    const created = (await api.messages.get(cartId)).createdAt.getTime();
    expect(Math.abs(Date.parse(inbound.oldestWaitingAt!) - created)).toBeLessThan(10_000);
    expect(queues.data.find((q) => q.name === 'catalogue')!.oldestWaitingAt).toBeNull();
  });
});
