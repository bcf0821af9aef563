import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCatalogue } from '../support/catalogue-generator.js';
import { sefCacheDir } from './support.js';

const run = promisify(execFile);
/** The operator command as installed: the built entry point (`npm test` builds first). */
const cli = path.resolve(process.cwd(), 'dist/cli/main.js');
const work = mkdtempSync(path.join(os.tmpdir(), 'validate-cli-'));
const env = { ...process.env, VALIDATION_RULES_DIR: path.join(work, 'rules'), VALIDATION_CACHE_DIR: sefCacheDir, VALIDATION_TRANSACTIONS: 'T19', VALIDATION_POOL_SIZE: '1' };

async function peppolAp(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { env, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('peppol-ap validate / rules', () => {
  const valid = path.join(work, 'catalogue.xml');
  const invalid = path.join(work, 'catalogue-with-unknown-action-code.xml');
  writeFileSync(valid, generateCatalogue(2));
  writeFileSync(invalid, generateCatalogue(2).replace('<cbc:ActionCode>Add</cbc:ActionCode>', '<cbc:ActionCode>Bogus</cbc:ActionCode>'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('is built', () => {
    expect(existsSync(cli), `${cli} missing: run npm run build`).toBe(true);
  });

  it('prints one JSON line per file and exits 1 when any document is invalid', async () => {
    const { code, stdout } = await peppolAp('validate', '--json', valid, invalid);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; transaction: string; valid: boolean; fired: { id: string; flag: string }[] });
    expect(lines.map((l) => [l.file, l.transaction, l.valid])).toEqual([[valid, 'T19', true], [invalid, 'T19', false]]);
    expect(Object.keys(lines[1]!.fired[0]!).sort()).toEqual(['flag', 'id', 'location', 'text']);
    expect(code).toBe(1);
  });

  it('exits 0 when all are valid and 2 on an unreadable file or unknown transaction', async () => {
    expect((await peppolAp('validate', valid)).code).toBe(0);
    const missing = await peppolAp('validate', path.join(work, 'absent.xml'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read');
    expect((await peppolAp('validate', '--transaction', 'T999', valid)).code).toBe(2);
  });

  it('lists the active rule release', async () => {
    const { code, stdout } = await peppolAp('rules', 'list');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\* 2025\.11\s+shipped\s+T77 T19 T58 T01 T76/m);
  });
});
