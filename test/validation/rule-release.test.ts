import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalogue } from '../support/catalogue-generator.js';
import { Validator } from '../../src/validation/validator.js';
import { conformanceDir, hasConformance, sefCacheDir, shippedReleaseDir, ublSchemaDir } from './support.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'rule-release-'));
const rulesDir = path.join(work, 'rules');

/** A copy of the shipped release under another name, with examples to check it against. */
function releaseCopy(name: string, version: string, edit?: (dir: string) => void): string {
  const dir = path.join(work, name);
  cpSync(shippedReleaseDir, dir, { recursive: true });
  writeFileSync(path.join(dir, 'VERSION'), `${version}\n`);
  mkdirSync(path.join(dir, 'examples'));
  writeFileSync(path.join(dir, 'examples', 'generated-catalogue.xml'), generateCatalogue(5));
  // The official examples are copied into the temporary release only, never into the project.
  if (hasConformance) cpSync(path.join(conformanceDir, 'examples', 'Catalogue_Example.xml'), path.join(dir, 'examples', 'Catalogue_Example.xml'));
  edit?.(dir);
  return dir;
}

function newValidator(): Validator {
  return new Validator({
    rulesDir, cacheDir: sefCacheDir, shippedRulesDir: shippedReleaseDir, ublSchemaDir,
    poolSize: 0, maxDocumentBytes: 8 * 1024 * 1024, isolateFromBytes: 0, timeoutMs: 60_000, workerMaxHeapMb: 512,
    compileTimeoutMs: 180_000, transactions: ['T19'], engine: 'compiled',
  });
}

const T19_XSLT = 'xslt/PEPPOLBIS-T19.xslt';
const T19_SCH = 'sch/PEPPOLBIS-T19.sch';

function truncate(file: string): void {
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.slice(0, Math.floor(text.length / 2)));
}

/** Replaces the test of one assertion (found by its id) in a schematron or its compiled XSLT. */
function replaceTest(file: string, id: string, quote: (at: number, text: string) => number): void {
  const text = readFileSync(file, 'utf8');
  const start = quote(text.indexOf(id), text);
  const end = text.indexOf('"', start);
  writeFileSync(file, `${text.slice(0, start)}false()${text.slice(end)}`);
}

describe('drop-in rule releases', () => {
  let validator: Validator;
  beforeAll(() => {
    validator = newValidator();
  });
  afterAll(async () => {
    await validator?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('starts on the shipped release', async () => {
    await validator.start();
    expect(validator.release).toBe('2025.11');
    expect((await validator.list()).find((r) => r.active)).toMatchObject({ version: '2025.11', origin: 'shipped' });
  });

  it('installs a copy of the shipped release under a new name, checks its examples and uses it', async () => {
    const outcome = await validator.install(releaseCopy('copy', '2025.11-copy'));
    expect(outcome).toEqual({ version: '2025.11-copy', transactions: ['T19'], examplesChecked: hasConformance ? 2 : 1 });
    expect(validator.release).toBe('2025.11-copy');
    expect(await validator.validate(generateCatalogue(2))).toMatchObject({ valid: true, release: '2025.11-copy' });
    const listing = await validator.list();
    expect(listing.filter((r) => r.active).map((r) => r.version)).toEqual(['2025.11-copy']);
    // A fresh process (a restart) picks the installed release up.
    const restarted = newValidator();
    await restarted.start();
    expect(restarted.release).toBe('2025.11-copy');
    await restarted.close();
  });

  it('refuses a release whose stylesheet does not compile, and keeps the active one', async () => {
    const broken = releaseCopy('truncated', '2026.1-truncated', (dir) => {
      truncate(path.join(dir, T19_XSLT));
      truncate(path.join(dir, T19_SCH));
    });
    await expect(validator.install(broken)).rejects.toThrow(/release 2026\.1-truncated refused: cannot compile PEPPOLBIS-T19\.sch: not an ISO schematron schema/);
    expect(validator.release).toBe('2025.11-copy');
    expect(await validator.validate(generateCatalogue(1))).toMatchObject({ valid: true, release: '2025.11-copy' });
    expect(readdirSync(path.join(rulesDir, 'releases')).sort()).toEqual(['2025.11-copy']);
  });

  it('refuses a release whose rules reject its own examples, and keeps the active one', async () => {
    const strict = releaseCopy('rejecting', '2026.2-rejecting', (dir) => {
      // Turns rule PEPPOL-T19-R001's test into one that always fails, in the schematron and its XSLT.
      replaceTest(path.join(dir, T19_SCH), 'id="PEPPOL-T19-R001"', (at, text) => text.indexOf('test="', at) + 'test="'.length);
      replaceTest(path.join(dir, T19_XSLT), '>PEPPOL-T19-R001</xsl:attribute>', (at, text) => text.lastIndexOf('<xsl:when test="', at) + '<xsl:when test="'.length);
    });
    await expect(validator.install(strict)).rejects.toThrow(/release 2026\.2-rejecting refused: .*example .*generated-catalogue\.xml is not valid.*PEPPOL-T19-R001/);
    expect(validator.release).toBe('2025.11-copy');
    expect(existsSync(path.join(rulesDir, 'releases', '2026.2-rejecting'))).toBe(false);
  });

  it('refuses a folder without VERSION or without compiled rules, naming what is missing', async () => {
    const empty = path.join(work, 'empty');
    mkdirSync(empty);
    await expect(validator.install(empty)).rejects.toThrow(/has no VERSION file/);
    writeFileSync(path.join(empty, 'VERSION'), '2027.1\n');
    await expect(validator.install(empty)).rejects.toThrow(/no official rules \(PEPPOLBIS-Txx\.sch or its compiled PEPPOLBIS-Txx\.xslt\)/);
  });

  it('runs a release that ships only the compiled XSLT with SaxonJS, and one with only the .sch compiled', async () => {
    const xsltOnly = releaseCopy('xslt-only', '2026.3-xslt-only', (dir) => rmSync(path.join(dir, 'sch'), { recursive: true }));
    expect(await validator.install(xsltOnly)).toMatchObject({ version: '2026.3-xslt-only', transactions: ['T19'] });
    const prepared = await validator.rules.prepareActive();
    expect(prepared).toMatchObject({ compiled: {}, fallbacks: { T19: 'the release has no .sch for it' } });
    expect(Object.keys(prepared.sef)).toEqual(['T19']);
    const schOnly = releaseCopy('sch-only', '2026.4-sch-only', (dir) => rmSync(path.join(dir, 'xslt'), { recursive: true }));
    expect(await validator.install(schOnly)).toMatchObject({ version: '2026.4-sch-only', transactions: ['T19'] });
    // The MLS and reporting rules ship with the product and are served beside any release.
    expect(Object.keys((await validator.rules.prepareActive()).compiled)).toEqual(['T19', 'MLS', 'TSR', 'EUSR']);
    expect(await validator.validate(generateCatalogue(2))).toMatchObject({ valid: true, release: '2026.4-sch-only' });
  });

  it('refuses to install the same release name twice', async () => {
    await expect(validator.install(releaseCopy('again', '2025.11-copy'))).rejects.toThrow(/already installed/);
  });
});
