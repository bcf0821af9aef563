import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = path.resolve('scripts/build-if-stale.mjs');
const PACKAGE = JSON.parse(readFileSync(path.resolve('package.json'), 'utf8')) as { scripts: Record<string, string> };

/** `npm start` builds only when the sources changed since the last build. */
describe('npm start: build only when dist is stale', () => {
  const project = mkdtempSync(path.join(tmpdir(), 'ap-build-stale-'));
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  // A project whose build counts its runs.
  mkdirSync(path.join(project, 'src'));
  mkdirSync(path.join(project, 'dist'));
  writeFileSync(path.join(project, 'src', 'main.ts'), 'export {};\n');
  writeFileSync(
    path.join(project, 'package.json'),
    JSON.stringify({ name: 'p', version: '1.0.0', scripts: { build: `node -e "require('fs').appendFileSync('builds', 'x')"` } }),
  );
  const start = () => spawnSync(process.execPath, [SCRIPT], { cwd: project, encoding: 'utf8' });
  const builds = () => (existsSync(path.join(project, 'builds')) ? readFileSync(path.join(project, 'builds'), 'utf8').length : 0);

  it('is what npm start runs before the server, which it execs (so Ctrl-C ends npm with the server’s exit code)', () => {
    expect(PACKAGE.scripts.start).toBe('node scripts/build-if-stale.mjs && exec node dist/start-all.js');
  });

  it('builds the first time, skips when nothing changed, builds again after a source changes', () => {
    const first = start();
    expect(first.status, first.stderr).toBe(0);
    expect(builds()).toBe(1);

    const second = start();
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/dist\/ is up to date/);
    expect(builds()).toBe(1);

    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(project, 'src', 'main.ts'), later, later);
    expect(start().status).toBe(0);
    expect(builds()).toBe(2);
  });
});
