import { defineConfig } from '../config/define-config.js';
import { env } from '../config/env.js';

export const inboundConfig = defineConfig(
  'inbound',
  {
    /** A claim on a MessageId older than this is taken over (its request died before answering). */
    INBOUND_CLAIM_TIMEOUT_SECONDS: env.int(120, 1),
  },
  (v) => ({ claimTimeoutMs: v.INBOUND_CLAIM_TIMEOUT_SECONDS * 1000 }),
);
