import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { transactionRegistry } from '../../peppol/index.js';
import { ValidationEngine } from '../validation-engine.js';
import { LocalRuleId } from '../validation-report.js';
import { preparedTransactions, type PreparedRelease } from './prepared-release.js';
import type { RuleRelease } from './rule-release.js';

export interface CheckSettings {
  ublSchemaDir: string;
  maxDocumentBytes: number;
}

/**
 * Checks a compiled release before it is used: each stylesheet must run to the end on a document of
 * its transaction, and every example the release ships must be valid under it (schema included).
 * Returns the problems found, empty when the release may be used.
 */
export async function checkRelease(release: RuleRelease, prepared: PreparedRelease, settings: CheckSettings): Promise<{ problems: string[]; examplesChecked: number }> {
  const engine = new ValidationEngine({ release: prepared, ...settings });
  const problems: string[] = [];
  let examplesChecked = 0;
  try {
    const served = preparedTransactions(prepared);
    for (const id of served) {
      const t = transactionRegistry.require(id);
      const probe = `<${t.rootName} xmlns="${t.rootNamespace}" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"><cbc:CustomizationID>${t.customizationId}</cbc:CustomizationID></${t.rootName}>`;
      const report = engine.validate(probe, { xsd: false });
      const stopped = report.fired.find((f) => f.id === LocalRuleId.engineError);
      if (stopped) problems.push(`${id}: ${stopped.text}`);
      else if (report.fired.length === 0) problems.push(`${id}: the rules fire nothing on an empty ${t.rootName}, so they cannot be the official rules`);
    }
    for (const file of release.examples) {
      const report = engine.validate(await readFile(file));
      if (!report.transaction || !served.includes(report.transaction)) continue;
      examplesChecked++;
      if (!report.valid) {
        const fatal = report.fired.filter((f) => f.flag === 'fatal').slice(0, 3).map((f) => `${f.id}: ${f.text}`);
        problems.push(`example ${path.relative(release.dir, file)} is not valid under it (${fatal.join(' | ')})`);
      }
    }
  } finally {
    engine.dispose();
  }
  return { problems, examplesChecked };
}
