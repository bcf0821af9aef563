import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { UsageError } from '../common/usage-error.js';
import { Clock } from '../common/clock.js';
import { TRANSACTIONS } from '../peppol/index.js';
import { validationConfig } from '../validation/validation.config.js';
import { Validator } from '../validation/validator.js';
import { decideCatalogue, expectsResponse } from './catalogue-decision.js';
import { CatalogueReadError, openCatalogue } from './catalogue-reader.js';
import { catalogueResponse, CatalogueResponseError, type CatalogueDecision } from './catalogue-response.js';
import { catalogueConfig } from './catalogue.config.js';

interface RespondOptions {
  decision?: string;
  reason: string[];
  responseId?: string;
  issueDate?: string;
  issueTime?: string;
}

const DECISIONS: readonly CatalogueDecision[] = ['AP', 'RE', 'AB'];

export function registerCatalogueCommands(program: Command): void {
  const catalogue = program.command('catalogue').description('Catalogues (Peppol BIS T19) and catalogue responses (T58)');
  catalogue
    .command('respond')
    .description('Read a catalogue (T19), validate it with the official rules and print the catalogue response (T58)')
    .argument('<catalogue>', 'catalogue XML file')
    .option('--decision <code>', 'answer AP, RE or AB instead of the validation verdict')
    .option('--reason <text>', 'reason for the decision (repeatable)', (value: string, all: string[]) => [...all, value], [] as string[])
    .option('--response-id <id>', 'response id (default a new UUID)')
    .option('--issue-date <date>', 'YYYY-MM-DD (default today, UTC)')
    .option('--issue-time <time>', 'hh:mm:ss (default now, UTC)')
    .action(async (file: string, opts: RespondOptions) => {
      const config = catalogueConfig.load();
      if (opts.decision !== undefined && !DECISIONS.includes(opts.decision as CatalogueDecision)) {
        throw new UsageError(`--decision must be one of ${DECISIONS.join(', ')}`);
      }
      await checkFile(file, config.limits.maxBytes);

      let reader;
      try {
        reader = await openCatalogue(createReadStream(file), config.limits);
      } catch (error) {
        if (error instanceof CatalogueReadError) throw new Error(`cannot answer ${file}: ${error.message}`);
        throw error;
      }
      if (!expectsResponse(reader.header)) process.stderr.write(`note: ${file} was sent without a response expected (catalogue_wo_response)\n`);
      let readError: string | undefined;
      try {
        for await (const _line of reader.lines) {
          // Reading every line proves the catalogue is complete and within the limits.
        }
      } catch (error) {
        if (!(error instanceof CatalogueReadError)) throw error;
        readError = error.message;
      }

      let decision: CatalogueDecision;
      let reasons: string[];
      if (opts.decision) {
        decision = opts.decision as CatalogueDecision;
        reasons = opts.reason;
      } else {
        const fatal = readError ? [] : await officialFatalRules(file);
        ({ decision, reasons } = decideCatalogue({ readError, fatal }));
        reasons.push(...opts.reason);
      }

      const now = new Clock().now().toISOString();
      try {
        const xml = catalogueResponse(
          {
            catalogue: reader.header,
            decision,
            reasons,
            responseId: opts.responseId ?? randomUUID(),
            issueDate: opts.issueDate ?? now.slice(0, 10),
            issueTime: opts.issueTime ?? now.slice(11, 19),
          },
          config.responseLimits,
        );
        process.stdout.write(`${xml}\n`);
      } catch (error) {
        if (error instanceof CatalogueResponseError) throw new Error(`cannot answer ${file}: ${error.message}`);
        throw error;
      }
    });
}

async function checkFile(file: string, maxBytes: number): Promise<void> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new UsageError(`${file} is not a file`);
    size = info.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (size > maxBytes) throw new UsageError(`${file} is ${size} bytes, more than the limit of ${maxBytes}`);
}

async function officialFatalRules(file: string) {
  const validator = new Validator({ ...validationConfig.load(), poolSize: 0 });
  try {
    const report = await validator.validate(await readFile(file), { transaction: TRANSACTIONS.catalogue.id });
    return report.fired.filter((rule) => rule.flag === 'fatal');
  } finally {
    await validator.close();
  }
}
