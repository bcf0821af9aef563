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

  it("tells the ordering loop between two access points and prints each back end's events", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ap-demo-'));
    dirs.push(dir);
    const result = await runToExit('demo/demo.js', { DEMO_DATA_DIR: dir, SAMPLE_OMS_PORT: '0', PORT: '0' }, ['--once']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = result.stdout;
    const lines = out.split('\n');
    // Each back end's events, with their type names, in the order each back end got them (the two back ends' events interleave as they come).
    const inOrder = (patterns: RegExp[]) => {
      const positions = patterns.map((pattern) => lines.findIndex((line) => pattern.test(line)));
      expect(positions.every((p) => p >= 0), out).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    };
    inOrder([
      /\[supplier OMS\s*\] document\.sent\s+T77 .* → PDK000001 \(receipt /,
      /\[supplier OMS\s*\] order\.received\s+order PO-DEMO-\d{6} \(3 lines\) from 0192:123456785/,
      /\[supplier OMS\s*\] document\.sent\s+T76 .* → PDK000001 \(receipt /,
    ]);
    inOrder([
      /\[buyer back end\s*\] document\.sent\s+T01 .* → PDK000002 \(receipt /,
      /\[buyer back end\s*\] order-response\.received\s+order PO-DEMO-\d{6}: changed \(CA\); line 1 accepted, line 2 changed, line 3 accepted/,
    ]);
    expect(out).toMatch(/→ 202, Order Response \(T76\) \S+, code CA/);
    // The buyer AP's timelines: the cart approved by policy, the order sent and answered.
    expect(out).toMatch(/approved\s+auto-approved by the default policy/);
    expect(out).toMatch(/sent\s+receipt \S+ from PDK000002/);
    expect(out).toMatch(/note\s+order response \S+ \(CA\): changed; line 1 accepted .*, line 2 changed \(quantity 1 MTR\)/);
    expect(out).toMatch(/Swagger UI\s+http:\/\/127\.0\.0\.1:\d+\/docs/);
  }, 240_000);
});
