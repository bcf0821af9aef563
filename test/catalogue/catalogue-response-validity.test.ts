import { createReadStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideCatalogue, expectsResponse } from '../../src/catalogue/catalogue-decision.js';
import { generateCatalogueBytes } from '../support/catalogue-generator.js';
import { openCatalogue } from '../../src/catalogue/catalogue-reader.js';
import { catalogueResponse } from '../../src/catalogue/catalogue-response.js';
import { findAll, text } from '../../src/ubl/reader.js';
import { parseXmlSafely } from '../../src/ubl/safe-parse.js';
import type { Validator } from '../../src/validation/validator.js';
import { createValidator, examplesDir, expectValid, hasExamples, NO_EXAMPLES } from '../punchout/validator-support.js';

if (!hasExamples) console.warn(NO_EXAMPLES);
const example = path.join(examplesDir, 'Catalogue_Example.xml');

/** Catalogue in, response out, both checked with the official T19/T58 rules. */
describe('catalogue responses are valid Peppol BIS catalogue responses (T58)', () => {
  let validator: Validator;
  beforeAll(async () => {
    validator = createValidator();
    await validator.start();
  });
  afterAll(() => validator?.close());

  async function respondTo(bytes: Buffer) {
    const reader = await openCatalogue(Readable.from([bytes]));
    let lines = 0;
    for await (const _ of reader.lines) lines++;
    const report = await validator.validate(bytes, { transaction: 'T19' });
    const { decision, reasons } = decideCatalogue({ fatal: report.fired.filter((rule) => rule.flag === 'fatal') });
    const xml = catalogueResponse({ catalogue: reader.header, decision, reasons, responseId: 'R-1', issueDate: '2026-01-06', issueTime: '12:00:00' });
    expectValid(await validator.validate(xml), 'T58');
    return { xml, root: parseXmlSafely(xml).documentElement, lines, decision, reasons };
  }

  it.skipIf(!hasExamples)('accepts the official catalogue example', async () => {
    const { root, decision, lines } = await respondTo(readFileSync(example));
    expect(lines).toBe(2);
    expect(decision).toBe('AP');
    expect(text(root, 'cac:DocumentResponse/cac:DocumentReference/cbc:ID')).toBe('1387');
    expect(text(root, 'cac:DocumentResponse/cac:DocumentReference/cbc:VersionID')).toBe('2.0');
    expect(text(root, 'cac:ReceiverParty/cac:PartyLegalEntity/cbc:RegistrationName')).toBe('Helseforetak AS');
  });

  it.skipIf(!hasExamples)('rejects a catalogue breaking the official rules, with the rules as reasons', async () => {
    const broken = readFileSync(example, 'latin1').replace('<cbc:PriceAmount currencyID="EUR">90.00</cbc:PriceAmount>', '<cbc:PriceAmount currencyID="EUR">-90.00</cbc:PriceAmount>');
    const { root, decision, reasons } = await respondTo(Buffer.from(broken, 'latin1'));
    expect(decision).toBe('RE');
    expect(reasons.some((reason) => reason.startsWith('PEPPOL-T19-R006'))).toBe(true);
    expect(text(root, 'cac:DocumentResponse/cac:Response/cbc:ResponseCode')).toBe('RE');
    expect(findAll(root, 'cbc:Note').map((note) => note.textContent)).toEqual(reasons);
  });

  it('accepts a generated catalogue of 300 lines', async () => {
    const { decision, lines } = await respondTo(generateCatalogueBytes({ lines: 300, id: 'GEN-300', versionId: '4' }));
    expect(lines).toBe(300);
    expect(decision).toBe('AP');
  });

  it.skipIf(!hasExamples)('acknowledges, and answers the official response example\'s reference shape', async () => {
    const reader = await openCatalogue(createReadStream(example));
    const xml = catalogueResponse({ catalogue: reader.header, decision: 'AB', responseId: 'R-AB', issueDate: '2026-01-06' });
    expectValid(await validator.validate(xml), 'T58');
    const official = parseXmlSafely(readFileSync(path.join(examplesDir, 'CatalogueResponse_Example.xml'))).documentElement;
    const ours = parseXmlSafely(xml).documentElement;
    for (const path of ['cbc:CustomizationID', 'cbc:ProfileID']) expect(text(ours, path)).toBe(text(official, path));
  });

  it.skipIf(!hasExamples)('knows a catalogue sent without response expected', async () => {
    const reader = await openCatalogue(createReadStream(path.join(examplesDir, 'Cataloge-wo-response-use-cases', 'catalogue-wo-response-use-case-1.xml')));
    expect(expectsResponse(reader.header)).toBe(false);
    expect(expectsResponse((await openCatalogue(createReadStream(example))).header)).toBe(true);
  });
});
