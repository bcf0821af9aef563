import { defineConfig, type ConfigOf } from '../config/define-config.js';
import { env } from '../config/env.js';

export const reliabilityConfig = defineConfig(
  'reliability',
  {
    /** How often the worker looks for pending messages whose job went missing (also once at start). */
    RELIABILITY_RECONCILE_INTERVAL_SECONDS: env.int(60, 1, 86_400),
    /** A message changed more recently than this is left alone: its producer may be enqueueing it right now. */
    RELIABILITY_RECONCILE_GRACE_SECONDS: env.int(30, 0, 86_400),
    /** A pending message whose job finished (completed or failed) without moving it is re-queued after this long. */
    RELIABILITY_STUCK_AFTER_SECONDS: env.int(900, 1, 7 * 86_400),
    /** Messages read per database page during a pass. */
    RELIABILITY_RECONCILE_PAGE: env.int(500, 1, 10_000),
    /** Most messages one pass looks at; the next pass goes on from there. */
    RELIABILITY_RECONCILE_MAX_PER_PASS: env.int(20_000, 1, 10_000_000),
    /** Re-queues of a stuck message before it is moved to `failed` for an operator. */
    RELIABILITY_MAX_REQUEUES: env.int(5, 0, 1_000),
    /** How often housekeeping runs (expired duplicate claims, abandoned temporary files, unreferenced blobs of the postgres blob store). */
    RELIABILITY_HOUSEKEEPING_INTERVAL_SECONDS: env.int(3_600, 1, 7 * 86_400),
    /** A temporary file in DATA_DIR/tmp older than this was left by a crash and is removed. */
    RELIABILITY_TEMP_FILE_MAX_AGE_SECONDS: env.int(86_400, 60, 365 * 86_400),
  },
  (v) => ({
    reconcileIntervalMs: v.RELIABILITY_RECONCILE_INTERVAL_SECONDS * 1000,
    graceMs: v.RELIABILITY_RECONCILE_GRACE_SECONDS * 1000,
    stuckAfterMs: v.RELIABILITY_STUCK_AFTER_SECONDS * 1000,
    pageSize: v.RELIABILITY_RECONCILE_PAGE,
    maxPerPass: v.RELIABILITY_RECONCILE_MAX_PER_PASS,
    maxRequeues: v.RELIABILITY_MAX_REQUEUES,
    housekeepingIntervalMs: v.RELIABILITY_HOUSEKEEPING_INTERVAL_SECONDS * 1000,
    tempFileMaxAgeMs: v.RELIABILITY_TEMP_FILE_MAX_AGE_SECONDS * 1000,
  }),
);

export type ReliabilityConfig = ConfigOf<typeof reliabilityConfig>;
