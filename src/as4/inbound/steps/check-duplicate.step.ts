import { EbmsError } from '../../protocol/ebms-errors.js';
import type { DuplicateRegistry } from '../ports.js';
import type { InboundContext, InboundStep } from '../inbound-context.js';
import { portFailure } from './port-failure.js';

/**
 * Step 11: duplicate detection by (sender, MessageId), only after the security checks so nobody
 * can burn MessageIds. A message accepted before gets its receipt again and is not processed twice.
 */
export class CheckDuplicateStep implements InboundStep {
  readonly name = 'check-duplicate';

  constructor(private readonly registry: DuplicateRegistry) {}

  async run(ctx: InboundContext): Promise<void> {
    const key = { messageId: ctx.header!.messageId, senderPartyId: ctx.header!.fromPartyId };
    ctx.key = key;
    let claim;
    try {
      claim = await this.registry.claim(key, ctx.receivedAt);
    } catch (error) {
      throw portFailure('duplicate detection', error);
    }
    if (claim.status === 'duplicate') {
      ctx.replayReceipt = claim.receipt;
      return;
    }
    if (claim.status === 'in-progress') {
      throw new EbmsError('EBMS:0202', `message ${key.messageId} is being processed; retry later`, undefined, { httpStatus: 503 });
    }
    ctx.claimed = true;
  }
}
