import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, validateWithCli } from '../support/cli-validate.js';
import { sefCacheDir } from '../validation/support.js';

/**
 * The official TSR and EUSR examples and bad examples through `peppol-ap validate` as an operator
 * runs it (the built entry point): every example valid (XSD and schematron), recognised by its
 * CustomizationID; every bad example fires exactly what the official schematron fires on it, all fatal.
 */
const reportingDir = path.resolve(process.cwd(), '../shared/conformance/reporting');
const present = existsSync(path.join(reportingDir, 'tsr', 'bad', 'expectations.json')) && existsSync(path.join(reportingDir, 'eusr', 'bad', 'expectations.json'));
const work = mkdtempSync(path.join(os.tmpdir(), 'reporting-validate-'));
// VALIDATION_TRANSACTIONS limits the BIS rules compiled; the reporting rules are served whatever it says.
const env = { ...process.env, VALIDATION_RULES_DIR: path.join(work, 'rules'), VALIDATION_CACHE_DIR: sefCacheDir, VALIDATION_TRANSACTIONS: 'T19', VALIDATION_POOL_SIZE: '0' };

const validate = (...args: string[]) => validateWithCli(env, ...args);

const xmlIn = (dir: string) =>
  readdirSync(path.join(reportingDir, dir)).filter((f) => f.endsWith('.xml')).sort().map((f) => path.join(reportingDir, dir, f));

describe.skipIf(!present)('official TSR and EUSR artefacts through peppol-ap validate', () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('is built', () => {
    expect(existsSync(cli), `${cli} missing: run npm run build`).toBe(true);
  });

  for (const [id, dir] of [['TSR', 'tsr'], ['EUSR', 'eusr']] as const) {
    it(`finds every official ${id} example valid, recognised by its CustomizationID and when asked for ${id}`, async () => {
      const examples = xmlIn(`${dir}/examples`);
      expect(examples.length).toBeGreaterThanOrEqual(6);
      for (const args of [examples, ['--transaction', id, ...examples]]) {
        const { code, lines, stderr } = await validate(...args);
        expect(stderr).toBe('');
        expect(lines.filter((l) => !l.valid).map((l) => ({ file: path.basename(l.file), fired: l.fired })), 'invalid examples').toEqual([]);
        expect(lines.map((l) => l.transaction)).toEqual(examples.map(() => id));
        expect(code).toBe(0);
      }
    });

    it(`fires on every ${id} bad example what the official schematron fires (its target rule among them), all fatal, and exits 1`, async () => {
      const expectations = JSON.parse(readFileSync(path.join(reportingDir, dir, 'bad', 'expectations.json'), 'utf8')) as Record<
        string,
        { fires: string[]; also_fires?: string[]; intended?: string }
      >;
      const bad = xmlIn(`${dir}/bad`);
      expect(bad.map((f) => path.basename(f))).toEqual(Object.keys(expectations).sort());
      const { code, lines } = await validate('--transaction', id, ...bad);
      expect(code).toBe(1);
      expect(lines).toHaveLength(bad.length);
      const got = Object.fromEntries(lines.map((l) => [path.basename(l.file), [...new Set(l.fired.map((f) => `${f.id}:${f.flag}`))].sort()]));
      const want = Object.fromEntries(Object.entries(expectations).map(([f, e]) => [f, [...e.fires, ...(e.also_fires ?? [])].map((r) => `${r}:fatal`).sort()]));
      expect(got).toEqual(want);
      // The file name names the rule it is written for (tsr-04-2 → SCH-TSR-04); it fires, except for
      // the one example the expectations mark stale (intended, with what fires instead).
      for (const [file, e] of Object.entries(expectations)) {
        const target = `SCH-${id}-${file.split('-')[1]!.replace('.xml', '')}`;
        if (e.intended) expect(e.intended, file).toBe(target);
        else expect(got[file], file).toContain(`${target}:fatal`);
      }
    });
  }
});

describe.skipIf(present)('official TSR and EUSR artefacts', () => {
  it.skip(`../shared/conformance/reporting is absent (${reportingDir}): reporting conformance tests skipped`, () => undefined);
});
