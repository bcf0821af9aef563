import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Module, type INestApplicationContext, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueWorkerProviders } from '../support/queue-worker.js';
import { Database } from '../../src/database/database.js';
import { BullJobQueue } from '../../src/queue/bull-job-queue.js';
import { HandlesQueue, type JobHandler } from '../../src/queue/job-handler.decorator.js';
import { JobQueue, type JobContext } from '../../src/queue/job-queue.js';
import { QUEUES, type JobPayloads } from '../../src/queue/queues.js';
import { createPostgresTestDatabase, type TestDatabase } from '../support/databases.js';

const EVERY_MS = 300;
const SCHEDULER = 'housekeeping';

interface Run {
  app: string;
  jobId: string;
}

const APP = Symbol('app');
const RUNS = Symbol('runs');

/** The maintenance queue's handler in each app: records which app ran which job. */
@Injectable()
@HandlesQueue(QUEUES.maintenance, { concurrency: 2 })
class RecordingHandler implements JobHandler<'maintenance'> {
  constructor(
    @Inject(APP) private readonly app: string,
    @Inject(RUNS) private readonly runs: Run[],
  ) {}

  async handle(_payload: JobPayloads['maintenance'], context: JobContext): Promise<void> {
    this.runs.push({ app: this.app, jobId: context.jobId });
  }
}

/** Asks for the schedule at start, as the worker role's schedulers do. */
@Injectable()
class AsksForTheSchedule implements OnApplicationBootstrap {
  constructor(private readonly queue: JobQueue) {}
  async onApplicationBootstrap(): Promise<void> {
    await this.queue.schedule(QUEUES.maintenance, SCHEDULER, EVERY_MS, { task: 'housekeeping' });
  }
}

/** One worker process's queue side (of one installation: one database): its own Redis connections, producer, worker host and handler. */
async function startApp(app: string, prefix: string, runs: Run[], db: Database): Promise<INestApplicationContext> {
  @Module({
    imports: [DiscoveryModule],
    providers: [
      { provide: APP, useValue: app },
      { provide: RUNS, useValue: runs },
      ...queueWorkerProviders(prefix, db),
      RecordingHandler,
      AsksForTheSchedule,
    ],
  })
  class WorkerApp {}
  return NestFactory.createApplicationContext(WorkerApp, { logger: false });
}

/** The period a scheduled job belongs to, from its id (`repeat:<scheduler>:<millis>`). */
function periodOf(jobId: string): number {
  const match = /^repeat:(.+):(\d+)$/.exec(jobId);
  if (!match || match[1] !== SCHEDULER) throw new Error(`not a job of the scheduler: ${jobId}`);
  return Number(match[2]);
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  // A condition that cannot be checked yet (the connection is coming back) counts as not met.
  while (!(await Promise.resolve().then(condition).catch(() => false))) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('periodic work on a BullMQ job scheduler, two worker apps on one Redis', () => {
  const prefix = `t-sched-${randomBytes(4).toString('hex')}`;
  const runs: Run[] = [];
  let apps: INestApplicationContext[] = [];
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createPostgresTestDatabase();
    apps = await Promise.all([startApp('a', prefix, runs, database.db), startApp('b', prefix, runs, database.db)]);
  });
  afterAll(async () => {
    await apps[0]?.get(BullJobQueue).queue(QUEUES.maintenance).obliterate({ force: true }).catch(() => undefined);
    await Promise.all(apps.map((app) => app.close()));
    await database?.drop();
  });

  it('runs each period once, however many apps asked for the schedule', async () => {
    await until(() => runs.length >= 6, 30_000);
    const periods = runs.map((run) => periodOf(run.jobId));
    // No period ran twice, and periods follow each other one interval apart (none doubled up).
    expect(new Set(periods).size).toBe(periods.length);
    const sorted = [...periods].sort((x, y) => x - y);
    for (let i = 1; i < sorted.length; i++) {
      expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(EVERY_MS);
      expect((sorted[i]! - sorted[i - 1]!) % EVERY_MS).toBe(0);
    }
    const schedulers = await apps[0]!.get(BullJobQueue).queue(QUEUES.maintenance).getJobSchedulers();
    expect(schedulers.map((s) => s.key)).toEqual([SCHEDULER]);
  });

  it('puts the schedule back when Redis comes back without it', async () => {
    const queue = apps[0]!.get(BullJobQueue).queue(QUEUES.maintenance);
    // Redis restarted empty, as far as this queue goes: the schedule and its next job are gone.
    await queue.obliterate({ force: true });
    expect(await queue.getJobScheduler(SCHEDULER)).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const before = runs.length;
    await new Promise((resolve) => setTimeout(resolve, EVERY_MS * 3));
    expect(runs.length).toBe(before);
    // The connection drops and comes back: the app asks for its schedule again.
    (await queue.getBackend().client).disconnect(true);
    await until(async () => (await queue.getJobScheduler(SCHEDULER)) !== undefined, 10_000);
    await until(() => runs.length >= before + 2, 30_000);
    const periods = runs.slice(before).map((run) => periodOf(run.jobId));
    expect(new Set(periods).size).toBe(periods.length);
  });
});
