import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BuyerConfigFile, BuyerConfigFileError, DEFAULT_BUYER, parseBuyerConfigFile } from './buyer-config-file.js';

const dir = mkdtempSync(path.join(tmpdir(), 'buyer-config-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('buyer configuration file', () => {
  it('gives one entry per buyer, keys lower-cased, plus the default', () => {
    const entries = parseBuyerConfigFile({ default: { process: 'ordering' }, buyers: { '0088:ABC123': { validityDays: 7 } } }, 'buyers.json');
    expect(entries).toEqual([
      { buyerId: DEFAULT_BUYER, input: { process: 'ordering' } },
      { buyerId: '0088:abc123', input: { validityDays: 7 } },
    ]);
  });

  it.each([
    [{ buyers: { 'buyer-1': {} } }, /buyers\.buyer-1: buyer keys are participant ids/],
    [{ buyers: { '0192:1': { validityDays: 0 } } }, /buyers\.0192:1: buyer configuration: validityDays/],
    [{ default: { process: 'sometimes' } }, /default: buyer configuration: process/],
    [{ buyer: {} }, /Unrecognized key/],
    [[], /\(root\)/],
  ])('refuses %j naming the bad entry', (content, message) => {
    expect(() => parseBuyerConfigFile(content, 'buyers.json')).toThrow(BuyerConfigFileError);
    expect(() => parseBuyerConfigFile(content, 'buyers.json')).toThrow(message);
  });

  it('reads a file, refusing one too large, missing or not JSON', async () => {
    const good = path.join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ buyers: { '0192:123456785': {} } }));
    expect(await new BuyerConfigFile().read(good, 10_000)).toHaveLength(1);
    await expect(new BuyerConfigFile().read(good, 10)).rejects.toThrow(/more than the limit of 10/);
    await expect(new BuyerConfigFile().read(path.join(dir, 'missing.json'), 10_000)).rejects.toThrow(/ENOENT/);
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{ "buyers": ');
    await expect(new BuyerConfigFile().read(broken, 10_000)).rejects.toThrow(/is not valid JSON/);
  });
});
