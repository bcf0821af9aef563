import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transactionRegistry } from '../../src/peppol/index.js';
import { ValidationEngine } from '../../src/validation/validation-engine.js';
import { disagreements, STALE_CASES, type UnitCase } from './conformance-scoring.js';
import { conformanceDir, hasConformance, IN_SCOPE, prepareShipped, SKIP_MESSAGE, ublSchemaDir } from './support.js';

if (!hasConformance) console.warn(SKIP_MESSAGE);

function examplesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.xml'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

describe.skipIf(!hasConformance)('official Peppol BIS conformance (release 2025.11, compiled rules)', () => {
  let engine: ValidationEngine;
  let release: Awaited<ReturnType<typeof prepareShipped>>;
  beforeAll(async () => {
    release = await prepareShipped();
    // Every in-scope transaction of the BIS release must run on the compiled rules, none on the
    // fallback engine; the rules shipped with the product (MLS, reporting) are compiled beside them.
    const shipped = new Set(transactionRegistry.transactions.filter((t) => t.shippedRules).map((t) => t.id));
    expect(Object.keys(release.compiled).filter((id) => !shipped.has(id)).sort()).toEqual([...IN_SCOPE].sort());
    expect(Object.keys(release.compiled).filter((id) => shipped.has(id)).sort()).toEqual([...shipped].sort());
    engine = new ValidationEngine({ release, ublSchemaDir, maxDocumentBytes: 64 * 1024 * 1024 });
  });
  afterAll(() => engine?.dispose());

  it('agrees with every in-scope unit test expectation except the documented stale case', () => {
    const cases = (JSON.parse(readFileSync(path.join(conformanceDir, 'unit/expectations.json'), 'utf8')) as UnitCase[])
      .filter((c) => (IN_SCOPE as readonly string[]).includes(c.transaction));
    expect(cases.length).toBeGreaterThan(150);
    const failures: string[] = [];
    let scored = 0;
    let agreed = 0;
    for (const unit of cases) {
      if (STALE_CASES.has(unit.file)) continue;
      // Unit tests are fragments: only the rules under test matter, so the UBL schema is not applied.
      const report = engine.validate(readFileSync(path.join(conformanceDir, 'unit', unit.file)), { transaction: unit.transaction, xsd: false });
      scored++;
      const problems = disagreements(unit, report.fired);
      if (!problems.length) agreed++;
      if (problems.length) failures.push(`${unit.file}: ${problems.join('; ')}`);
    }
    console.info(`conformance: ${agreed}/${scored} in-scope unit cases agree`);
    expect(failures).toEqual([]);
    expect(agreed).toBe(scored);
  });

  it('finds every official example of the in-scope transactions valid, XSD included', () => {
    const checked: string[] = [];
    const invalid: string[] = [];
    for (const file of examplesIn(path.join(conformanceDir, 'examples'))) {
      const report = engine.validate(readFileSync(file));
      if (!report.transaction || !(IN_SCOPE as readonly string[]).includes(report.transaction)) continue;
      checked.push(`${report.transaction} ${path.relative(conformanceDir, file)}`);
      if (!report.valid) invalid.push(`${file}: ${report.fired.filter((f) => f.flag === 'fatal').map((f) => `${f.id} ${f.text}`).join(' | ')}`);
    }
    for (const t of IN_SCOPE) expect(checked.some((c) => c.startsWith(`${t} `)), `an example of ${t}`).toBe(true);
    expect(invalid).toEqual([]);
  });

  it('reports the same on one official example per transaction when libxml2 runs in a single-use thread', () => {
    const isolated = new ValidationEngine({ release, ublSchemaDir, maxDocumentBytes: 64 * 1024 * 1024, isolateFromBytes: 1 });
    try {
      const seen = new Set<string>();
      for (const file of examplesIn(path.join(conformanceDir, 'examples'))) {
        const input = readFileSync(file);
        const expected = engine.validate(input);
        if (!expected.transaction || seen.has(expected.transaction)) continue;
        seen.add(expected.transaction);
        expect(isolated.validate(input), file).toEqual(expected);
        const broken = Buffer.from(input.toString('utf8').replace(/<cbc:ID>/, '<cbc:Bogus/><cbc:ID>'));
        expect(isolated.validate(broken), `${file} with a schema error`).toEqual(engine.validate(broken));
      }
      for (const t of IN_SCOPE) expect(seen.has(t), `an example of ${t}`).toBe(true);
    } finally {
      isolated.dispose();
    }
    // Every example validates twice and each isolated check starts a thread with its schemas compiled.
  }, 240_000);
});
