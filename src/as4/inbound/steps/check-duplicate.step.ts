import type { DuplicateRegistry } from '../ports.js';
import type { InboundContext, InboundStep } from '../inbound-context.js';
import { portFailure } from './port-failure.js';

/**
 * Step 11: duplicate detection by (sender, MessageId), only after the security checks so nobody
 * can burn MessageIds. A message accepted before gets its receipt again and is not processed twice.
 * This is the cheap early answer for retries; the store makes the race-free claim when it commits.
 */
export class CheckDuplicateStep implements InboundStep {
  readonly name = 'check-duplicate';

  constructor(private readonly registry: DuplicateRegistry) {}

  async run(ctx: InboundContext): Promise<void> {
    const key = { messageId: ctx.header!.messageId, senderPartyId: ctx.header!.fromPartyId };
    ctx.key = key;
    let earlier;
    try {
      earlier = await this.registry.find(key, ctx.receivedAt);
    } catch (error) {
      throw portFailure('duplicate detection', error);
    }
    if (earlier) {
      ctx.duplicateOf = earlier;
      ctx.stored = { id: earlier.storedMessageId };
    }
  }
}
