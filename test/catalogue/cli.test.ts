import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Validator } from '../../src/validation/validator.js';
import { run } from '../punchout/cli-support.js';
import { createValidator, examplesDir, expectValid, hasExamples, NO_EXAMPLES } from '../punchout/validator-support.js';

if (!hasExamples) console.warn(NO_EXAMPLES);

describe.skipIf(!hasExamples)('peppol-ap catalogue respond', () => {
  let validator: Validator;
  const saved = { ...process.env };

  beforeAll(async () => {
    // The command builds its own validator from the environment.
    Object.assign(process.env, {
      VALIDATION_RULES_DIR: path.join(os.tmpdir(), 'peppol-ap-test-rules-business'),
      VALIDATION_CACHE_DIR: path.join(os.tmpdir(), 'peppol-ap-test-sef-cache'),
      VALIDATION_TRANSACTIONS: 'T19',
    });
    validator = createValidator();
    await validator.start();
  });
  afterAll(async () => {
    process.env = saved;
    await validator?.close();
  });

  it('answers the official catalogue example with a valid acceptance', async () => {
    const { stdout } = await run('catalogue', 'respond', '--response-id', 'R-9', '--issue-date', '2026-01-06', path.join(examplesDir, 'Catalogue_Example.xml'));
    expect(stdout).toContain('<cbc:ResponseCode>AP</cbc:ResponseCode>');
    expectValid(await validator.validate(stdout), 'T58');
  });

  it('answers with an explicit rejection and its reasons', async () => {
    const { stdout } = await run('catalogue', 'respond', '--decision', 'RE', '--reason', 'prices above contract', path.join(examplesDir, 'Catalogue_Example.xml'));
    expect(stdout).toContain('<cbc:ResponseCode>RE</cbc:ResponseCode>');
    expect(stdout).toContain('<cbc:Note>prices above contract</cbc:Note>');
    expectValid(await validator.validate(stdout), 'T58');
  });

  it('refuses an unknown decision code and a document that is not a catalogue', async () => {
    await expect(run('catalogue', 'respond', '--decision', 'OK', path.join(examplesDir, 'Catalogue_Example.xml'))).rejects.toThrow(/--decision must be one of AP, RE, AB/);
    await expect(run('catalogue', 'respond', path.join(examplesDir, 'Order_Example.xml'))).rejects.toThrow(/cannot answer .*expected a UBL Catalogue/);
  });
});
