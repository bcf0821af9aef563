import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { TempWorkspaces } from '../as4/io/temp-workspace.js';
import { PayloadTooLargeError, stageCompressedPayload } from './compressed-payload.js';

const dir = mkdtempSync(path.join(tmpdir(), 'staged-payload-'));
const workspaces = new TempWorkspaces(dir);
const read = async (stream: Readable) => {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(c as Buffer);
  return Buffer.concat(parts);
};
// Random bytes do not compress, so the compressed size tracks the input size.
const noise = (n: number) => randomBytes(n);

describe('stageCompressedPayload', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps a small payload in memory: gzip of the input, its SHA-256, readable twice', async () => {
    const sbd = Buffer.from('<x>'.concat('a'.repeat(5_000), '</x>'));
    const staged = await stageCompressedPayload(Readable.from([sbd]), { spillThresholdBytes: 1 << 20, maxSbdBytes: 1 << 20, workspaces });
    const gz = await read(staged.open());
    expect(gunzipSync(gz).equals(sbd)).toBe(true);
    expect(staged.sha256.equals(createHash('sha256').update(gz).digest())).toBe(true);
    expect(staged).toMatchObject({ sbdSize: sbd.length, size: gz.length });
    expect((await read(staged.open())).equals(gz)).toBe(true);
    await staged.dispose();
  });

  it('moves a payload past the threshold to a temp file and removes it on dispose', async () => {
    const sbd = noise(300_000);
    const staged = await stageCompressedPayload(Readable.from([sbd.subarray(0, 100_000), sbd.subarray(100_000)]), { spillThresholdBytes: 10_000, maxSbdBytes: 1 << 20, workspaces });
    const gz = await read(staged.open());
    expect(gunzipSync(gz).equals(sbd)).toBe(true);
    expect(staged.sha256.equals(createHash('sha256').update(gz).digest())).toBe(true);
    expect(readdirSync(dir).length).toBe(1);
    await staged.dispose();
    expect(readdirSync(dir).length).toBe(0);
  });

  it('refuses an SBD over the limit and leaves no temp file', async () => {
    await expect(stageCompressedPayload(Readable.from([noise(50_000), noise(50_000)]), { spillThresholdBytes: 1_000, maxSbdBytes: 60_000, workspaces })).rejects.toBeInstanceOf(PayloadTooLargeError);
    expect(readdirSync(dir).length).toBe(0);
  });
});
