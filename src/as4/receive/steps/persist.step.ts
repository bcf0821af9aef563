import type { InboundMessageStore } from '../ports.js';
import type { ReceiveContext, ReceiveStep } from '../receive-context.js';
import { portFailure } from './port-failure.js';

/**
 * Step 13: raw bytes, decrypted SBD and receipt fsynced, then the record and the receipt kept for
 * duplicates committed together (store contract). A key taken meanwhile makes this a duplicate.
 */
export class PersistStep implements ReceiveStep {
  readonly name = 'persist';

  constructor(
    private readonly store: InboundMessageStore,
    private readonly duplicateWindowMs: number,
  ) {}

  async run(ctx: ReceiveContext): Promise<void> {
    let outcome;
    try {
      outcome = await this.store.persist({
        key: ctx.key!,
        receivedAt: ctx.receivedAt,
        contentType: ctx.contentType,
        raw: ctx.raw!,
        sbd: ctx.payload!.content,
        sbdSha256: ctx.payload!.sha256.toString('hex'),
        header: ctx.header!,
        sbdh: ctx.sbdh!,
        receipt: ctx.receipt!.xml,
        keepReceiptUntil: new Date(ctx.receivedAt.getTime() + this.duplicateWindowMs),
        senderCertificate: ctx.senderCertificate!,
      });
    } catch (error) {
      throw portFailure('storing the message', error);
    }
    if (outcome.status === 'duplicate') {
      const { status: _status, ...earlier } = outcome;
      ctx.duplicateOf = earlier;
    }
    ctx.stored = { id: outcome.status === 'stored' ? outcome.id : outcome.storedMessageId };
  }
}
