import { defineConfig } from '../config/define-config.js';
import { env } from '../config/env.js';

/** Routes, deliveries and replays (the HTTP side of webhooks is configured under WEBHOOK_*). */
export const deliveryConfig = defineConfig(
  'delivery',
  {
    DELIVERY_SECRET_ROTATION_OVERLAP_S: env.int(86_400, 0, 30 * 86_400),
    DELIVERY_MAX_ROUTES_PER_SUPPLIER: env.int(20, 1, 1_000),
    DELIVERY_REPLAY_MAX: env.int(10_000, 1, 1_000_000),
    DELIVERY_RECONCILE_BATCH: env.int(500, 1, 100_000),
    DELIVERY_LEASE_MARGIN_MS: env.int(10_000, 0, 600_000),
    DELIVERY_INLINE_MAX_BYTES: env.int(256 * 1024, 0, 4 * 1024 * 1024),
    DELIVERY_PUBLIC_URL: env.url(['http', 'https']),
  },
  (v) => ({
    /** How long the previous signing secret keeps signing after a rotation, so the OMS can switch. */
    rotationOverlapMs: v.DELIVERY_SECRET_ROTATION_OVERLAP_S * 1000,
    maxRoutesPerSupplier: v.DELIVERY_MAX_ROUTES_PER_SUPPLIER,
    /** Deliveries one replay request may restart at most. */
    replayMax: v.DELIVERY_REPLAY_MAX,
    /** Overdue deliveries re-enqueued per reconciliation pass. */
    reconcileBatch: v.DELIVERY_RECONCILE_BATCH,
    /** Added to the longest possible HTTP exchange to form the claim a worker holds on a delivery. */
    leaseMarginMs: v.DELIVERY_LEASE_MARGIN_MS,
    /**
     * A received document up to this size travels inside its event (`ublXml`); a larger one only as
     * a link to the back-end API (`content.href`), which every received event carries.
     */
    inlineMaxBytes: v.DELIVERY_INLINE_MAX_BYTES,
    /** Base URL under which back ends reach this access point's API, for absolute download links; unset: links are paths. */
    publicUrl: (v.DELIVERY_PUBLIC_URL as string | undefined)?.replace(/\/+$/, '') ?? null,
  }),
);

export type DeliveryConfig = ReturnType<typeof deliveryConfig.load>;
