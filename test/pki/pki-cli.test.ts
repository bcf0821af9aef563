import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { readDevPki } from '../../src/pki/dev-pki-files.js';

describe('peppol-ap pki init', () => {
  let dir: string;
  let output: string;
  beforeAll(() => {
    dir = path.join(mkdtempSync(path.join(tmpdir(), 'pki-cli-')), 'certs-dev');
  });
  afterAll(() => rmSync(path.dirname(dir), { recursive: true, force: true }));
  afterEach(() => vi.restoreAllMocks());

  const run = async (...args: string[]) => {
    output = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      output += String(chunk);
      return true;
    });
    await buildProgram().parseAsync(['node', 'peppol-ap', 'pki', 'init', ...args]);
  };

  it('creates the dev PKI, keeps it on a second run, replaces it with --force', async () => {
    await run('--dir', dir, '--ocsp-url', 'http://127.0.0.1:9/ocsp');
    expect(output).toContain(`dev PKI created in ${dir}`);
    expect(output).toContain('CN=PDK000001');
    const first = readFileSync(path.join(dir, 'ap.cert.pem'), 'utf8');

    await run('--dir', dir);
    expect(output).toContain('kept existing');
    expect(readFileSync(path.join(dir, 'ap.cert.pem'), 'utf8')).toBe(first);

    await run('--dir', dir, '--force');
    expect(output).toContain('dev PKI created');
    const replaced = await readDevPki(dir);
    expect(replaced?.ourAp.certPem).not.toBe(first);
  });
});
