import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const DIST = path.resolve(process.cwd(), 'dist');

function requireBuild(): void {
  if (!existsSync(path.join(DIST, 'main.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does it first)');
}

export interface RunningProcess {
  child: ChildProcess;
  port?: number;
  output(): string;
  /** Resolves with the exit code (or signal name) when the process ends. */
  exited: Promise<number | string>;
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

/** Starts a built entry point (e.g. `main.js`) and waits until it says it is up. */
export async function startProcess(
  entry: string,
  env: Record<string, string>,
  opts: { ready?: RegExp; timeoutMs?: number; args?: string[] } = {},
): Promise<RunningProcess> {
  requireBuild();
  const child = spawn(process.execPath, [path.join(DIST, entry), ...(opts.args ?? [])], {
    // One HTTP process unless a test asks for more (API_PROCESSES defaults to the core count).
    env: { ...process.env, LOG_LEVEL: 'info', API_PROCESSES: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const ready = opts.ready ?? /listening on port (\d+)|worker started/;
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  let port: number | undefined;
  for (;;) {
    const m = ready.exec(out);
    if (m) {
      port = m[1] ? Number(m[1]) : undefined;
      break;
    }
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${entry} exited before it was ready:\n${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${entry} was not ready in time:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    port,
    output: () => out,
    exited,
    stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Runs a built entry point to completion. */
export async function runToExit(entry: string, env: Record<string, string>, args: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  requireBuild();
  const child = spawn(process.execPath, [path.join(DIST, entry), ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number>((resolve) => child.once('exit', (c) => resolve(c ?? -1)));
  return { code, stdout, stderr };
}
