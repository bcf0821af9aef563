import type { DuplicateRegistry, MessageKey } from '../ports.js';
import type { ReceiveContext, ReceiveStep } from '../receive-context.js';
import { portFailure } from './port-failure.js';

/** Bound on the MessageKeys remembered (about 100 bytes each); past it the memory starts afresh. */
const MAX_REMEMBERED_KEYS = 50_000;

/**
 * Step 11: duplicate detection by (sender, MessageId), only after the security checks so nobody
 * can burn MessageIds. A message accepted before gets its receipt again and is not processed twice.
 *
 * This is the early answer for retries, which come back to the process that saw the first attempt:
 * the registry is asked only for keys this process has seen before, so a new message costs no
 * lookup. A duplicate of a message received by another process (or before a restart) goes on and
 * is caught by the store, which claims the key race-free in the commit that records the message.
 */
export class CheckDuplicateStep implements ReceiveStep {
  readonly name = 'check-duplicate';
  private readonly seen = new Set<string>();

  constructor(private readonly registry: DuplicateRegistry) {}

  async run(ctx: ReceiveContext): Promise<void> {
    const key = { messageId: ctx.header!.messageId, senderPartyId: ctx.header!.fromPartyId };
    ctx.key = key;
    if (!this.seenBefore(key)) return;
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

  /** Remembers the key; true when it was remembered already. */
  private seenBefore(key: MessageKey): boolean {
    // A fresh copy: the MessageId read from the DOM is a slice of the whole SOAP text, and keeping
    // the slice would keep that text (about 10 KB) alive for every remembered key.
    const id = Buffer.from(`${key.senderPartyId.toLowerCase()}\n${key.messageId}`, 'utf8').toString('utf8');
    if (this.seen.has(id)) return true;
    if (this.seen.size >= MAX_REMEMBERED_KEYS) this.seen.clear();
    this.seen.add(id);
    return false;
  }
}
