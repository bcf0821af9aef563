import { spawnSync } from 'node:child_process';

/** Whether an external binary is on PATH (cross-checks skip with a clear message when not). */
export function hasBinary(name: string): boolean {
  const result = spawnSync(name, ['--version'], { encoding: 'utf8' });
  return !result.error;
}

export function run(command: string, args: string[], input?: Buffer): { status: number | null; stdout: Buffer; stderr: string } {
  const result = spawnSync(command, args, { input, maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr?.toString('utf8') ?? '' };
}
