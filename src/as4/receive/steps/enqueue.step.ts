import type { InboundJobEnqueuer } from '../ports.js';
import type { ReceiveContext, ReceiveStep } from '../receive-context.js';
import { portFailure } from './port-failure.js';

/**
 * Step 14: the processing job is durably queued before the receipt leaves. For a duplicate whose
 * processing has not started, the job is queued again (idempotent by the stored id): the first
 * request may have stored the message and then lost its connection to the queue.
 */
export class EnqueueStep implements ReceiveStep {
  readonly name = 'enqueue';
  readonly runsForDuplicates = true;

  constructor(private readonly enqueuer: InboundJobEnqueuer) {}

  async run(ctx: ReceiveContext): Promise<void> {
    if (ctx.duplicateOf && !ctx.duplicateOf.awaitingProcessing) return;
    try {
      await this.enqueuer.enqueue({ storedMessageId: ctx.stored!.id, key: ctx.key!, receivedAt: ctx.receivedAt });
    } catch (error) {
      throw portFailure('queueing the message for processing', error);
    }
  }
}
