import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_CSP, mountConsole } from './console-http.js';

async function serve(dir: string | null): Promise<{ base: string; server: Server }> {
  const app = express();
  // mountConsole only mounts middleware: an Express app stands in for Nest's.
  mountConsole(app as unknown as INestApplication, dir);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('mountConsole', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'console-ui-'));
  let built: { base: string; server: Server };
  let missing: { base: string; server: Server };

  beforeAll(async () => {
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(path.join(dir, '.secret'), 'not served');
    built = await serve(dir);
    missing = await serve(null);
  });
  afterAll(() => {
    built.server.close();
    missing.server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the page and its files with the CSP, hashed assets cached for good', async () => {
    const page = await fetch(`${built.base}/console/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>console</title>');
    expect(page.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const asset = await fetch(`${built.base}/console/assets/index-abc123.js`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${built.base}/console/favicon.svg`)).headers.get('cache-control')).toBe('no-cache');
  });

  it('redirects /console to /console/ and answers 404 for anything else, dot files and paths out of the folder included', async () => {
    const redirect = await fetch(`${built.base}/console`, { redirect: 'manual' });
    expect([redirect.status, redirect.headers.get('location')]).toEqual([301, '/console/']);
    for (const p of ['/console/nothing.js', '/console/.secret', '/console/assets/..%2f..%2f.secret', '/console/%2e%2e/%2e%2e/etc/passwd']) {
      const res = await fetch(`${built.base}${p}`);
      expect(res.status, p).toBeGreaterThanOrEqual(400);
      expect(await res.text(), p).not.toContain('not served');
    }
  });

  it('says the console is not built when its files are missing', async () => {
    const res = await fetch(`${missing.base}/console/`);
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/npm run build/);
    expect(res.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
  });
});
