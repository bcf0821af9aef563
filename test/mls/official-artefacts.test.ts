import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, validateWithCli } from '../support/cli-validate.js';
import { sefCacheDir } from '../validation/support.js';

/**
 * The official MLS examples and bad examples through `peppol-ap validate` as an operator runs it
 * (the built entry point): examples valid, each bad file firing exactly what the official
 * schematron fires on it.
 */
const mlsDir = path.resolve(process.cwd(), '../shared/conformance/mls');
const present = existsSync(path.join(mlsDir, 'bad', 'expectations.json'));
const work = mkdtempSync(path.join(os.tmpdir(), 'mls-validate-'));
// VALIDATION_TRANSACTIONS limits the BIS rules compiled; the MLS rules are served whatever it says.
const env = { ...process.env, VALIDATION_RULES_DIR: path.join(work, 'rules'), VALIDATION_CACHE_DIR: sefCacheDir, VALIDATION_TRANSACTIONS: 'T19', VALIDATION_POOL_SIZE: '0' };

const validate = (...args: string[]) => validateWithCli(env, ...args);

const xmlIn = (dir: string) => readdirSync(path.join(mlsDir, dir)).filter((f) => f.endsWith('.xml')).sort().map((f) => path.join(mlsDir, dir, f));

describe.skipIf(!present)('official MLS artefacts through peppol-ap validate', () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('is built', () => {
    expect(existsSync(cli), `${cli} missing: run npm run build`).toBe(true);
  });

  it('finds every official example valid, recognised as MLS by its CustomizationID and when asked for MLS', async () => {
    const examples = xmlIn('examples');
    expect(examples.length).toBeGreaterThanOrEqual(8);
    for (const args of [examples, ['--transaction', 'MLS', ...examples]]) {
      const { code, lines, stderr } = await validate(...args);
      expect(stderr).toBe('');
      expect(lines.filter((l) => !l.valid).map((l) => ({ file: path.basename(l.file), fired: l.fired })), 'invalid examples').toEqual([]);
      expect(lines.map((l) => l.transaction)).toEqual(examples.map(() => 'MLS'));
      expect(code).toBe(0);
    }
  });

  it('fires on every bad example what the official schematron fires, all fatal, and exits 1', async () => {
    const expectations = JSON.parse(readFileSync(path.join(mlsDir, 'bad', 'expectations.json'), 'utf8')) as Record<string, { fires: string[]; also_fires?: string[] }>;
    const bad = xmlIn('bad');
    expect(bad.map((f) => path.basename(f))).toEqual(Object.keys(expectations).sort());
    const { code, lines } = await validate('--transaction', 'MLS', ...bad);
    expect(code).toBe(1);
    const got = Object.fromEntries(lines.map((l) => [path.basename(l.file), [...new Set(l.fired.map((f) => `${f.id}:${f.flag}`))].sort()]));
    const want = Object.fromEntries(Object.entries(expectations).map(([f, e]) => [f, [...e.fires, ...(e.also_fires ?? [])].map((id) => `${id}:fatal`).sort()]));
    expect(got).toEqual(want);
  });
});

describe.skipIf(present)('official MLS artefacts', () => {
  it.skip(`../shared/conformance/mls is absent (${mlsDir}): MLS conformance tests skipped`, () => undefined);
});
