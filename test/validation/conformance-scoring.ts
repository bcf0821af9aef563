import type { FiredRule } from '../../src/validation/validation-report.js';

/** One case of `unit/expectations.json` (see ../shared/conformance/README.md). */
export interface UnitCase {
  file: string;
  transaction: string;
  scope: string[];
  expect: { success: string[]; error: string[]; warning: string[] };
  source: string;
}

/** The case the conformance README documents as stale: the official artefacts do not agree with it. */
export const STALE_CASES = new Set(['unit-common/PEPPOL-COMMON-R048--2.xml']);

/** Agrees when every expected error fired as fatal, every expected warning as warning, and no success id fired. */
export function disagreements(unit: UnitCase, fired: readonly FiredRule[]): string[] {
  const firedAs = (id: string, flag: string) => fired.some((f) => f.id === id && f.flag === flag);
  const problems: string[] = [];
  for (const id of unit.expect.error) if (!firedAs(id, 'fatal')) problems.push(`${id} did not fire as fatal`);
  for (const id of unit.expect.warning) if (!firedAs(id, 'warning')) problems.push(`${id} did not fire as warning`);
  for (const id of unit.expect.success) if (fired.some((f) => f.id === id)) problems.push(`${id} fired but must not`);
  return problems;
}
