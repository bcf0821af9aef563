import { type ConfigOf, defineConfig } from '../config/define-config.js';
import { env } from '../config/env.js';

export const receivePortsConfig = defineConfig(
  'receive',
  {
    /**
     * Group commit of received AS4 messages: concurrent requests within this many milliseconds share
     * one blob fsync round, one database commit and one queue round trip (0: each message alone).
     */
    RECEIVE_GROUP_COMMIT_WINDOW_MS: env.int(2, 0, 1_000),
    /** At most this many messages share one group commit (the window closes early when full). */
    RECEIVE_GROUP_COMMIT_MAX_BATCH: env.int(32, 1, 1_000),
  },
  (v) => ({
    groupCommit: { windowMs: v.RECEIVE_GROUP_COMMIT_WINDOW_MS, maxBatch: v.RECEIVE_GROUP_COMMIT_MAX_BATCH },
  }),
);

export type ReceivePortsConfig = ConfigOf<typeof receivePortsConfig>;
export type GroupCommitConfig = ReceivePortsConfig['groupCommit'];
