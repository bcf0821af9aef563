import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { devPkiEnv } from '../support/dev-pki.js';
import { runToExit } from '../support/processes.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ap-workflow-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('workflow configuration at start-up', () => {
  it.each([
    ['buyer-key-not-a-participant', { buyers: { 'buyer-1': {} } }, /WORKFLOW_BUYER_CONFIG_FILE: .*buyers\.buyer-1: buyer keys are participant ids/],
    ['invalid-buyer-policy', { buyers: { '0192:123456785': { approval: { autoApprove: { totalLimit: { amount: '-1', currency: 'EUR' } } } } } }, /buyers\.0192:123456785: buyer configuration: approval\.autoApprove/],
  ])('a worker with a bad buyer configuration file (%s) stops with one clear line', async (name, content, message) => {
    const file = path.join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify(content));
    const result = await runToExit('worker.js', { ...(await devPkiEnv()), DATA_DIR: path.join(dir, name), WORKFLOW_BUYER_CONFIG_FILE: file });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^peppol-ap: Invalid configuration: WORKFLOW_BUYER_CONFIG_FILE: /);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a bad workflow variable stops the start before anything opens', async () => {
    const result = await runToExit('worker.js', { ...(await devPkiEnv()), DATA_DIR: path.join(dir, 'vars'), WORKFLOW_CATALOGUE_BATCH_LINES: '0' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^peppol-ap: Invalid configuration: WORKFLOW_CATALOGUE_BATCH_LINES \("0"\)/);
  });
});
