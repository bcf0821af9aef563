import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { UsageError } from '../common/usage-error.js';
import { ReleaseError } from './rules/rule-release.js';
import { UnknownTransactionError } from '../peppol/index.js';
import type { ValidationReport } from './validation-report.js';
import { validationConfig } from './validation.config.js';
import { Validator } from './validator.js';
import { describeGroups } from './report-groups.js';

export function registerValidationCommands(program: Command): void {
  program
    .command('validate')
    .description('Validate Peppol documents: BIS transactions, Message Level Status, TSR and EUSR reports (XML schema + official OpenPeppol rules); exit 1 when any is invalid')
    .argument('<files...>', 'XML documents')
    .option('--json', 'print one JSON line per file', false)
    .option('--transaction <id>', 'validate as this transaction (e.g. T77, MLS, TSR, EUSR) instead of the one each document names')
    .action(async (files: string[], opts: { json: boolean; transaction?: string }) => {
      const validator = new Validator(validationConfig.load());
      try {
        let anyInvalid = false;
        for (const file of files) {
          const report = await validateFile(validator, file, opts.transaction);
          anyInvalid ||= !report.valid;
          process.stdout.write(opts.json ? `${JSON.stringify({ file, transaction: report.transaction, valid: report.valid, fired: report.fired })}\n` : describe(file, report));
        }
        if (anyInvalid) process.exitCode = 1;
      } finally {
        await validator.close();
      }
    });

  const rules = program.command('rules').description('Official Peppol BIS rule releases');
  rules
    .command('install')
    .description('Compile a rule release folder (VERSION + PEPPOLBIS-Txx.xslt, optional examples/), check it against its examples, make it active')
    .argument('<dir>', 'release folder')
    .action(async (dir: string) => {
      const validator = new Validator({ ...validationConfig.load(), poolSize: 0 });
      try {
        const outcome = await validator.install(dir);
        process.stdout.write(`installed rule release ${outcome.version} (${outcome.transactions.join(' ')}); ${outcome.examplesChecked} examples checked; now active\n`);
      } catch (error) {
        if (error instanceof ReleaseError) throw new Error(error.message);
        throw error;
      } finally {
        await validator.close();
      }
    });
  rules
    .command('list')
    .description('Show the shipped and installed rule releases and which one is active')
    .option('--json', 'print JSON', false)
    .action(async (opts: { json: boolean }) => {
      const validator = new Validator({ ...validationConfig.load(), poolSize: 0 });
      let listing;
      try {
        listing = await validator.list();
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(listing)}\n`);
        return;
      }
      for (const r of listing) {
        process.stdout.write(`${r.active ? '*' : ' '} ${r.version.padEnd(12)} ${r.origin.padEnd(9)} ${r.transactions.join(' ')}  ${r.dir}\n`);
      }
    });
}

async function validateFile(validator: Validator, file: string, transaction: string | undefined): Promise<ValidationReport> {
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return await validator.validate(content, { transaction });
  } catch (error) {
    if (error instanceof UnknownTransactionError) throw new UsageError(error.message);
    throw error;
  }
}

function describe(file: string, report: ValidationReport): string {
  const fatal = report.fired.filter((f) => f.flag === 'fatal').length;
  const warnings = report.fired.length - fatal;
  const head = `${file}: ${report.transaction ?? 'unknown transaction'} ${report.valid ? 'valid' : 'INVALID'} (${fatal} fatal, ${warnings} other; rules ${report.release})\n`;
  return head + describeGroups(report.fired).map((line) => `  ${line}\n`).join('');
}
