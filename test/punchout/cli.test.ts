import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../src/common/usage-error.js';
import { run } from './cli-support.js';
import type { Validator } from '../../src/validation/validator.js';
import { createValidator, examplesDir, expectValid, hasExamples, NO_EXAMPLES } from './validator-support.js';

if (!hasExamples) console.warn(NO_EXAMPLES);

describe.skipIf(!hasExamples)('peppol-ap punchout to-order', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'peppol-ap-business-cli-'));
  const cart = path.join(examplesDir, 'PunchOut_Example.xml');
  const buyerConfig = path.join(dir, 'buyer.json');
  writeFileSync(buyerConfig, JSON.stringify({ orderNumber: { prefix: 'PO-', digits: 4 }, process: 'ordering', sellerFallback: { countryCode: 'NO' } }));
  let validator: Validator;

  beforeAll(async () => {
    validator = createValidator();
    await validator.start();
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => validator?.close());

  it('prints a valid order for the official example cart', async () => {
    const { stdout } = await run('punchout', 'to-order', '--buyer-config', buyerConfig, '--sequence', '42', '--issue-date', '2016-08-02', '--issue-time', '09:15:00', cart);
    expect(stdout).toContain('<cbc:ID>PO-0042</cbc:ID>');
    expect(stdout).toContain('urn:fdc:peppol.eu:poacc:bis:ordering:3');
    expectValid(await validator.validate(stdout), 'T01');
  });

  it('applies a changes file and reports each change on stderr', async () => {
    const changes = path.join(dir, 'changes.json');
    writeFileSync(changes, JSON.stringify([{ kind: 'remove', lineId: '1' }]));
    const { stdout, stderr } = await run('punchout', 'to-order', '--buyer-config', buyerConfig, '--issue-date', '2016-08-02', '--changes', changes, cart);
    expect(stderr).toBe('change: line 1 "Copy paper": removed\n');
    expect(stdout.match(/<cac:OrderLine>/g)).toHaveLength(1);
  });

  it.each([
    ['an expired cart', ['--buyer-config', 'BUYER', '--issue-date', '2016-09-01', cart], Error, /cannot make an order of .*cart was valid until 2016-08-31 18:00:00/],
    ['a missing cart file', ['--buyer-config', 'BUYER', '/nonexistent/cart.xml'], UsageError, /cannot read \/nonexistent\/cart.xml: ENOENT/],
    ['a bad buyer configuration', ['--buyer-config', 'BAD', cart], UsageError, /process/],
    ['a bad sequence', ['--buyer-config', 'BUYER', '--sequence', '-3', cart], UsageError, /--sequence/],
  ])('refuses %s', async (_case, args, type, message) => {
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ process: 'sometimes' }));
    const resolved = args.map((arg) => (arg === 'BUYER' ? buyerConfig : arg === 'BAD' ? bad : arg));
    const attempt = run('punchout', 'to-order', ...resolved);
    await expect(attempt).rejects.toBeInstanceOf(type);
    await expect(run('punchout', 'to-order', ...resolved)).rejects.toThrow(message);
  });
});
