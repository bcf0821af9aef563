import { Delete, Get, HttpCode, HttpStatus, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiConflictResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { z } from 'zod';
import { JobQueue } from '../../queue/job-queue.js';
import { QUEUES, type QueueName } from '../../queue/queues.js';
import { adminConfig, type AdminConfig } from '../admin.config.js';
import type { AdminRequest } from '../auth/admin-request.js';
import { RequiresRole } from '../auth/requires-role.js';
import { AdminController, ApiInvalidParameters } from '../http/admin-controller.js';
import { jsonResponse, problemResponse } from '../http/openapi-parts.js';
import { conflict, invalid } from '../http/problem.js';

const queueParam = z.enum(Object.values(QUEUES) as [QueueName, ...QueueName[]], { message: `expected one of ${Object.values(QUEUES).join(', ')}` });
const jobIdParam = z.string().regex(/^[A-Za-z0-9._-]{1,200}$/, { message: 'expected a job id like inbound.run.<message id>' });

const countsSchema = z.object({
  waiting: z.number(),
  active: z.number(),
  delayed: z.number(),
  failed: z.number(),
  completed: z.number(),
  paused: z.number(),
});
const queueSchema = z.object({
  name: z.enum(Object.values(QUEUES) as [QueueName, ...QueueName[]]),
  isPaused: z.boolean(),
  counts: countsSchema,
  oldestWaitingAt: z.iso.datetime().nullable().meta({ description: 'When the job waiting longest to start was added; null when none waits' }),
});
const queueExample = { name: 'inbound', isPaused: false, counts: { waiting: 2, active: 1, delayed: 0, failed: 1, completed: 340, paused: 0 }, oldestWaitingAt: '2026-11-23T10:14:58.000Z' };
const failedJobSchema = z.object({ id: z.string(), payload: z.unknown(), error: z.string(), attempts: z.number(), failedAt: z.iso.datetime().nullable() });
const failedJobExample = {
  id: 'inbound.run.0b7e2f7c-3c1e-4d8e-9a57-0f6d1c2b3a49',
  payload: { messageId: '0b7e2f7c-3c1e-4d8e-9a57-0f6d1c2b3a49' },
  error: 'validation service unavailable',
  attempts: 8,
  failedAt: '2026-11-23T11:02:13.000Z',
};

@AdminController('queues', 'queues')
export class QueuesController {
  constructor(
    private readonly queue: JobQueue,
    @Inject(adminConfig.KEY) private readonly cfg: AdminConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every queue with its job counts per state' })
  @ApiOkResponse(jsonResponse('The queues', z.object({ data: z.array(queueSchema) }), { data: [queueExample] }))
  async list() {
    return { data: await Promise.all(Object.values(QUEUES).map((name) => this.describe(name))) };
  }

  @Get(':queue')
  @ApiOperation({ summary: 'One queue with its job counts per state' })
  @ApiOkResponse(jsonResponse('The queue', queueSchema, queueExample))
  @ApiInvalidParameters()
  async one(@Param('queue', { schema: queueParam }) name: QueueName) {
    return this.describe(name);
  }

  @Post(':queue/pause')
  @HttpCode(HttpStatus.OK)
  @RequiresRole('operator')
  @ApiOperation({ summary: 'Pause a queue: workers take no new jobs from it (jobs in progress finish)' })
  @ApiOkResponse(jsonResponse('The queue, now paused', queueSchema, { ...queueExample, isPaused: true, counts: { ...queueExample.counts, waiting: 0, paused: 2 } }))
  @ApiInvalidParameters()
  async pause(@Param('queue', { schema: queueParam }) name: QueueName, @Req() req: AdminRequest) {
    const before = await this.describe(name);
    await this.queue.pause(name);
    const after = await this.describe(name);
    req.audit = { target: `queue:${name}`, before: { isPaused: before.isPaused }, after: { isPaused: after.isPaused } };
    return after;
  }

  @Post(':queue/resume')
  @HttpCode(HttpStatus.OK)
  @RequiresRole('operator')
  @ApiOperation({ summary: 'Resume a paused queue' })
  @ApiOkResponse(jsonResponse('The queue, now running', queueSchema, queueExample))
  @ApiInvalidParameters()
  async resume(@Param('queue', { schema: queueParam }) name: QueueName, @Req() req: AdminRequest) {
    const before = await this.describe(name);
    await this.queue.resume(name);
    const after = await this.describe(name);
    req.audit = { target: `queue:${name}`, before: { isPaused: before.isPaused }, after: { isPaused: after.isPaused } };
    return after;
  }

  @Get(':queue/failed')
  @ApiOperation({ summary: 'Failed jobs (dead letters) of a queue, newest first, with their last error' })
  @ApiOkResponse(jsonResponse('Failed jobs', z.object({ data: z.array(failedJobSchema) }), { data: [failedJobExample] }))
  @ApiInvalidParameters()
  async failed(
    @Param('queue', { schema: queueParam }) name: QueueName,
    @Query({ schema: z.object({ limit: z.coerce.number().int().min(1).max(10_000).optional().meta({ description: 'At most this many (bounded by configuration)' }) }) })
    query: { limit?: number },
  ) {
    const limit = query.limit ?? this.cfg.pageSizeDefault;
    if (limit > this.cfg.failedJobsMax) throw invalid(HttpStatus.BAD_REQUEST, [{ in: 'query', field: 'limit', message: `at most ${this.cfg.failedJobsMax}` }]);
    const jobs = await this.queue.failedJobs(name, limit);
    return { data: jobs.map((j) => ({ ...j, failedAt: j.failedAt?.toISOString() ?? null })) };
  }

  @Post(':queue/failed/:jobId/retry')
  @HttpCode(HttpStatus.OK)
  @RequiresRole('operator')
  @ApiOperation({ summary: 'Retry a failed job now' })
  @ApiOkResponse(jsonResponse('The job is waiting again', z.object({ queue: z.string(), jobId: z.string(), retried: z.literal(true) }), { queue: 'inbound', jobId: failedJobExample.id, retried: true }))
  @ApiConflictResponse(problemResponse('The queue has no failed job with that id', 409))
  @ApiInvalidParameters()
  async retry(@Param('queue', { schema: queueParam }) name: QueueName, @Param('jobId', { schema: jobIdParam }) jobId: string, @Req() req: AdminRequest) {
    req.audit = { target: `job:${name}/${jobId}`, before: { state: 'failed' } };
    if (!(await this.queue.retryFailed(name, jobId))) throw conflict(`queue ${name} has no failed job ${jobId}`);
    req.audit.after = { state: 'waiting' };
    return { queue: name, jobId, retried: true as const };
  }

  @Delete(':queue/failed/:jobId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequiresRole('operator')
  @ApiOperation({ summary: 'Discard a failed job (its message stays as it is, in state failed)' })
  @ApiNoContentResponse({ description: 'Discarded' })
  @ApiConflictResponse(problemResponse('The queue has no failed job with that id', 409))
  @ApiInvalidParameters()
  async discard(@Param('queue', { schema: queueParam }) name: QueueName, @Param('jobId', { schema: jobIdParam }) jobId: string, @Req() req: AdminRequest) {
    // Only dead letters may be discarded: a waiting or running job is not the operator's to drop.
    const status = await this.queue.jobStatus(name, jobId);
    req.audit = { target: `job:${name}/${jobId}`, before: { state: status } };
    if (status !== 'failed') throw conflict(`queue ${name} has no failed job ${jobId} (it is ${status})`);
    await this.queue.removeJob(name, jobId);
    req.audit.after = null;
  }

  private async describe(name: QueueName) {
    const [isPaused, counts, oldest] = await Promise.all([this.queue.isPaused(name), this.queue.counts(name), this.queue.oldestWaitingAt(name)]);
    return { name, isPaused, counts, oldestWaitingAt: oldest?.toISOString() ?? null };
  }
}
