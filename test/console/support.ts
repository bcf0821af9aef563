import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildCartXml, sampleCart, type SampleCartLine } from '../../src/demo/sample-cart.js';
import { TRANSACTIONS } from '../../src/peppol/index.js';
import { startOms, tempDir, type RunningOms } from '../sample-oms/harness.js';
import { startProcess, type RunningProcess } from '../support/processes.js';
import { BUYER, createHarness, daysFromNow, type Harness } from '../workflows/support/harness.js';

/** Debian's chromium (CI installs it from .ci/apt-packages); CHROMIUM_PATH overrides. No browser is downloaded. */
export const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p));

/** Headless, nothing phoning home: no sync, no component updates, no background networking. */
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Screenshots for a person to look at; the folder is ignored by git. */
export const SCREENSHOTS = path.resolve(process.cwd(), 'test-output', 'console');

export const WIDTHS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

export interface ConsoleWorld {
  h: Harness;
  api: RunningProcess;
  oms: RunningOms;
  base: string;
  keys: { admin: string; operator: string; viewer: string };
  browser: BrowserContext;
  /** fetch against the API process with a key. */
  call(pathname: string, key: string, init?: { method?: string; body?: unknown }): Promise<Response>;
  close(): Promise<void>;
}

const key = () => randomBytes(30).toString('base64url');

/**
 * The access point as it runs: the API role and a worker as separate processes built from dist/
 * (own PostgreSQL schema, Redis prefix and data folder, from the workflow harness), the sample OMS
 * as the suppliers' webhook endpoint, and Debian's Chromium with a fresh profile.
 */
export async function startConsoleWorld(): Promise<ConsoleWorld> {
  const h = await createHarness({ WEBHOOK_ALLOW_HTTP: 'true', WEBHOOK_RETRY_DELAYS_S: '1', WEBHOOK_RETRY_JITTER_PERCENT: '0' });
  const omsDir = await tempDir('console-oms-');
  const profile = mkdtempSync(path.join(tmpdir(), 'console-chromium-'));
  const keys = { admin: key(), operator: key(), viewer: key() };
  let api: RunningProcess | undefined;
  let oms: RunningOms | undefined;
  let browser: BrowserContext | undefined;
  const close = async () => {
    await browser?.close().catch(() => undefined);
    await api?.stop();
    await oms?.server.stop();
    await h.close();
    await omsDir.remove();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    oms = await startOms({ dataDir: omsDir.dir });
    const [started] = await Promise.all([
      startProcess('main.js', { ...h.env, HOST: '127.0.0.1', PKI_REVOCATION_POLICY: 'off', ADMIN_API_KEYS: Object.entries(keys).map(([role, k]) => `${role}:${k}`).join(',') }, { timeoutMs: 120_000 }),
      h.startWorker(),
    ]);
    api = started;
    browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, viewport: WIDTHS.desktop });
  } catch (error) {
    await close();
    throw error;
  }
  const base = `http://127.0.0.1:${api.port}`;
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    h,
    api,
    oms,
    base,
    keys,
    browser,
    call: (pathname, k, init = {}) =>
      fetch(`${base}${pathname}`, {
        method: init.method ?? 'GET',
        headers: { 'X-API-Key': k, ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      }),
    close,
  };
}

/** A T77 cart from `seller` to the harness's buyer, valid for 60 more days. */
export function cartFrom(seller: string, id: string, lines?: SampleCartLine[]): Buffer {
  const [schemeId, value] = seller.split(':') as [string, string];
  const base = sampleCart(3, { id, validUntil: { date: daysFromNow(60) }, provider: { endpoint: { schemeId, value }, name: `Supplier ${value}` } });
  return Buffer.from(buildCartXml({ ...base, lines: lines ?? base.lines }), 'utf8');
}

export async function receiveCart(h: Harness, seller: string, id: string): Promise<string> {
  return h.receive({ document: cartFrom(seller, id), transaction: TRANSACTIONS.punchOut.id, sender: seller, receiver: BUYER });
}

/** Writes a full-page screenshot at both widths, named `<name>-desktop.png` and `<name>-phone.png`. */
export async function screenshots(page: Page, name: string): Promise<void> {
  for (const [label, size] of Object.entries(WIDTHS)) {
    await page.setViewportSize(size);
    // Usable at this width: nothing wider than the screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) throw new Error(`${name} is ${overflow} px wider than the ${label} screen`);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize(WIDTHS.desktop);
}

/** Polls until `check` returns a value, or fails naming `what`. */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
