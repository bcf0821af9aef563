/**
 * The message state machine as data: every state and the transitions allowed out of it. The database
 * row holds the current state; every transition is appended to the timeline with actor and reason.
 */
export const MESSAGE_STATES = [
  // inbound, any document
  'received',
  'validated',
  'rejected',
  // punch-out carts
  'awaiting-approval',
  'approved',
  'changed',
  'abandoned',
  'order-created',
  // catalogues
  'catalogue-stored',
  'responded',
  // produced documents and their delivery
  'created',
  'delivering',
  'delivered',
  'delivery-failed',
  // outbound over AS4
  'sending',
  'sent',
  'send-failed',
  // a job exhausted its attempts; replayable
  'failed',
] as const;

export type MessageState = (typeof MESSAGE_STATES)[number];

const T: Record<MessageState, readonly MessageState[]> = {
  received: ['validated', 'rejected', 'failed'],
  // A received document goes on to its back end (`delivering`), or cannot (`delivery-failed`).
  validated: ['awaiting-approval', 'approved', 'catalogue-stored', 'rejected', 'delivering', 'delivery-failed', 'failed'],
  rejected: ['responded', 'failed'],
  'awaiting-approval': ['approved', 'changed', 'rejected', 'abandoned', 'failed'],
  approved: ['order-created', 'failed'],
  changed: ['order-created', 'failed'],
  abandoned: [],
  'order-created': ['failed'],
  'catalogue-stored': ['responded', 'failed'],
  responded: [],
  created: ['delivering', 'sending', 'delivered', 'delivery-failed', 'failed'],
  delivering: ['delivered', 'delivery-failed', 'failed'],
  delivered: [],
  'delivery-failed': ['delivering', 'delivered'],
  sending: ['sent', 'send-failed', 'failed'],
  sent: [],
  'send-failed': ['sending', 'sent'],
  // Replay starts a failed message again from the stage an operator chooses.
  failed: ['received', 'validated', 'approved', 'changed', 'created', 'delivering', 'sending'],
};

export function canTransition(from: MessageState, to: MessageState): boolean {
  return T[from].includes(to);
}

export const TRANSITIONS = T;

/**
 * The states a message ends in when its processing failed for good (until an operator replays it): a
 * job gave up (`failed`), its back end could not be reached (`delivery-failed`), or the AS4 send ran
 * out of retries or was refused (`send-failed`). Each raises the operator alert `alert.message-failed`.
 */
export const FAILED_STATES = ['failed', 'delivery-failed', 'send-failed'] as const satisfies readonly MessageState[];
export type FailedState = (typeof FAILED_STATES)[number];

export function isFailedState(state: MessageState): state is FailedState {
  return (FAILED_STATES as readonly MessageState[]).includes(state);
}
