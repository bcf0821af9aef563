import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdminApi, startAdminApi } from './support.js';

/** Debian's chromium (CI installs it from .ci/apt-packages); CHROMIUM_PATH overrides. No browser is downloaded. */
const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p));
if (!CHROMIUM) {
  process.stderr.write('Swagger UI browser test skipped: no Chromium found (apt-get install chromium, or set CHROMIUM_PATH)\n');
}

const OPERATION = '#operations-messages-MessagesController_list';

describe.skipIf(!CHROMIUM)('Swagger UI in a real browser (headless Chromium)', () => {
  let api: AdminApi;
  let browser: Browser;
  let messageId: string;

  beforeAll(async () => {
    api = await startAdminApi();
    messageId = (await api.messages.create({ direction: 'inbound', kind: 'cart', state: 'received', senderId: '0088:5798009883964' }, { actor: 'test' })).id;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  /** Expands GET /admin/messages, presses "Try it out" and "Execute", and returns the status and body shown. */
  async function tryMessagesList(page: Page): Promise<{ status: string; body: string }> {
    const op = page.locator(OPERATION);
    if (!(await op.locator('button.try-out__btn').isVisible())) await op.locator('.opblock-summary').first().click();
    const tryOut = op.locator('button.try-out__btn');
    if ((await tryOut.textContent())?.trim() === 'Try it out') await tryOut.click();
    await op.locator('button.execute').click();
    const status = op.locator('.live-responses-table .response .response-col_status').first();
    await status.waitFor({ timeout: 15_000 });
    const body = (await op.locator('.live-responses-table .response-col_description .microlight, .live-responses-table .response-col_description pre').first().textContent()) ?? '';
    const shown = (await status.textContent())?.trim() ?? '';
    await op.locator('button.btn-clear').click().catch(() => undefined);
    return { status: shown, body };
  }

  it('loads /docs, gets 401 without a key, then Authorize with a key gives 200 with data', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${api.base}/docs`);
      await page.locator(OPERATION).waitFor({ timeout: 20_000 });

      const anonymous = await tryMessagesList(page);
      expect(anonymous.status).toBe('401');
      expect(anonymous.body).toContain('An API key is required');

      await page.locator('.auth-wrapper button.authorize').click();
      const scheme = page.locator('.modal-ux .auth-container').filter({ hasText: 'X-API-Key' });
      await scheme.locator('input').fill(api.keys.viewer);
      await scheme.locator('button.authorize').click();
      await page.locator('.modal-ux button.close-modal').click();

      const authorized = await tryMessagesList(page);
      expect(authorized.status).toBe('200');
      expect(authorized.body).toContain(messageId);
    } finally {
      await page.close();
    }
  });
});
