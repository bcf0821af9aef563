import type { Direction, MessageKind } from '../messages/message-kinds.js';
import type { MessageState } from '../messages/message-states.js';
import { REPORTING_LAST_DAY } from '../peppol/index.js';
import { pendingJobOf } from '../reliability/pending-work.js';

const DAY_MS = 86_400_000;

/**
 * States in which a message can be at rest: delivered, sent, answered, rejected, abandoned, failed
 * and waiting only for an operator (replay, resend), or validated and left for its back end to
 * fetch (a received MLS, once applied, stays there too). A message in any other state is in flight:
 * received, awaiting a decision, approved, created, delivering, sending. Within these states a job
 * may still be owed (a validated cart or catalogue, a rejected catalogue's response): `inFlight`.
 */
export const SETTLED_STATES: ReadonlySet<MessageState> = new Set<MessageState>([
  'validated',
  'rejected',
  'abandoned',
  'order-created',
  'catalogue-stored',
  'responded',
  'delivered',
  'delivery-failed',
  'sent',
  'send-failed',
  'failed',
]);

/** Why a message is not purged now. */
export const KEEP_REASONS = [
  /** Its kind's retention is 0 (keep forever). */
  'kept-forever',
  /** Work is pending on it (not in a settled state). */
  'in-flight',
  /** Its last state change is more recent than its kind's retention. */
  'within-retention',
  /** A webhook delivery of one of its events is pending or being sent. */
  'pending-deliveries',
  /** Its catalogue version is the active one (or still loading): searches read it. */
  'catalogue-in-use',
  /** It is the TSR or EUSR a reporting period names as sent: the proof of submission. */
  'report-of-record',
  /** It was counted for Peppol Reporting and its month's reports may still be sent (until day 15 of the next month). */
  'reporting-window',
  /** A message it is related to (cart, order, order response, MLS, ...) is kept: related messages go together. */
  'related-kept',
] as const;
export type KeepReason = (typeof KEEP_REASONS)[number];

/** What the rule needs to know of one message. */
export interface RetentionFacts {
  id: string;
  kind: MessageKind;
  direction: Direction;
  state: MessageState;
  /** The Peppol transaction (T77, T19, ...) the envelope named or validation found. */
  transaction: string | null;
  relatedMessageId: string | null;
  /** The last state change. */
  updatedAt: Date;
  pendingDeliveries: boolean;
  catalogueInUse: boolean;
  reportOfRecord: boolean;
  /** When it was counted for Peppol Reporting (null: not counted). */
  reportedExchangeAt: Date | null;
  /** Another transaction holds its row right now (someone is working on it). */
  busy?: boolean;
}

/** Retention in days per kind; 0 = keep forever. */
export type RetentionDays = Readonly<Record<MessageKind, number>>;

/** Messages of a kind last changed before this instant are past their retention; null when the kind is kept forever. */
export function retentionCutoff(kind: MessageKind, days: RetentionDays, now: Date): Date | null {
  const n = days[kind] ?? 0;
  return n > 0 ? new Date(now.getTime() - n * DAY_MS) : null;
}

/**
 * The end of the submission window of the month `exchangedAt` falls in (UTC): the TSR and EUSR of a
 * month are sent by day 15 of the next one; until then an operator may still (re)send them.
 */
export function reportingWindowEnd(exchangedAt: Date): Date {
  return new Date(Date.UTC(exchangedAt.getUTCFullYear(), exchangedAt.getUTCMonth() + 1, REPORTING_LAST_DAY + 1));
}

/**
 * Whether a message is still in flight: not in a settled state, or a job still owed in it (as the
 * reconciler sees it: a validated cart or catalogue, a rejected catalogue still owing its response).
 */
export function inFlight(m: Pick<RetentionFacts, 'id' | 'state' | 'kind' | 'direction' | 'transaction' | 'relatedMessageId'>): boolean {
  if (!SETTLED_STATES.has(m.state)) return true;
  return pendingJobOf(m) !== null;
}

/** Why this one message must be kept now, on its own facts; null when it may go. */
export function ownKeepReason(m: RetentionFacts, days: RetentionDays, now: Date): KeepReason | null {
  const cutoff = retentionCutoff(m.kind, days, now);
  if (cutoff === null) return 'kept-forever';
  if (m.busy || inFlight(m)) return 'in-flight';
  if (m.updatedAt.getTime() >= cutoff.getTime()) return 'within-retention';
  if (m.pendingDeliveries) return 'pending-deliveries';
  if (m.catalogueInUse) return 'catalogue-in-use';
  if (m.reportOfRecord) return 'report-of-record';
  if (m.reportedExchangeAt && now.getTime() < reportingWindowEnd(m.reportedExchangeAt).getTime()) return 'reporting-window';
  return null;
}

/** Messages tied by `related_message_id` (either way), as groups: each group is purged whole or not at all. */
export function relatedGroups(messages: readonly Pick<RetentionFacts, 'id' | 'relatedMessageId'>[]): string[][] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let at = id; parent.get(at) !== root; ) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  for (const m of messages) parent.set(m.id, m.id);
  for (const m of messages) {
    // A relation to a message outside the set (not loaded) cannot be followed here: the caller loads whole groups.
    if (m.relatedMessageId && parent.has(m.relatedMessageId)) parent.set(find(m.id), find(m.relatedMessageId));
  }
  const groups = new Map<string, string[]>();
  for (const m of messages) {
    const root = find(m.id);
    groups.set(root, [...(groups.get(root) ?? []), m.id]);
  }
  return [...groups.values()];
}

export interface RetentionDecision {
  /** Ids to purge, whole groups only. */
  purge: string[];
  /** Every other message with the reason it stays. */
  kept: Map<string, KeepReason>;
}

/**
 * Which of `messages` (whole related groups: every message related to one of them is among them) go
 * now. A group goes only when every member may go on its own facts; otherwise each member stays,
 * with its own reason or `related-kept`. A relation to a message not in the list keeps the group
 * (it could not be judged).
 */
export function decideRetention(messages: readonly RetentionFacts[], days: RetentionDays, now: Date): RetentionDecision {
  const byId = new Map(messages.map((m) => [m.id, m]));
  const purge: string[] = [];
  const kept = new Map<string, KeepReason>();
  for (const group of relatedGroups(messages)) {
    const reasons = new Map<string, KeepReason | null>(group.map((id) => [id, ownKeepReason(byId.get(id)!, days, now)]));
    const open = group.some((id) => {
      const related = byId.get(id)!.relatedMessageId;
      return related !== null && !byId.has(related);
    });
    if (!open && [...reasons.values()].every((r) => r === null)) {
      purge.push(...group);
      continue;
    }
    for (const [id, reason] of reasons) kept.set(id, reason ?? 'related-kept');
  }
  return { purge, kept };
}
