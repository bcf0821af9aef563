import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Global, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Clock } from '../../src/common/clock.js';
import { MetricsService } from '../../src/metrics/metrics.service.js';
import { ApIdentity, writeRolloverState } from '../../src/pki/ap-identity.js';
import { writeDevPki } from '../../src/pki/dev-pki-files.js';
import { CertificateStatus, PkiModule } from '../../src/pki/pki.module.js';

@Global()
@Module({ providers: [Clock, MetricsService], exports: [Clock, MetricsService] })
class TestCoreModule {}

@Module({ imports: [TestCoreModule, PkiModule] })
class RootModule {}

describe('PkiModule with a certificate rollover configured', () => {
  let dir: string;
  let app: INestApplicationContext;
  const saved = { ...process.env };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pki-module-'));
    await writeDevPki(dir);
    Object.assign(process.env, {
      PEPPOL_STAGE: 'dev',
      PKI_DEV_DIR: dir,
      PKI_REVOCATION_POLICY: 'off',
      AP_NEXT_CERT: path.join(dir, 'partner.cert.pem'),
      AP_NEXT_KEY: path.join(dir, 'partner.key.pem'),
      PKI_ROLLOVER_STATE_FILE: path.join(dir, 'rollover.json'),
      PKI_ROLLOVER_POLL_MS: '500',
    });
    app = await NestFactory.createApplicationContext(RootModule, { logger: false });
  });
  afterAll(async () => {
    await app?.close();
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('signs with the current pair, decrypts with both, and reports both slots', async () => {
    const keys = app.get(ApIdentity);
    expect((keys.signing() as unknown as { subjectCn: string }).subjectCn).toBe('PDK000001');
    expect(keys.decryption()).toHaveLength(2);
    expect(await app.get(CertificateStatus).check()).toMatchObject({ subject: 'PDK000001', slot: 'current', rolloverAt: null });
    const metrics = (await app.get(MetricsService).render()).body;
    expect(metrics).toMatch(/peppol_ap_certificate_expiry_seconds\{subject="PDK000001",slot="current"\} \d+/);
    expect(metrics).toMatch(/peppol_ap_certificate_expiry_seconds\{subject="PDK000002",slot="next"\} \d+/);
  });

  it('switches signing after `pki rollover` without a restart', async () => {
    const identity = app.get(ApIdentity);
    await writeRolloverState(path.join(dir, 'rollover.json'), identity.slots()[1]!.credentials, new Date());
    const keys = app.get(ApIdentity);
    await vi.waitFor(() => expect((keys.signing() as unknown as { subjectCn: string }).subjectCn).toBe('PDK000002'), { timeout: 3_000, interval: 50 });
    expect(await app.get(CertificateStatus).check()).toMatchObject({ subject: 'PDK000002', slot: 'next' });
  });
});

describe('PkiModule readiness with a certificate the stage does not trust', () => {
  let dir: string;
  let app: INestApplicationContext;
  const saved = { ...process.env };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pki-module-untrusted-'));
    await writeDevPki(dir);
    Object.assign(process.env, {
      PEPPOL_STAGE: 'test',
      AP_CERT: path.join(dir, 'ap.cert.pem'),
      AP_KEY: path.join(dir, 'ap.key.pem'),
      PKI_REVOCATION_POLICY: 'off',
      PKI_ROLLOVER_STATE_FILE: path.join(dir, 'rollover.json'),
    });
    app = await NestFactory.createApplicationContext(RootModule, { logger: false });
  });
  afterAll(async () => {
    await app?.close();
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports not ready, naming the stage', async () => {
    await expect(app.get(CertificateStatus).check()).rejects.toThrow(/our certificate is not acceptable in stage test: .*not a trusted access point CA/);
  });
});
