import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateWebhookSecret } from '../../src/delivery/webhook/secret.js';
import { SampleOmsServer, type SampleOmsOptions } from '../../src/sample-oms/server.js';

/** A sample OMS on a free loopback port with its own temporary data folder. */
export interface RunningOms {
  server: SampleOmsServer;
  url: string;
  secret: string;
  dataDir: string;
  options: SampleOmsOptions;
}

export async function tempDir(prefix: string): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export async function startOms(
  overrides: Partial<SampleOmsOptions> & { dataDir: string },
  clock?: { now(): Date },
): Promise<RunningOms & { loaded: number; skippedLines: number }> {
  const options: SampleOmsOptions = {
    host: '127.0.0.1',
    port: 0,
    secret: generateWebhookSecret(),
    maxBodyBytes: 1024 * 1024,
    maxEvents: 10_000,
    recentEvents: 1_000,
    testControls: true,
    ...overrides,
  };
  const server = new SampleOmsServer(options, clock);
  const started = await server.start();
  return { server, secret: options.secret, dataDir: options.dataDir, options, ...started };
}

export async function control(url: string, body: Record<string, unknown>): Promise<Response> {
  return fetch(`${url}/_control`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}
