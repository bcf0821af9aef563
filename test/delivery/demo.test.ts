import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runToExit } from '../support/processes.js';

describe('npm run demo', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('sends a cart over AS4 and ends with the order in the sample OMS, printing the journey', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ap-demo-'));
    dirs.push(dir);
    const result = await runToExit('demo/demo.js', { DEMO_DATA_DIR: dir, SAMPLE_OMS_PORT: '0', PORT: '0' }, ['--once']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    const journey = ['received over AS4', 'validated', 'approved', 'order created', 'order handed to the OMS webhook', 'delivered to the sample OMS'];
    const positions = journey.map((step) => lines.findIndex((line) => /^\s+\+\s*\d+ ms/.test(line) && line.includes(step)));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(result.stdout).toMatch(/Order PO-DEMO-\d{6} is in the sample OMS/);
    // --once has stopped its servers: no links to them.
    expect(result.stdout.slice(result.stdout.indexOf('Journey of'))).not.toMatch(/http:\/\/127\.0\.0\.1:\d+/);
  }, 120_000);
});
