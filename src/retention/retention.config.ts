import { z } from 'zod';
import { defineConfig, type ConfigOf } from '../config/define-config.js';
import { env } from '../config/env.js';
import { MESSAGE_KINDS, type MessageKind } from '../messages/message-kinds.js';

const MAX_DAYS = 100 * 365;
const days = () => env.int(0, 0, MAX_DAYS);
/** Unset: the kind takes RETENTION_DAYS. */
const optionalDays = () => z.coerce.number().int().min(0).max(MAX_DAYS).optional();

/** The variable that sets one kind's retention: RETENTION_DAYS_CART, RETENTION_DAYS_CATALOGUE_RESPONSE, ... */
export function retentionVariable(kind: MessageKind): string {
  return `RETENTION_DAYS_${kind.toUpperCase().replace(/-/g, '_')}`;
}

/**
 * Retention of messages: how many days a settled message (and everything hanging off it: timeline,
 * documents, deliveries, send attempts, blobs) is kept after its last state change. 0 keeps forever,
 * the default: nothing is purged unless an operator sets a retention.
 */
export const retentionConfig = defineConfig(
  'retention',
  {
    /** Days for every kind without a variable of its own; 0 = keep forever. */
    RETENTION_DAYS: days(),
    RETENTION_DAYS_CART: optionalDays(),
    RETENTION_DAYS_CATALOGUE: optionalDays(),
    RETENTION_DAYS_CATALOGUE_RESPONSE: optionalDays(),
    RETENTION_DAYS_ORDER: optionalDays(),
    RETENTION_DAYS_ORDER_RESPONSE: optionalDays(),
    RETENTION_DAYS_MESSAGE_STATUS: optionalDays(),
    RETENTION_DAYS_OTHER: optionalDays(),
    /** How often the purge runs (a job scheduler of the maintenance queue: once per period across all workers). */
    RETENTION_PURGE_INTERVAL_SECONDS: env.int(3_600, 60, 7 * 86_400),
    /** Messages looked at per batch; each batch is one transaction and one audit entry (bounded so the entry keeps every purged message). */
    RETENTION_BATCH_SIZE: env.int(100, 1, 200),
    /** Batches per run at most; the next run goes on. */
    RETENTION_MAX_BATCHES_PER_RUN: env.int(20, 1, 10_000),
  },
  (v) => {
    const byVariable = v as unknown as Record<string, number | undefined>;
    const daysByKind = Object.fromEntries(MESSAGE_KINDS.map((kind) => [kind, byVariable[retentionVariable(kind)] ?? v.RETENTION_DAYS])) as Record<MessageKind, number>;
    return {
      daysByKind,
      purgeIntervalMs: v.RETENTION_PURGE_INTERVAL_SECONDS * 1000,
      batchSize: v.RETENTION_BATCH_SIZE,
      maxBatchesPerRun: v.RETENTION_MAX_BATCHES_PER_RUN,
    };
  },
);

export type RetentionConfig = ConfigOf<typeof retentionConfig>;
