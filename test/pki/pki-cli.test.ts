import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { readDevPki, writeDevPki } from '../../src/pki/dev-pki-files.js';

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

describe('peppol-ap pki show / rollover / check', () => {
  let dir: string;
  let output = '';
  const saved = { ...process.env };
  const run = async (...args: string[]) => {
    output = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      output += String(chunk);
      return true;
    });
    await buildProgram().parseAsync(['node', 'peppol-ap', 'pki', ...args]);
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pki-cli-ops-'));
    await writeDevPki(dir);
    Object.assign(process.env, {
      PEPPOL_STAGE: 'dev',
      PKI_DEV_DIR: dir,
      PKI_REVOCATION_POLICY: 'off',
      AP_NEXT_CERT: path.join(dir, 'partner.cert.pem'),
      AP_NEXT_KEY: path.join(dir, 'partner.key.pem'),
      PKI_ROLLOVER_STATE_FILE: path.join(dir, 'rollover.json'),
    });
  });
  afterAll(() => {
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('shows both slots, then signs with the next pair after rollover', async () => {
    await run('show');
    expect(output).toMatch(/current: CN=PDK000001 .*\[signing\]/);
    expect(output).toMatch(/next: CN=PDK000002 .*\[decryption only\]/);
    expect(output).toContain('AP issuer: C=DK, O=DEV ONLY - NOT FOR PRODUCTION');

    await run('rollover');
    expect(output).toMatch(/^rollover: CN=PDK000002 signs from /);
    expect(JSON.parse(readFileSync(path.join(dir, 'rollover.json'), 'utf8'))).toMatchObject({ nextSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    await run('show');
    expect(output).toMatch(/next: CN=PDK000002 .*\[signing\]/);
  });

  it('refuses a rollover time without a zone', async () => {
    await expect(run('rollover', '--at', '2030-01-01T00:00:00')).rejects.toThrow(/not an ISO 8601 date-time with zone/);
  });

  it('checks certificates for a purpose and exits 1 for a bad one', async () => {
    await run('check', path.join(dir, 'partner.cert.pem'));
    expect(output).toMatch(/^valid: CN=PDK000002 issued by DEV PEPPOL ACCESS POINT TEST CA, revocation not-checked/);
    await run('check', path.join(dir, 'expired.cert.pem'));
    expect(output).toMatch(/^invalid \(expired\)/);
    expect(process.exitCode).toBe(1);
    process.exitCode = undefined;
    await run('check', path.join(dir, 'smp.cert.pem'), '--purpose', 'smp');
    expect(output).toMatch(/^valid: CN=PDK000070/);
  });
});
