import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as4Config } from '../../src/as4/as4.config.js';
import { databaseConfig } from '../../src/database/database.config.js';
import { outboundConfig } from '../../src/outbound/outbound.config.js';
import { pkiConfig } from '../../src/pki/pki.config.js';
import { storageConfig } from '../../src/storage/storage.config.js';
import { validationConfig } from '../../src/validation/validation.config.js';
import { createPostgresTestDatabase, type TestDatabase } from '../support/databases.js';
import { devPkiEnv } from '../support/dev-pki.js';
import { type RunningProcess, startProcess } from '../support/processes.js';

describe('DATA_DIR is the one writable place', () => {
  it('every path the product writes to derives from DATA_DIR unless set on its own', () => {
    const dataDir = path.resolve('/srv/peppol-ap-data');
    const env = { DATA_DIR: dataDir };
    const written = [
      validationConfig.load(env).rulesDir,
      validationConfig.load(env).cacheDir,
      pkiConfig.load(env).rollover.stateFile,
      as4Config.load(env).tempDir,
      outboundConfig.load(env).tempDir,
      storageConfig.load(env).dataDir,
      databaseConfig.load(env).dataDir,
    ];
    for (const file of written) expect(path.resolve(file).startsWith(`${dataDir}${path.sep}`) || path.resolve(file) === dataDir, file).toBe(true);
    // Set on its own, a path is taken as given.
    expect(validationConfig.load({ ...env, VALIDATION_RULES_DIR: '/elsewhere/rules' }).rulesDir).toBe(path.resolve('/elsewhere/rules'));
  });
});

describe('readiness when the validation rules cannot be loaded', () => {
  let database: TestDatabase;
  let dir: string;
  let ap: RunningProcess | undefined;

  beforeAll(async () => {
    database = await createPostgresTestDatabase();
    dir = mkdtempSync(path.join(tmpdir(), 'ap-datadir-'));
  });
  afterAll(async () => {
    await ap?.stop();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is down with the reason, instead of a worker that looks healthy but cannot validate', async () => {
    ap = await startProcess(
      'start-all.js',
      {
        ...(await devPkiEnv()),
        DATA_DIR: dir,
        DATABASE_URL: database.url,
        QUEUE_PREFIX: `datadir-${process.pid}`,
        PORT: '0',
        HOST: '127.0.0.1',
        // Where a read-only image would refuse the write: nothing can be created under a file.
        VALIDATION_CACHE_DIR: '/dev/null/rules-cache',
      },
      { timeoutMs: 150_000 },
    );
    let body: { status?: string; error?: Record<string, { message?: string }> } = {};
    let status = 0;
    for (let i = 0; i < 600; i++) {
      const response = await fetch(`http://127.0.0.1:${ap.port}/health/ready`);
      status = response.status;
      body = (await response.json()) as typeof body;
      if (body.error?.['validation-rules']) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe(503);
    expect(body.error?.['validation-rules']?.message).toMatch(/validation rules could not be loaded: .*(ENOTDIR|EACCES|\/dev\/null)/);
  });
});
