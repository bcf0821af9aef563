import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** The built CLI entry point (npm test builds it first). */
export const cli = path.resolve(process.cwd(), 'dist/cli/main.js');

/** One line of `peppol-ap validate --json`: a file's verdict. */
export interface ValidateLine {
  file: string;
  transaction: string | null;
  valid: boolean;
  fired: { id: string; flag: string }[];
}

/** Runs the built `peppol-ap validate --json` as an operator does, with `env`; its exit code, verdict lines and stderr. */
export async function validateWithCli(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number; lines: ValidateLine[]; stderr: string }> {
  let stdout: string;
  let stderr: string;
  let code = 0;
  try {
    ({ stdout, stderr } = await run(process.execPath, [cli, 'validate', '--json', ...args], { env, timeout: 180_000, maxBuffer: 16 * 1024 * 1024 }));
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    ({ stdout, stderr, code } = e);
  }
  return { code, stderr, lines: stdout.trim() ? stdout.trim().split('\n').map((l) => JSON.parse(l) as ValidateLine) : [] };
}
