import type { CartSender, Prepared } from './sender.js';

export interface Traffic {
  /** AS4 MessageIds of every cart sent. */
  sent: string[];
  /** Those that got a receipt (possibly after retries). */
  receipted: Set<string>;
  /** Attempts that were answered with a retryable error or not at all. */
  retries: number;
  /** For carts that never got a receipt: the last answer, to tell why. */
  unanswered: Map<string, string>;
}

/**
 * Sends `count` carts, `concurrency` at a time, each retried with the same MessageId until it gets a
 * receipt (as a sending AP does), and `during(i)` called before cart i so a test can inject a fault
 * at a chosen point of the stream.
 */
export async function sendCarts(
  sender: CartSender,
  count: number,
  opts: { concurrency: number; attempts: number; delayMs: number; during?: (i: number) => Promise<void> | void },
): Promise<Traffic> {
  const prepared: Prepared[] = [];
  for (let i = 0; i < count; i++) prepared.push(await sender.prepare());
  const traffic: Traffic = { sent: prepared.map((p) => p.built.messageId), receipted: new Set(), retries: 0, unanswered: new Map() };
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const i = next++;
      await opts.during?.(i);
      const outcome = await sender.sendUntilReceipt(prepared[i]!, { attempts: opts.attempts, delayMs: opts.delayMs });
      traffic.retries += outcome.attempts.length - 1;
      if (outcome.receipt) traffic.receipted.add(prepared[i]!.built.messageId);
      else traffic.unanswered.set(prepared[i]!.built.messageId, JSON.stringify(outcome.attempts.at(-1)));
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, lane));
  return traffic;
}
