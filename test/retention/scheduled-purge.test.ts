import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueWorkerProviders } from '../support/queue-worker.js';
import { AuditRepository } from '../../src/admin/audit/audit-repository.js';
import { AlertsScheduler } from '../../src/alerts/alerts.scheduler.js';
import { Clock } from '../../src/common/clock.js';
import { Database } from '../../src/database/database.js';
import { DeliveryRepository } from '../../src/delivery/deliveries/delivery-repository.js';
import { MessageRepository } from '../../src/messages/message-repository.js';
import { OutboundAttempts } from '../../src/outbound/outbound-attempts.js';
import { BullJobQueue } from '../../src/queue/bull-job-queue.js';
import { QUEUES } from '../../src/queue/queues.js';
import { BlobCollector } from '../../src/reliability/blob-collector.js';
import { ReliabilityScheduler } from '../../src/reliability/reliability.scheduler.js';
import { ReportingPeriodRepository } from '../../src/reporting/reporting-period-repository.js';
import { ReportingScheduler } from '../../src/reporting/reporting.scheduler.js';
import { TransmissionRepository } from '../../src/reporting/transmission-repository.js';
import { RetentionMetrics } from '../../src/retention/retention-metrics.js';
import { retentionConfig } from '../../src/retention/retention.config.js';
import { PURGE_TASK, RetentionScheduler } from '../../src/retention/retention.scheduler.js';
import { RetentionService } from '../../src/retention/retention.service.js';
import { BlobStore } from '../../src/storage/blob-store.js';
import { FilesystemBlobStore } from '../../src/storage/filesystem-blob-store.js';
import { storageConfig } from '../../src/storage/storage.config.js';
import { CatalogueStore } from '../../src/workflows/catalogue/catalogue-store.js';
import { ApprovalSweep } from '../../src/workflows/maintenance/approval-sweep.js';
import { MaintenanceJobHandler } from '../../src/workflows/maintenance/maintenance.job-handler.js';
import { ApprovalService } from '../../src/workflows/punchout/approval.service.js';
import { createPostgresTestDatabase, type TestDatabase } from '../support/databases.js';
import { DAY, retentionParts, seedWorld, SetClock, WORLD_ENV } from './support.js';

async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition().catch(() => false))) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A worker's maintenance side: real queue (own prefix on the real Redis), the real maintenance handler and retention scheduler. */
async function startWorker(prefix: string, db: Database, store: BlobStore, clock: Clock): Promise<INestApplicationContext> {
  const unused = (name: string) => ({ run: () => Promise.reject(new Error(`${name} is not part of this test`)) });
  @Module({
    imports: [DiscoveryModule],
    providers: [
      { provide: Clock, useValue: clock },
      { provide: BlobStore, useValue: store },
      { provide: storageConfig.KEY, useValue: storageConfig.load({ STORAGE_GC_RETENTION_HOURS: '24' }) },
      { provide: retentionConfig.KEY, useValue: retentionConfig.load({ ...WORLD_ENV, RETENTION_PURGE_INTERVAL_SECONDS: '3600' }) },
      ...queueWorkerProviders(prefix, db),
      MessageRepository,
      DeliveryRepository,
      OutboundAttempts,
      CatalogueStore,
      ReportingPeriodRepository,
      TransmissionRepository,
      AuditRepository,
      BlobCollector,
      RetentionMetrics,
      RetentionService,
      RetentionScheduler,
      MaintenanceJobHandler,
      // The handler's other tasks: not scheduled here, never called.
      { provide: ApprovalService, useValue: unused('approvals') },
      { provide: ApprovalSweep, useValue: unused('approval sweep') },
      { provide: ReliabilityScheduler, useValue: unused('reliability') },
      { provide: ReportingScheduler, useValue: unused('reporting') },
      { provide: AlertsScheduler, useValue: unused('alerts') },
    ],
  })
  class WorkerApp {}
  return NestFactory.createApplicationContext(WorkerApp, { logger: false });
}

describe('the scheduled retention purge (maintenance queue on real Redis, real PostgreSQL)', () => {
  const prefix = `t-retention-${randomBytes(4).toString('hex')}`;
  let database: TestDatabase;
  let dir: string;
  let store: FilesystemBlobStore;
  let app: INestApplicationContext | undefined;
  const clock = new SetClock(new Date(Date.now() + 30 * DAY));

  beforeAll(async () => {
    database = await createPostgresTestDatabase();
    dir = mkdtempSync(path.join(tmpdir(), 'retention-sched-'));
    store = new FilesystemBlobStore(dir);
    await store.init();
  });
  afterAll(async () => {
    await app?.get(BullJobQueue).queue(QUEUES.maintenance).obliterate({ force: true }).catch(() => undefined);
    await app?.close();
    await store.close();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a worker schedules the purge on the maintenance queue at start, and its job purges', async () => {
    const parts = retentionParts(database.db, store, clock, WORLD_ENV);
    const world = await seedWorld(database.db, store, clock, parts);

    app = await startWorker(prefix, database.db, store, clock);
    await app.init();

    const queue = app.get(BullJobQueue).queue(QUEUES.maintenance);
    await until(async () => (await queue.getJobScheduler(PURGE_TASK)) !== undefined, 10_000);
    // The first run comes at once: the old settled messages go, the kept ones stay.
    const gone = async () => (await Promise.all(Object.values(world.purged).map((m) => parts.messages.find(m.id)))).every((m) => m === null);
    await until(gone, 20_000);
    for (const m of Object.values(world.kept)) expect(await parts.messages.find(m.id)).not.toBeNull();
    // Blobs go right after each batch's commit.
    await until(async () => (await Promise.all(world.blobs.gone.map((b) => store.has(b.sha256)))).every((has) => !has), 10_000);
    const audit = await parts.audit.list({ keyId: 'schedule', limit: 100 });
    expect(audit.length).toBeGreaterThanOrEqual(1);
    expect(audit.every((a) => a.target?.startsWith('retention-run:'))).toBe(true);
    const scheduler = await queue.getJobScheduler(PURGE_TASK);
    expect(scheduler?.every).toBe(3_600_000);
  });
});
