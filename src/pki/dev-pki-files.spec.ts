import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_P12_PASSWORD } from './dev-pki.js';
import { DEV_P12_FILE, DEV_PKI_FILES, ensureDevPki, readDevPki, writeDevPki } from './dev-pki-files.js';

describe('dev PKI files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'dev-pki-files-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every entry under its stable name, keys readable only by the owner', async () => {
    const written = await writeDevPki(dir);
    for (const [name, files] of Object.entries(DEV_PKI_FILES)) {
      expect(readFileSync(path.join(dir, files.cert), 'utf8')).toBe(written[name as keyof typeof written].certPem);
      expect(statSync(path.join(dir, files.key)).mode & 0o077).toBe(0);
    }
    expect(await readDevPki(dir)).toEqual(written);
  });

  it('writes a PKCS#12 that openssl opens with the documented password', () => {
    const out = execFileSync(
      'openssl',
      ['pkcs12', '-in', path.join(dir, DEV_P12_FILE), '-passin', `pass:${DEV_P12_PASSWORD}`, '-nokeys', '-clcerts'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    expect(out).toMatch(/subject=.*CN ?= ?PDK000001/);
    expect(() =>
      execFileSync('openssl', ['pkcs12', '-in', path.join(dir, DEV_P12_FILE), '-passin', 'pass:wrong', '-nokeys'], { stdio: 'pipe' }),
    ).toThrow();
  });

  it('ensureDevPki keeps an existing set and regenerates an incomplete one', async () => {
    const before = await readDevPki(dir);
    expect(await ensureDevPki(dir)).toEqual(before);
    rmSync(path.join(dir, DEV_PKI_FILES.partnerAp.key));
    expect(await readDevPki(dir)).toBeUndefined();
    const after = await ensureDevPki(dir);
    expect(after.ourAp.certPem).not.toBe(before!.ourAp.certPem);
    expect(await readDevPki(dir)).toEqual(after);
  });

  it('ensureDevPki run concurrently yields one consistent set', async () => {
    const fresh = mkdtempSync(path.join(tmpdir(), 'dev-pki-race-'));
    try {
      const [a, b] = await Promise.all([ensureDevPki(fresh), ensureDevPki(fresh)]);
      expect(a).toEqual(b);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it('reports an incomplete set when the index names an entry that is missing', async () => {
    const broken = mkdtempSync(path.join(tmpdir(), 'dev-pki-broken-'));
    try {
      writeFileSync(path.join(broken, 'dev-pki.json'), '{"rootCa":"x"}');
      expect(await readDevPki(broken)).toBeUndefined();
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });
});
