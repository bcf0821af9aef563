import { defineConfig, type ConfigOf } from '../config/define-config.js';
import { env } from '../config/env.js';
import type { CartLimits } from './cart.js';

export const punchoutConfig = defineConfig(
  'punchout',
  {
    /** Largest cart document accepted. */
    PUNCHOUT_MAX_CART_BYTES: env.int(8 * 1024 * 1024, 1_024, 256 * 1024 * 1024),
    PUNCHOUT_MAX_CART_LINES: env.int(10_000, 1, 1_000_000),
    PUNCHOUT_MAX_XML_DEPTH: env.int(64, 8, 1_000),
    PUNCHOUT_MAX_XML_ELEMENTS: env.int(1_000_000, 100, 50_000_000),
    /** Default buyer configuration file (JSON) for tools; workers load per-buyer configuration. */
    PUNCHOUT_BUYER_CONFIG: env.optionalString(),
    PUNCHOUT_MAX_BUYER_CONFIG_BYTES: env.int(1024 * 1024, 1_024, 64 * 1024 * 1024),
  },
  (v) => ({
    cartLimits: {
      maxBytes: v.PUNCHOUT_MAX_CART_BYTES,
      maxLines: v.PUNCHOUT_MAX_CART_LINES,
      maxDepth: v.PUNCHOUT_MAX_XML_DEPTH,
      maxElements: v.PUNCHOUT_MAX_XML_ELEMENTS,
    } satisfies CartLimits,
    buyerConfigFile: v.PUNCHOUT_BUYER_CONFIG,
    maxBuyerConfigBytes: v.PUNCHOUT_MAX_BUYER_CONFIG_BYTES,
  }),
);

export type PunchoutConfig = ConfigOf<typeof punchoutConfig>;
