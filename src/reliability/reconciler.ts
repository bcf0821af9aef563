import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { OperatorAlerts } from '../delivery/alerts/operator-alerts.js';
import { MessageRepository, StateConflictError, type FailureStage, type PendingMessageRow, type StateScanCursor } from '../messages/message-repository.js';
import { JobQueue } from '../queue/job-queue.js';
import { QUEUES } from '../queue/queues.js';
import { pendingJobOf, RECONCILED_STATES, type PendingJob } from './pending-work.js';
import { reliabilityConfig, type ReliabilityConfig } from './reliability.config.js';

export interface ReconcileResult {
  /** Messages looked at. */
  checked: number;
  /** Queued again because their job was missing (e.g. Redis restarted empty). */
  requeuedMissing: number;
  /** Queued again because their job had finished without moving the message on. */
  requeuedStuck: number;
  /** Moved to `failed` after too many re-queues. */
  failed: number;
  /** True when the pass stopped at its limit; the next pass goes on from there. */
  more: boolean;
}

/** Work besides messages that can lose its job too (e.g. webhook deliveries); contributed by other modules. */
export interface ReconcileStep {
  readonly name: string;
  run(): Promise<number>;
}
export const RECONCILE_STEPS = Symbol('RECONCILE_STEPS');

/**
 * The database is the system of record; Redis only schedules. A pass finds messages whose state
 * says work is pending but whose job is missing, or finished without moving the message, and queues
 * that job again under its deterministic id. Stage handlers are idempotent, so a job that did exist
 * after all (a race with its producer) runs once: the queue deduplicates by id.
 */
@Injectable()
export class Reconciler {
  private readonly logger = new Logger('Reconciler');
  /** Where the last pass stopped when it hit its limit. */
  private cursor: StateScanCursor | null = null;

  constructor(
    private readonly queue: JobQueue,
    private readonly messages: MessageRepository,
    private readonly clock: Clock,
    @Inject(reliabilityConfig.KEY) private readonly cfg: ReliabilityConfig,
    @Inject(RECONCILE_STEPS) private readonly steps: ReconcileStep[],
    @Optional() private readonly alerts?: OperatorAlerts,
  ) {}

  async reconcile(): Promise<ReconcileResult> {
    const result: ReconcileResult = { checked: 0, requeuedMissing: 0, requeuedStuck: 0, failed: 0, more: false };
    const now = this.clock.now();
    const changedBefore = new Date(now.getTime() - this.cfg.graceMs);
    const stuckBefore = new Date(now.getTime() - this.cfg.stuckAfterMs);
    let after = this.cursor;
    for (;;) {
      const page = await this.messages.pendingPage(RECONCILED_STATES, changedBefore, after, Math.min(this.cfg.pageSize, this.cfg.maxPerPass - result.checked));
      for (const message of page) {
        result.checked++;
        await this.reconcileOne(message, stuckBefore, result);
      }
      if (page.length === 0) {
        this.cursor = null;
        break;
      }
      // Exact to the microsecond: a millisecond Date would read the last row again and again.
      after = page[page.length - 1]!.cursor;
      if (result.checked >= this.cfg.maxPerPass) {
        this.cursor = after;
        result.more = true;
        break;
      }
    }
    for (const step of this.steps) {
      const count = await step.run();
      if (count > 0) this.logger.log(`${step.name}: ${count} re-queued`);
    }
    if (result.requeuedMissing + result.requeuedStuck + result.failed > 0) {
      this.logger.warn(
        `reconciled ${result.checked} pending messages: ${result.requeuedMissing} missing jobs and ${result.requeuedStuck} stuck ones queued again, ${result.failed} moved to failed`,
      );
    }
    return result;
  }

  private async reconcileOne(message: PendingMessageRow, stuckBefore: Date, result: ReconcileResult): Promise<void> {
    const job = pendingJobOf(message);
    if (!job) return;
    const status = await this.queue.jobStatus(job.queue, job.jobId);
    if (status === 'missing') {
      await this.enqueue(job);
      result.requeuedMissing++;
      return;
    }
    if (status !== 'completed' && status !== 'failed') return;
    // The job ended but the message did not move: its own failure handling may still be under way.
    if (message.updatedAt >= stuckBefore) return;
    if (message.requeues >= this.cfg.maxRequeues) {
      if (await this.giveUp(message, job, status)) result.failed++;
      return;
    }
    // The finished job keeps its id in the queue; it has to go before the same id can run again.
    if (!(await this.queue.removeJob(job.queue, job.jobId).catch(() => false))) return;
    await this.messages.setAttributes(message.id, { reconciler: { requeues: message.requeues + 1, at: this.clock.now().toISOString() } });
    await this.enqueue(job);
    result.requeuedStuck++;
  }

  private async enqueue(job: PendingJob): Promise<void> {
    await this.queue.enqueue(job.queue, job.payload as never, { jobId: job.jobId });
  }

  private async giveUp(message: PendingMessageRow, job: PendingJob, status: string): Promise<boolean> {
    try {
      await this.messages.transition(message.id, 'failed', {
        actor: 'system:reconciler',
        reason: `still ${message.state} after ${message.requeues} re-queues (last job ${status})`,
        from: [message.state],
        patch: {
          failure: {
            stage: stageOf(message, job),
            code: 'stalled',
            message: `work did not progress from ${message.state} after ${message.requeues} re-queues`,
          },
        },
      });
      await this.alerts?.messageFailed(message.id);
      return true;
    } catch (error) {
      if (error instanceof StateConflictError) return false;
      throw error;
    }
  }
}

/** The step whose job did not move the message on. */
function stageOf(message: PendingMessageRow, job: PendingJob): FailureStage {
  switch (job.queue) {
    case QUEUES.inbound:
      return 'validation';
    case QUEUES.punchout:
      return message.state === 'validated' ? 'approval' : 'conversion';
    case QUEUES.catalogue:
      return 'catalogue';
    case QUEUES.outbound:
      return 'sending';
    default:
      return 'delivery';
  }
}
