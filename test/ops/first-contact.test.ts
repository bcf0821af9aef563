import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { devPkiEnv } from '../support/dev-pki.js';
import { type RunningProcess, runToExit, startProcess } from '../support/processes.js';

/** A first user: `npm start` on embedded defaults, then the admin API and the CLI while it runs. */
describe('first contact on a brand-new installation', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ap-first-contact-'));
  let ap: RunningProcess | undefined;
  afterAll(async () => {
    await ap?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints where everything is and a one-time admin key that works; the CLI says what to do while it runs', async () => {
    const env = { ...(await devPkiEnv()), DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', QUEUE_PREFIX: `first-${process.pid}` };
    ap = await startProcess('start-all.js', env, { ready: /Health\s+http:\/\/127\.0\.0\.1:(\d+)\/health\/ready\n.*Admin API key.*\n/, timeoutMs: 150_000 });
    const base = `http://127.0.0.1:${ap.port}`;
    const out = ap.output();
    for (const url of ['/as4', '/docs', '/console', '/metrics', '/health/ready']) expect(out).toContain(`${base}${url}`);
    const key = /Admin API key\s+(pap_\S+)/.exec(out)?.[1];
    expect(key, out).toBeDefined();
    const keys = await fetch(`${base}/admin/keys`, { headers: { 'X-API-Key': key! } });
    expect(keys.status).toBe(200);
    // Nest's per-route and per-module lines are debug, not info.
    expect(out).not.toMatch(/"level":"info"[^\n]*"context":"(RouterExplorer|RoutesResolver|InstanceLoader)"/);

    const cli = await runToExit('cli/main.js', { ...env, PORT: String(ap.port) }, ['admin', 'create-key', '--role', 'operator']);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('the access point is running and holds the embedded database');
    expect(cli.stderr).toContain(`curl -X POST http://localhost:${ap.port}/admin/keys -H 'X-API-Key: <admin key>'`);
    expect(cli.stderr).toContain('stop the access point (Ctrl-C) and run this command again');
    expect(cli.stderr).not.toMatch(/run API and worker together/);

    // Ctrl-C: drained, exit 0.
    expect(await ap.stop('SIGINT')).toBe(0);
    ap = undefined;
  }, 200_000);

  it('prints the CLI version', async () => {
    const version = await runToExit('cli/main.js', {}, ['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
