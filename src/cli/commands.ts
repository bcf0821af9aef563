import type { Command } from 'commander';
import { registerPkiCommands } from '../pki/pki.cli.js';

/**
 * Every feature that offers operator commands registers them here: one line per feature, each a
 * function `(program: Command) => void` exported from that feature's `*.cli.ts` file.
 */
export const commandRegistrars: Array<(program: Command) => void> = [
  registerPkiCommands,
];
