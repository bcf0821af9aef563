import type { DuplicateRegistry } from '../ports.js';
import type { InboundContext, InboundStep } from '../inbound-context.js';
import { portFailure } from './port-failure.js';

/** Step 15: completes the duplicate claim with the receipt, so a retry gets the same answer. */
export class RememberReceiptStep implements InboundStep {
  readonly name = 'remember-receipt';

  constructor(
    private readonly registry: DuplicateRegistry,
    private readonly windowMs: number,
  ) {}

  async run(ctx: InboundContext): Promise<void> {
    try {
      await this.registry.complete(ctx.key!, ctx.receipt!.xml, new Date(ctx.receivedAt.getTime() + this.windowMs));
      ctx.claimed = false;
    } catch (error) {
      throw portFailure('recording the receipt', error);
    }
  }
}
