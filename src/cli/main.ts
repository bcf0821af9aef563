#!/usr/bin/env node
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { UsageError } from '../common/usage-error.js';
import { ConfigError } from '../config/define-config.js';
import { commandRegistrars } from './commands.js';

/** Exit codes shared by every operator command. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;


/** The version in package.json (two levels up from src/cli/ and dist/cli/). */
function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export function buildProgram(): Command {
  const program = new Command('peppol-ap')
    .description('Peppol access point: operator commands')
    .version(packageVersion(), '-V, --version', 'print the version')
    .exitOverride()
    .showHelpAfterError();
  for (const register of commandRegistrars) register(program);
  return program;
}

async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError || error instanceof ConfigError) {
      process.stderr.write(`peppol-ap: ${error.message}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`peppol-ap: ${(error as Error).message}\n`);
    return EXIT.failed;
  }
}

const invokedDirectly = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/dist\//, '/dist/'));
if (invokedDirectly || process.argv[1]?.endsWith('peppol-ap')) {
  main(process.argv).then((code) => process.exit(code));
}
