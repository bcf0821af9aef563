import type { Clock } from '../../../common/clock.js';
import { buildReceipt } from '../../signals/receipt-builder.js';
import type { AccessPointKeys } from '../ports.js';
import type { ReceiveContext, ReceiveStep } from '../receive-context.js';

/** Step 12: the signed non-repudiation receipt, built before storing so it is stored with the message. */
export class BuildReceiptStep implements ReceiveStep {
  readonly name = 'build-receipt';

  constructor(
    private readonly keys: AccessPointKeys,
    private readonly clock: Clock,
    private readonly messageIdDomain: string,
  ) {}

  async run(ctx: ReceiveContext): Promise<void> {
    const receipt = await buildReceipt({
      refToMessageId: ctx.header!.messageId,
      receivedReferences: ctx.security!.signature.references.map((r) => r.element),
      signer: this.keys.signing(),
      now: this.clock.now(),
      messageIdDomain: this.messageIdDomain,
    });
    ctx.receipt = { xml: Buffer.from(receipt.xml, 'utf8'), messageId: receipt.messageId };
  }
}
