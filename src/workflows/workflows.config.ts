import { z } from 'zod';
import { defineConfig, type ConfigOf } from '../config/define-config.js';
import { env } from '../config/env.js';

export const workflowsConfig = defineConfig(
  'workflows',
  {
    /**
     * Buyer configurations (JSON): `{ "default": {…}, "buyers": { "0192:123456785": {…} } }`, each
     * entry a buyer configuration. Loaded into the database at start; without it every cart waits
     * for a person.
     */
    WORKFLOW_BUYER_CONFIG_FILE: env.optionalString(),
    /** When set, carts undecided for this many seconds are abandoned, whatever the buyer configures. */
    WORKFLOW_APPROVAL_TIMEOUT_SECONDS: optionalSeconds(),
    /** How often the sweep abandons overdue carts whose timer was lost. */
    WORKFLOW_SWEEP_INTERVAL_SECONDS: env.int(300, 1, 86_400),
    /** Most carts one sweep abandons. */
    WORKFLOW_SWEEP_BATCH: env.int(500, 1, 100_000),
    /** Catalogue lines written to the database per statement. */
    WORKFLOW_CATALOGUE_BATCH_LINES: env.int(500, 1, 4_000),
    /** Most bytes read to find the business document after the SBDH. */
    WORKFLOW_MAX_SBD_HEAD_BYTES: env.int(1024 * 1024, 4_096, 64 * 1024 * 1024),
    /** Most fired rules kept in a stored validation report (fatal ones first). */
    WORKFLOW_MAX_REPORT_ITEMS: env.int(200, 1, 100_000),
  },
  (v) => ({
    buyerConfigFile: v.WORKFLOW_BUYER_CONFIG_FILE,
    approvalTimeoutMs: v.WORKFLOW_APPROVAL_TIMEOUT_SECONDS === undefined ? undefined : v.WORKFLOW_APPROVAL_TIMEOUT_SECONDS * 1000,
    sweepIntervalMs: v.WORKFLOW_SWEEP_INTERVAL_SECONDS * 1000,
    sweepBatch: v.WORKFLOW_SWEEP_BATCH,
    catalogueBatchLines: v.WORKFLOW_CATALOGUE_BATCH_LINES,
    maxSbdHeadBytes: v.WORKFLOW_MAX_SBD_HEAD_BYTES,
    maxReportItems: v.WORKFLOW_MAX_REPORT_ITEMS,
  }),
);

function optionalSeconds() {
  return z.coerce.number().int().min(1).max(90 * 86_400).optional();
}

export type WorkflowsConfig = ConfigOf<typeof workflowsConfig>;
