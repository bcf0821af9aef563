import type { InboundMessageStore } from '../ports.js';
import type { InboundContext, InboundStep } from '../inbound-context.js';
import { portFailure } from './port-failure.js';

/** Step 13: raw bytes and decrypted SBD fsynced, then the record committed (store contract). */
export class PersistStep implements InboundStep {
  readonly name = 'persist';

  constructor(private readonly store: InboundMessageStore) {}

  async run(ctx: InboundContext): Promise<void> {
    try {
      ctx.stored = await this.store.persist({
        key: ctx.key!,
        receivedAt: ctx.receivedAt,
        contentType: ctx.contentType,
        raw: ctx.raw!,
        sbd: ctx.payload!.content,
        sbdSha256: ctx.payload!.sha256.toString('hex'),
        header: ctx.header!,
        sbdh: ctx.sbdh!,
        receipt: ctx.receipt!.xml,
        senderCertificate: ctx.senderCertificate!,
      });
    } catch (error) {
      throw portFailure('storing the message', error);
    }
  }
}
