import type { InboundJobEnqueuer } from '../ports.js';
import type { InboundContext, InboundStep } from '../inbound-context.js';
import { portFailure } from './port-failure.js';

/** Step 14: the processing job is durably queued before the receipt leaves. */
export class EnqueueStep implements InboundStep {
  readonly name = 'enqueue';

  constructor(private readonly enqueuer: InboundJobEnqueuer) {}

  async run(ctx: InboundContext): Promise<void> {
    try {
      await this.enqueuer.enqueue({ storedMessageId: ctx.stored!.id, key: ctx.key!, receivedAt: ctx.receivedAt });
    } catch (error) {
      throw portFailure('queueing the message for processing', error);
    }
  }
}
