import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalogue, generateEnvelopedCatalogue } from '../support/catalogue-generator.js';
import { UnknownTransactionError } from '../../src/peppol/index.js';
import { Validator, type ValidatorSettings } from '../../src/validation/validator.js';
import { ValidationTimeoutError } from '../../src/validation/worker-pool.js';
import { sefCacheDir, shippedReleaseDir, ublSchemaDir } from './support.js';

const ORDER_NS = 'urn:oasis:names:specification:ubl:schema:xsd:Order-2';
const CBC_NS = 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2';

function settings(rulesDir: string, overrides: Partial<ValidatorSettings> = {}): ValidatorSettings {
  return {
    rulesDir,
    cacheDir: sefCacheDir,
    shippedRulesDir: shippedReleaseDir,
    ublSchemaDir,
    poolSize: 2,
    maxDocumentBytes: 8 * 1024 * 1024,
    // Parsed on the validating thread whatever the size (the isolated check has its own test).
    isolateFromBytes: 0,
    timeoutMs: 120_000,
    workerMaxHeapMb: 1024,
    compileTimeoutMs: 180_000,
    transactions: ['T19', 'T01'],
    engine: 'compiled',
    ...overrides,
  };
}

function newRulesDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'validator-'));
}

describe('Validator on worker threads', () => {
  let rulesDir: string;
  let validator: Validator;
  beforeAll(async () => {
    rulesDir = newRulesDir();
    validator = new Validator(settings(rulesDir));
    await validator.start();
  });
  afterAll(async () => {
    await validator?.close();
    rmSync(rulesDir, { recursive: true, force: true });
  });

  it('validates a catalogue off the main thread while the event loop keeps ticking', async () => {
    const doc = generateCatalogue(150);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = Date.now();
    const report = await validator.validate(Buffer.from(doc));
    const elapsed = Date.now() - started;
    clearInterval(timer);
    expect(report).toMatchObject({ transaction: 'T19', valid: true, fired: [], release: '2025.11' });
    // A blocked loop would tick about once; a free one ticks many times while the thread works.
    expect(ticks).toBeGreaterThan(Math.min(10, elapsed / 20));
  });

  it('validates several documents at once, each with its own verdict', async () => {
    const broken = generateCatalogue(3).replace('<cbc:ActionCode>Add</cbc:ActionCode>', '<cbc:ActionCode>Bogus</cbc:ActionCode>');
    const [good, bad] = await Promise.all([validator.validate(generateCatalogue(3)), validator.validate(broken)]);
    expect(good.valid).toBe(true);
    expect(bad.valid).toBe(false);
    expect(bad.fired.some((f) => f.flag === 'fatal' && f.id.startsWith('PEPPOL-T19-'))).toBe(true);
  });

  it('reports an unknown customization as such instead of guessing a transaction', async () => {
    const doc = `<Order xmlns="${ORDER_NS}" xmlns:cbc="${CBC_NS}"><cbc:CustomizationID>urn:example:not-peppol</cbc:CustomizationID></Order>`;
    const report = await validator.validate(doc);
    expect(report).toMatchObject({ transaction: null, valid: false });
    expect(report.fired).toEqual([expect.objectContaining({ id: 'PEPPOL-UNKNOWN-CUSTOMIZATION', flag: 'fatal' })]);
    expect(report.fired[0]!.text).toContain('urn:example:not-peppol');
  });

  it('reports schema errors as XSD items with their path', async () => {
    const doc = generateCatalogue(1).replace(/<cbc:Name>Generated catalogue[^<]*<\/cbc:Name>/, '<cbc:Nonsense>x</cbc:Nonsense>');
    const report = await validator.validate(doc);
    expect(report.valid).toBe(false);
    expect(report.fired).toContainEqual(expect.objectContaining({ id: 'XSD', flag: 'fatal', text: expect.stringContaining('Nonsense') }));
  });

  it('refuses a DOCTYPE, an oversized document and malformed XML with specific ids', async () => {
    const doctype = await validator.validate('<!DOCTYPE Catalogue [<!ENTITY x "y">]><Catalogue/>');
    expect(doctype.fired.map((f) => f.id)).toEqual(['XML-DOCTYPE']);
    const big = await validator.validate(Buffer.alloc(8 * 1024 * 1024 + 1, 0x20));
    expect(big.fired.map((f) => f.id)).toEqual(['XML-SIZE']);
    const malformed = await validator.validate('<Catalogue><x></Catalogue>');
    expect(malformed.fired[0]).toMatchObject({ id: 'XML-WELLFORMED', flag: 'fatal' });
  });

  it('validates the business document inside an SBDH envelope and checks its document type', async () => {
    const wrap = (customization: string) => generateEnvelopedCatalogue(2, customization);
    expect(await validator.validate(wrap('urn:fdc:peppol.eu:poacc:trns:catalogue:3'))).toMatchObject({ transaction: 'T19', valid: true, fired: [] });
    const mismatch = await validator.validate(wrap('urn:fdc:peppol.eu:poacc:trns:punch_out:3'));
    expect(mismatch.fired.map((f) => f.id)).toEqual(['SBDH-DOCUMENT-TYPE']);
  });

  it('rejects an unknown transaction option as a caller error', async () => {
    await expect(validator.validate(generateCatalogue(1), { transaction: 'T999' })).rejects.toBeInstanceOf(UnknownTransactionError);
  });
});

describe('Validator thread limits', () => {
  it('stops a document that overruns its time and keeps serving the next ones', async () => {
    const rulesDir = newRulesDir();
    // 1.5 s is far below what 20,000 catalogue lines take with either engine, and enough for a
    // fresh thread to load the rules and validate one line.
    const validator = new Validator(settings(rulesDir, { poolSize: 1, timeoutMs: 1_500, maxDocumentBytes: 128 * 1024 * 1024 }));
    try {
      await validator.start();
      const overrun = validator.validate(generateCatalogue(20_000));
      // Queued behind the overrun on the only thread: their time starts when the thread takes them.
      const queued = [validator.validate(generateCatalogue(1)), validator.validate(generateCatalogue(2))];
      await expect(overrun).rejects.toBeInstanceOf(ValidationTimeoutError);
      for (const report of await Promise.all(queued)) expect(report).toMatchObject({ valid: true });
      expect(await validator.validate(generateCatalogue(1))).toMatchObject({ valid: true });
    } finally {
      await validator.close();
      rmSync(rulesDir, { recursive: true, force: true });
    }
  });
});

describe('Validator threads and a new rule release', () => {
  it('validates with the installed release on fresh threads', async () => {
    const rulesDir = newRulesDir();
    const release = path.join(rulesDir, 'incoming');
    cpSync(shippedReleaseDir, release, { recursive: true });
    writeFileSync(path.join(release, 'VERSION'), '2025.11-threads\n');
    const validator = new Validator(settings(rulesDir, { poolSize: 1, transactions: ['T19'] }));
    try {
      expect(await validator.validate(generateCatalogue(1))).toMatchObject({ valid: true, release: '2025.11' });
      await validator.install(release);
      const reports = await Promise.all([validator.validate(generateCatalogue(1)), validator.validate(generateCatalogue(2))]);
      expect(reports.map((r) => r.release)).toEqual(['2025.11-threads', '2025.11-threads']);
      expect(reports.every((r) => r.valid)).toBe(true);
    } finally {
      await validator.close();
      rmSync(rulesDir, { recursive: true, force: true });
    }
  });
});
