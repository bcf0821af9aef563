import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalogue } from '../support/catalogue-generator.js';
import { ValidationEngine } from '../../src/validation/validation-engine.js';
import { prepareShipped, ublSchemaDir } from './support.js';

describe('generated T19 catalogue', () => {
  let engine: ValidationEngine;
  beforeAll(async () => {
    engine = new ValidationEngine({ release: await prepareShipped(['T19']), ublSchemaDir, maxDocumentBytes: 64 * 1024 * 1024 });
  });
  afterAll(() => engine?.dispose());

  it('is valid under the UBL schema and the official T19 rules', () => {
    const report = engine.validate(generateCatalogue(25));
    expect(report.fired).toEqual([]);
    expect(report).toMatchObject({ transaction: 'T19', valid: true });
  });

  it('grows by one CatalogueLine per requested line', () => {
    expect(generateCatalogue(7).match(/<cac:CatalogueLine>/g)).toHaveLength(7);
  });
});
