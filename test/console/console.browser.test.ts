import { type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAs } from '../../src/messages/message-repository.js';
import { DOCUMENT_ROLE } from '../../src/workflows/shared/workflow-documents.js';
import { OTHER_SELLER, SELLER } from '../workflows/support/harness.js';
import { CHROMIUM, type ConsoleWorld, eventually, receiveCart, screenshots, startConsoleWorld } from './support.js';

if (!CHROMIUM) process.stderr.write('console browser tests skipped: no Chromium found (apt-get install chromium, or set CHROMIUM_PATH)\n');

interface DeliveryView {
  id: string;
  state: string;
  generation: number;
}

/**
 * The web console in Debian's headless Chromium against the real API and worker processes (real
 * PostgreSQL, Redis, validation with the official rules, webhooks to the sample OMS). Carts from
 * SELLER are approved by the buyer's policy; carts from OTHER_SELLER wait for a person. SELLER's
 * route points at a path the OMS does not serve, so its order's delivery fails.
 */
describe.skipIf(!CHROMIUM)('web console in a real browser', { timeout: 120_000 }, () => {
  let w: ConsoleWorld;
  const carts = { auto: '', approve: '', reject: '', viewer: '' };
  let sellerRouteId: string;
  /** Everything the pages asked for, and what the browser complained about. */
  const requested: string[] = [];
  const complaints: string[] = [];

  beforeAll(async () => {
    w = await startConsoleWorld();
    for (const supplier of [SELLER, OTHER_SELLER]) {
      expect((await w.call(`/admin/participants/${supplier}`, w.keys.admin, { method: 'PUT', body: { name: `Supplier ${supplier}` } })).status).toBeLessThan(300);
    }
    const good = await w.call('/admin/routes', w.keys.admin, { method: 'POST', body: { kind: 'webhook', supplierId: OTHER_SELLER, url: `${w.oms.url}/webhooks`, secret: w.oms.secret } });
    expect(good.status).toBe(201);
    const broken = await w.call('/admin/routes', w.keys.admin, { method: 'POST', body: { kind: 'webhook', supplierId: SELLER, url: `${w.oms.url}/not-the-webhook-path`, secret: w.oms.secret } });
    expect(broken.status).toBe(201);
    sellerRouteId = ((await broken.json()) as { id: string }).id;

    carts.auto = await receiveCart(w.h, SELLER, 'CART-AUTO-1');
    carts.approve = await receiveCart(w.h, OTHER_SELLER, 'CART-CONSOLE-A');
    carts.reject = await receiveCart(w.h, OTHER_SELLER, 'CART-CONSOLE-B');
    carts.viewer = await receiveCart(w.h, OTHER_SELLER, 'CART-CONSOLE-C');
    await w.h.waitForState(carts.auto, ['order-created'], 120_000);
    for (const id of [carts.approve, carts.reject, carts.viewer]) await w.h.waitForState(id, ['awaiting-approval'], 120_000);
  }, 300_000);

  afterAll(async () => {
    await w?.close();
  });

  async function openPage(): Promise<Page> {
    const page = await w.browser.newPage();
    page.on('request', (request) => requested.push(request.url()));
    page.on('console', (message) => message.type() === 'error' && complaints.push(message.text()));
    page.on('pageerror', (error) => complaints.push(error.message));
    return page;
  }

  async function signIn(page: Page, key: string): Promise<void> {
    await page.goto(`${w.base}/console/`);
    await page.getByLabel('API key').fill(key);
    // By keyboard: Enter submits the form.
    await page.getByLabel('API key').press('Enter');
  }

  let operator: Page;

  it('serves the console with a strict Content-Security-Policy, refuses a wrong key, and signs in with a good one', async () => {
    operator = await openPage();
    const response = await operator.goto(`${w.base}/console`);
    expect(response!.url()).toBe(`${w.base}/console/`);
    const csp = response!.headers()['content-security-policy']!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    await operator.getByLabel('API key').waitFor();
    await screenshots(operator, 'sign-in');

    await signIn(operator, `wrong-${w.keys.viewer}`);
    await expect.poll(() => operator.getByRole('alert').textContent(), { timeout: 15_000 }).toMatch(/refused/);
    expect(await operator.getByRole('navigation').count()).toBe(0);
    expect(await operator.evaluate(() => Object.keys(sessionStorage))).toEqual([]);

    await signIn(operator, w.keys.operator);
    await operator.getByRole('navigation', { name: 'Sections' }).waitFor();
    expect(await operator.locator('[data-role]').textContent()).toBe('operator');

    // Keyboard: the first Tab stops are the skip link and the sections; Enter follows a link.
    await operator.reload();
    await operator.getByRole('navigation', { name: 'Sections' }).waitFor();
    await operator.keyboard.press('Tab');
    expect(await operator.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await operator.keyboard.press('Tab');
    await operator.keyboard.press('Tab');
    expect(await operator.evaluate(() => document.activeElement?.textContent)).toBe('Messages');
    await operator.keyboard.press('Enter');
    await operator.getByRole('search').waitFor();
  });

  it('lists the carts awaiting a decision and approves one with a quantity changed; the order and its total follow', async () => {
    await operator.goto(`${w.base}/console/#/approvals`);
    for (const id of ['CART-CONSOLE-A', 'CART-CONSOLE-B', 'CART-CONSOLE-C']) await operator.locator(`tr[data-cart="${id}"]`).waitFor();
    expect(await operator.locator('tr[data-cart="CART-AUTO-1"]').count()).toBe(0);
    await screenshots(operator, 'approvals');

    await operator.getByRole('link', { name: 'CART-CONSOLE-A' }).click();
    const quantity = operator.getByLabel('Quantity of line 1');
    await quantity.waitFor();
    const total = operator.locator('[data-total="payable"]');
    const before = await total.textContent();
    await quantity.fill('7');
    await expect.poll(() => total.textContent(), { timeout: 15_000 }).not.toBe(before);
    const approve = operator.getByRole('button', { name: 'Approve with changes' });
    await expect.poll(() => approve.isEnabled(), { timeout: 15_000 }).toBe(true);
    expect(await operator.locator('.change-log').textContent()).toMatch(/quantity .* → 7/);
    const previewed = await total.textContent();
    await screenshots(operator, 'cart-with-change');

    await approve.click();
    const orderNumber = operator.locator('[data-order-number]');
    await orderNumber.waitFor({ timeout: 60_000 });
    await expect.poll(() => operator.locator('[data-delivery]').textContent(), { timeout: 60_000 }).toContain('delivered');

    // What the console shows is the order that was made and delivered.
    const cart = recordAs(await w.h.messages.get(carts.approve), 'cart');
    expect(cart.state).toBe('order-created');
    const orderXml = await w.h.documentText(cart.attributes.orderMessageId as string, DOCUMENT_ROLE.order);
    expect(await orderNumber.getAttribute('data-order-number')).toBe(cart.attributes.orderNumber);
    expect(orderXml).toMatch(/<cac:LineItem>\s*<cbc:ID>1<\/cbc:ID>\s*<cbc:Quantity unitCode="[A-Z0-9]+">7<\/cbc:Quantity>/);
    const payable = /<cbc:PayableAmount currencyID="([A-Z]{3})">([0-9.]+)<\/cbc:PayableAmount>/.exec(orderXml)!;
    expect(await operator.locator('[data-order-total]').textContent()).toBe(`${payable[2]} ${payable[1]}`);
    expect(previewed).toBe(`${payable[2]} ${payable[1]}`);
    await screenshots(operator, 'cart-approved');
  });

  it('rejects a cart with a reason', async () => {
    await operator.goto(`${w.base}/console/#/approvals/${carts.reject}`);
    await operator.getByLabel('Reason for rejecting').fill('Over budget this quarter');
    await operator.getByRole('button', { name: 'Reject' }).click();
    await expect.poll(() => operator.getByRole('region', { name: 'Outcome' }).textContent(), { timeout: 15_000 }).toContain('rejected');
    const last = (await w.h.messages.timeline(carts.reject)).at(-1)!;
    expect(last).toMatchObject({ toState: 'rejected', reason: 'rejected: Over budget this quarter' });
    expect(last.actor).toMatch(/^api-key:/);
  });

  it('finds a message by its order number, shows its timeline, and replays its failed delivery', async () => {
    const cart = recordAs(await w.h.messages.get(carts.auto), 'cart');
    const orderNumber = cart.attributes.orderNumber as string;
    const orderId = cart.attributes.orderMessageId as string;
    const deliveriesOf = async () => ((await (await w.call(`/admin/messages/${orderId}/related`, w.keys.viewer)).json()) as { deliveries: DeliveryView[] }).deliveries;
    await eventually(async () => (await deliveriesOf()).find((d) => d.state === 'failed'), 'the order to SELLER to fail its delivery');
    // The operator fixes the endpoint, then replays from the console.
    expect((await w.call(`/admin/routes/${sellerRouteId}`, w.keys.admin, { method: 'PATCH', body: { url: `${w.oms.url}/webhooks` } })).status).toBe(200);

    await operator.goto(`${w.base}/console/#/messages`);
    await operator.getByLabel(/Order number, cart id/).fill(orderNumber);
    await operator.getByLabel(/Order number, cart id/).press('Enter');
    const row = operator.locator(`tr[data-message="${orderId}"]`);
    await row.waitFor();
    expect(await operator.locator(`tr[data-message="${carts.auto}"]`).count()).toBe(1);
    await screenshots(operator, 'messages-search');

    await row.getByRole('link').click();
    await operator.locator('[data-attribute="orderNumber"]').waitFor();
    expect(await operator.locator('[data-attribute="orderNumber"]').textContent()).toBe(orderNumber);
    const timeline = operator.getByRole('region', { name: 'Timeline' });
    expect(await timeline.locator('li').count()).toBeGreaterThanOrEqual(2);
    expect(await timeline.textContent()).toContain('created');
    const failed = operator.locator('tr[data-delivery][data-state="failed"]');
    await failed.waitFor();
    await screenshots(operator, 'message-failed-delivery');

    await failed.getByRole('button', { name: 'Replay' }).click();
    await eventually(async () => (await deliveriesOf()).find((d) => d.state === 'delivered' && d.generation === 2), 'the replayed delivery to arrive');
    await operator.getByRole('button', { name: 'Refresh' }).click();
    await operator.locator('tr[data-delivery][data-state="delivered"]').waitFor();
    expect(await operator.locator('tr[data-delivery][data-state="delivered"] td[data-label="Run"]').textContent()).toBe('2');
  });

  it('shows a message of the cart flow with its validation report, related messages and documents', async () => {
    await operator.goto(`${w.base}/console/#/messages/${carts.auto}`);
    const report = operator.getByRole('region', { name: 'Validation report' });
    await report.waitFor();
    await expect.poll(() => report.textContent(), { timeout: 15_000 }).toMatch(/Valid under the T77 rules/);
    const related = operator.getByRole('region', { name: 'Related messages' });
    await expect.poll(() => related.textContent(), { timeout: 15_000 }).toContain('order');
    const documents = operator.getByRole('region', { name: 'Documents' });
    const download = operator.waitForEvent('download');
    await documents.getByRole('button', { name: 'sbd' }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/sbd/);
    await screenshots(operator, 'message-cart');
  });

  it('reprocesses a failed message from a chosen stage', async () => {
    // A catalogue whose validation ran out of attempts (marked as the worker marks it).
    const failed = await w.h.messages.create({ direction: 'inbound', kind: 'catalogue', state: 'received', senderId: OTHER_SELLER }, { actor: 'test' });
    await w.h.messages.transition(failed.id, 'failed', { actor: 'worker', patch: { failure: { stage: 'validation', code: 'exhausted', message: 'validation service down' } } });
    await operator.goto(`${w.base}/console/#/messages/${failed.id}`);
    await expect.poll(() => operator.getByRole('alert').first().textContent(), { timeout: 15_000 }).toContain('validation service down');
    await operator.getByLabel('Process again from').selectOption('received');
    await operator.getByRole('button', { name: 'Reprocess' }).click();
    await expect.poll(() => operator.locator('p.notice[role=status]').textContent(), { timeout: 15_000 }).toMatch(/Queued on inbound/);
    const again = (await w.h.messages.timeline(failed.id)).find((e) => e.reason === 'reprocess from received');
    expect(again).toMatchObject({ fromState: 'failed', toState: 'received' });
    expect(again!.actor).toMatch(/^api-key:/);
  });

  it('shows queues, routes, certificates and rule releases at a glance', async () => {
    await operator.goto(`${w.base}/console/#/health`);
    await operator.locator('tr[data-queue="inbound"]').waitFor();
    await operator.locator(`tr[data-route="${sellerRouteId}"]`).waitFor();
    await operator.locator('[data-slot="current"] [data-days-left]').waitFor();
    expect(await operator.locator('[data-slot="current"] [data-days-left]').getAttribute('data-days-left')).toMatch(/^\d+$/);
    await expect.poll(() => operator.getByRole('region', { name: 'Rule releases' }).textContent(), { timeout: 15_000 }).toContain('active');
    expect(await operator.getByRole('link', { name: 'Open Bull Board' }).getAttribute('href')).toBe('/admin/dashboard');
    // Peppol Reporting: the running month (open, nothing to send yet) and the last one (not sent here: not production).
    const now = new Date();
    const month = (offset: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString().slice(0, 7);
    await operator.locator(`tr[data-period="${month(0)}"][data-state="open"]`).waitFor();
    await operator.locator(`tr[data-period="${month(-1)}"][data-state="unsent"]`).waitFor();
    expect(await operator.locator(`tr[data-period="${month(0)}"]`).getByRole('button', { name: /^Send/ }).count()).toBe(0);
    expect(await operator.locator(`tr[data-period="${month(-1)}"]`).getByRole('button', { name: 'Send' }).count()).toBe(1);
    await screenshots(operator, 'health');
  });

  it('offers a viewer no action, and the API answers 403 when a viewer forces one', async () => {
    const viewer = await openPage();
    await signIn(viewer, w.keys.viewer);
    await viewer.getByRole('navigation', { name: 'Sections' }).waitFor();
    await viewer.goto(`${w.base}/console/#/approvals/${carts.viewer}`);
    await viewer.getByRole('table', { name: 'Cart lines' }).waitFor();
    await viewer.locator('[data-total="payable"]').waitFor();
    expect(await viewer.locator('main input, main textarea').count()).toBe(0);
    expect(await viewer.getByRole('button', { name: /Approve|Reject/ }).count()).toBe(0);
    await screenshots(viewer, 'cart-as-viewer');

    const orderId = recordAs(await w.h.messages.get(carts.auto), 'cart').attributes.orderMessageId as string;
    await viewer.goto(`${w.base}/console/#/messages/${orderId}`);
    await viewer.locator('tr[data-delivery]').first().waitFor();
    expect(await viewer.getByRole('button', { name: /Replay|Reprocess/ }).count()).toBe(0);
    await viewer.goto(`${w.base}/console/#/health`);
    await viewer.locator('tr[data-period]').first().waitFor();
    expect(await viewer.getByRole('button', { name: /^Send/ }).count()).toBe(0);

    const forced = await viewer.evaluate(async (cartId) => {
      const key = sessionStorage.getItem(Object.keys(sessionStorage)[0]!)!;
      const res = await fetch(`/admin/approvals/${cartId}/approve`, { method: 'POST', headers: { 'X-API-Key': key } });
      return { status: res.status, type: res.headers.get('content-type') };
    }, carts.viewer);
    expect(forced.status).toBe(403);
    expect(forced.type).toContain('application/problem+json');
    expect((await w.h.messages.get(carts.viewer)).state).toBe('awaiting-approval');
    await viewer.close();
  });

  it('loaded nothing from elsewhere and broke no Content-Security-Policy rule', () => {
    expect(requested.length).toBeGreaterThan(10);
    expect(requested.filter((url) => !url.startsWith(`${w.base}/`) && !url.startsWith('blob:'))).toEqual([]);
    expect(complaints.filter((text) => /Content Security Policy|Refused to/i.test(text))).toEqual([]);
    // The only errors are the refused sign-in (401) and the viewer's forced call (403).
    expect(complaints.filter((text) => !/401|403/.test(text))).toEqual([]);
  });
});
