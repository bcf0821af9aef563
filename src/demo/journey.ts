import type { MessageRecord, MessageRepository, TimelineEvent } from '../messages/message-repository.js';

export interface JourneyStep {
  label: string;
  at: Date;
  detail?: string;
}

const STEPS: Array<{ state: string; label: string; of: 'cart' | 'order' }> = [
  { state: 'received', label: 'received over AS4', of: 'cart' },
  { state: 'validated', label: 'validated (Peppol BIS T77 rules)', of: 'cart' },
  { state: 'approved', label: 'approved', of: 'cart' },
  { state: 'created', label: 'order created (T01)', of: 'order' },
  { state: 'delivering', label: 'order handed to the OMS webhook', of: 'order' },
  { state: 'delivered', label: 'delivered to the sample OMS', of: 'order' },
];

/** The steps a cart and its order went through so far, in order, from their timelines. */
export async function journeyOf(
  messages: Pick<MessageRepository, 'timeline' | 'find'>,
  cart: MessageRecord,
): Promise<{ steps: JourneyStep[]; order: MessageRecord | null; cartTimeline: TimelineEvent[] }> {
  const cartTimeline = await messages.timeline(cart.id);
  const orderId = (cart.kind === 'cart' ? cart.attributes.orderMessageId : undefined) ?? null;
  const order = orderId ? await messages.find(orderId) : null;
  const orderTimeline = order ? await messages.timeline(order.id) : [];
  const steps: JourneyStep[] = [];
  for (const step of STEPS) {
    const timeline = step.of === 'cart' ? cartTimeline : orderTimeline;
    const event = timeline.find((e) => e.toState === step.state);
    if (event) steps.push({ label: step.label, at: event.at, ...(event.reason ? { detail: event.reason } : {}) });
  }
  return { steps, order, cartTimeline };
}

/**
 * One line per step with the time since the cart was sent and since the step before; the timeline's
 * reason whole (never cut), unless it only says what the label says.
 */
export function formatJourney(steps: readonly JourneyStep[], sentAt: Date): string[] {
  let previous = sentAt.getTime();
  return steps.map((step) => {
    const at = step.at.getTime();
    const detail = step.detail?.trim();
    const repeats = !detail || step.label.toLowerCase().includes(detail.toLowerCase());
    const line = `  +${String(at - sentAt.getTime()).padStart(5)} ms  (+${String(at - previous).padStart(4)} ms)  ${step.label}${repeats ? '' : ` — ${detail}`}`;
    previous = at;
    return line;
  });
}
