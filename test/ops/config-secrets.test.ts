import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_P12_FILE, DEV_PKI_FILES } from '../../src/pki/dev-pki-files.js';
import { createPostgresTestDatabase, type TestDatabase } from '../support/databases.js';
import { devPkiEnv, TEST_PKI_DIR } from '../support/dev-pki.js';
import { runToExit } from '../support/processes.js';

/**
 * An operator's typo in a secret-bearing variable must stop start-up naming the variable, and the
 * secret must appear nowhere: not in the error, not in any log line (stdout or stderr).
 */
describe('secrets in configuration errors and logs', () => {
  let dir: string;
  let database: TestDatabase;
  let base: Record<string, string>;
  let encryptedKey: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ap-secrets-'));
    database = await createPostgresTestDatabase();
    await devPkiEnv();
    base = {
      DATA_DIR: dir,
      DATABASE_URL: database.url,
      QUEUE_PREFIX: `secrets-${process.pid}`,
      PORT: '0',
      HOST: '127.0.0.1',
      PEPPOL_STAGE: 'dev',
      PKI_DEV_DIR: TEST_PKI_DIR,
      LOG_LEVEL: 'debug',
    };
    // Our AP key, encrypted with a password the operator then mistypes.
    const key = createPrivateKey(readFileSync(path.join(TEST_PKI_DIR, DEV_PKI_FILES.ourAp.key)));
    encryptedKey = path.join(dir, 'ap.key.enc.pem');
    writeFileSync(encryptedKey, key.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'the-right-passphrase' }));
  });

  afterAll(async () => {
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const cert = () => path.join(TEST_PKI_DIR, DEV_PKI_FILES.ourAp.cert);
  const p12 = () => path.join(TEST_PKI_DIR, DEV_P12_FILE);

  const cases: Array<{ variable: string; secret: string; env: () => Record<string, string> }> = [
    { variable: 'DATABASE_URL', secret: 'S3cretPassw0rd', env: () => ({ DATABASE_URL: 'mysql://app:S3cretPassw0rd@127.0.0.1/db' }) },
    { variable: 'DATABASE_URL', secret: 'Db-Pass w0rd!', env: () => ({ DATABASE_URL: 'postgres://app:Db-Pass w0rd!@127.0.0.1:1/db' }) },
    { variable: 'REDIS_URL', secret: 'R3disPassw0rd', env: () => ({ REDIS_URL: 'http://:R3disPassw0rd@127.0.0.1:6379' }) },
    { variable: 'PKI_OCSP_RESPONDER_URL', secret: '0cspPassw0rd', env: () => ({ PKI_OCSP_RESPONDER_URL: 'ftp://ocsp:0cspPassw0rd@ocsp.example' }) },
    { variable: 'SMP_FIXED_URL', secret: 'SmpPassw0rd', env: () => ({ SMP_FIXED_URL: 'smp://u:SmpPassw0rd@smp.example' }) },
    { variable: 'ADMIN_API_KEYS', secret: 'Adm1nKeyThatIsSecretAndLong0123456789', env: () => ({ ADMIN_API_KEYS: 'boss:Adm1nKeyThatIsSecretAndLong0123456789' }) },
    { variable: 'ADMIN_API_KEYS', secret: 'sh0rtKey', env: () => ({ ADMIN_API_KEYS: 'admin:sh0rtKey' }) },
    {
      variable: 'AP_KEY_PASSWORD',
      secret: 'Wr0ng-Key-Passw0rd',
      env: () => ({ PEPPOL_STAGE: 'test', AP_CERT: cert(), AP_KEY: encryptedKey, AP_KEY_PASSWORD: 'Wr0ng-Key-Passw0rd' }),
    },
    { variable: 'AP_P12_PASSWORD', secret: 'Wr0ng-P12-Passw0rd', env: () => ({ PEPPOL_STAGE: 'test', AP_P12: p12(), AP_P12_PASSWORD: 'Wr0ng-P12-Passw0rd' }) },
    { variable: 'AP_NEXT_P12_PASSWORD', secret: 'Wr0ng-Next-Passw0rd', env: () => ({ AP_NEXT_P12: p12(), AP_NEXT_P12_PASSWORD: 'Wr0ng-Next-Passw0rd' }) },
    {
      variable: 'AP_NEXT_KEY_PASSWORD',
      secret: 'Wr0ng-NextKey-Passw0rd',
      env: () => ({ AP_NEXT_CERT: cert(), AP_NEXT_KEY: encryptedKey, AP_NEXT_KEY_PASSWORD: 'Wr0ng-NextKey-Passw0rd' }),
    },
  ];

  it.each(cases)('$variable with a bad value: start-up stops, and "$secret" is never shown', async ({ variable, secret, env }) => {
    const run = await runToExit('main.js', { ...base, ...env() });
    const output = run.stdout + run.stderr;
    expect(run.code, output).toBe(1);
    expect(output).not.toContain(secret);
    // The JSON-escaped form too (a log line is JSON).
    expect(output).not.toContain(JSON.stringify(secret).slice(1, -1));
    expect(output).toMatch(new RegExp(variable.replace(/_URL$/, '').split('_')[0]!, 'i'));
  });

  it('reports every invalid variable at once, one line each', async () => {
    const run = await runToExit('main.js', {
      ...base,
      PORT: 'eighty',
      DATABASE_URL: 'mysql://app:S3cretPassw0rd@127.0.0.1/db',
      REDIS_URL: 'redis-ish',
      LOG_LEVEL: 'loud',
      AP_P12: p12(),
    });
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/Invalid configuration \(5 problems\)/);
    for (const variable of ['PORT ("eighty")', 'DATABASE_URL ("mysql://***@127.0.0.1/db")', 'REDIS_URL ("redis-ish")', 'LOG_LEVEL ("loud")', 'AP_P12_PASSWORD (unset)']) {
      expect(lines.filter((line) => line.includes(variable)), run.stderr).toHaveLength(1);
    }
    expect(run.stderr).not.toContain('S3cretPassw0rd');
  });
});
