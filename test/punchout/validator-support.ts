import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { ValidationReport } from '../../src/validation/validation-report.js';
import { validationConfig } from '../../src/validation/validation.config.js';
import { Validator } from '../../src/validation/validator.js';

const sharedDir = path.resolve(process.cwd(), '../shared');
export const examplesDir = path.join(sharedDir, 'conformance', 'examples');
export const hasExamples = existsSync(path.join(examplesDir, 'PunchOut_Example.xml'));
export const NO_EXAMPLES = `../shared/conformance/examples is absent (${examplesDir}): tests on the official examples skipped`;

/** The product's validator on the calling thread, official rules of the shipped release. */
export function createValidator(): Validator {
  return new Validator({
    ...validationConfig.load({
      VALIDATION_POOL_SIZE: '0',
      VALIDATION_RULES_DIR: path.join(os.tmpdir(), 'peppol-ap-test-rules-business'),
      // Compiled stylesheets are keyed by the hash of their source, so they are safely shared.
      VALIDATION_CACHE_DIR: path.join(os.tmpdir(), 'peppol-ap-test-sef-cache'),
      VALIDATION_TRANSACTIONS: 'T77,T01,T19,T58',
    }),
  });
}

/** Fails with the fired fatal rules when the document is not valid as `transaction`. */
export function expectValid(report: ValidationReport, transaction: string): void {
  const fatal = report.fired.filter((rule) => rule.flag === 'fatal').map((rule) => `${rule.id} at ${rule.location}: ${rule.text}`);
  expect(fatal).toEqual([]);
  expect(report.transaction).toBe(transaction);
  expect(report.valid).toBe(true);
}

export function warnings(report: ValidationReport): string[] {
  return report.fired.filter((rule) => rule.flag === 'warning').map((rule) => `${rule.id}: ${rule.text}`);
}
