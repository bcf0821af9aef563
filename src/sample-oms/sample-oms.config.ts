import { defineConfig } from '../config/define-config.js';
import { env } from '../config/env.js';

/** The sample OMS that receives our webhooks (demo, end-to-end tests, reference for integrators). */
export const sampleOmsConfig = defineConfig(
  'sampleOms',
  {
    SAMPLE_OMS_HOST: env.string('127.0.0.1'),
    SAMPLE_OMS_PORT: env.int(8090, 0, 65_535),
    SAMPLE_OMS_SECRET: env.optionalString(),
    SAMPLE_OMS_DATA_DIR: env.string('./data/sample-oms'),
    SAMPLE_OMS_MAX_BODY_BYTES: env.int(8 * 1024 * 1024, 1_024, 64 * 1024 * 1024),
    SAMPLE_OMS_MAX_EVENTS: env.int(100_000, 1, 10_000_000),
    SAMPLE_OMS_RECENT_EVENTS: env.int(1_000, 1, 100_000),
    SAMPLE_OMS_TEST_CONTROLS: env.bool(false),
    /** The access point's base URL (e.g. http://127.0.0.1:8080): with a key, the page answers orders through its back-end API. */
    SAMPLE_OMS_API_URL: env.optionalString(),
    /** A `backend` key of the access point for the OMS's participant (peppol-ap admin create-key --role backend --participant …). */
    SAMPLE_OMS_API_KEY: env.optionalString(),
  },
  (v) => ({
    host: v.SAMPLE_OMS_HOST,
    port: v.SAMPLE_OMS_PORT,
    /** `whsec_…`; when unset the CLI generates one and prints it. */
    secret: v.SAMPLE_OMS_SECRET,
    dataDir: v.SAMPLE_OMS_DATA_DIR,
    maxBodyBytes: v.SAMPLE_OMS_MAX_BODY_BYTES,
    /** Events stored at most; beyond that new events are refused with 507. */
    maxEvents: v.SAMPLE_OMS_MAX_EVENTS,
    /** Events kept in memory for the page and the JSON lists. */
    recentEvents: v.SAMPLE_OMS_RECENT_EVENTS,
    /** Enables `/_control` fault injection (tests and the demo only). */
    testControls: v.SAMPLE_OMS_TEST_CONTROLS,
    /** Where and with which key order answers go; both or neither. */
    accessPoint: v.SAMPLE_OMS_API_URL && v.SAMPLE_OMS_API_KEY ? { url: v.SAMPLE_OMS_API_URL, apiKey: v.SAMPLE_OMS_API_KEY } : undefined,
  }),
);

export type SampleOmsConfig = ReturnType<typeof sampleOmsConfig.load>;
