import path from 'node:path';
import { z } from 'zod';
import { defineConfig, type ConfigOf } from '../config/define-config.js';
import { env } from '../config/env.js';

const MiB = 1024 * 1024;

/** Sending over AS4: HTTP bounds, payload bounds and where large payloads are staged. */
export const outboundConfig = defineConfig(
  'outbound',
  {
    AS4_SEND_CONNECT_TIMEOUT_MS: env.int(10_000, 100, 300_000),
    /** Time allowed for the receiver to answer (it stores the message before the receipt). */
    AS4_SEND_RESPONSE_TIMEOUT_MS: env.int(120_000, 100, 3_600_000),
    /** Largest reply (receipt or error signal) read; bigger replies are cut off and treated as invalid. */
    AS4_SEND_MAX_RESPONSE_BYTES: env.int(1 * MiB, 4_096, 64 * MiB),
    /** Largest business document we send (100 MB is the Peppol community cap). */
    AS4_SEND_MAX_DOCUMENT_BYTES: env.int(110 * MiB, 1_024),
    /** Compressed payloads up to this size stay in memory; larger ones are staged in a temp file. */
    AS4_SEND_SPILL_THRESHOLD_BYTES: env.int(4 * MiB, 0),
    DATA_DIR: env.dataDir(),
    /** Large documents being sent spill here; default `DATA_DIR/spool/as4-out`. */
    AS4_SEND_TEMP_DIR: env.optionalString(),
    /** Production endpoints are https (port 443); plain http only for loopback tests and private setups. */
    AS4_SEND_ALLOW_HTTP: env.bool(false),
    AS4_SEND_REPLY_MAX_ELEMENTS: env.int(10_000, 100, 1_000_000),
    AS4_SEND_REPLY_MAX_DEPTH: env.int(64, 8, 10_000),
    /** SBDH COUNTRY_C1 when a message does not carry the sender's country (ISO 3166-1 alpha-2). */
    AS4_SEND_DEFAULT_COUNTRY_C1: z
      .string()
      .regex(/^[A-Z0-9]{2}$/, { message: 'expected a two-letter country code such as DK' })
      .optional(),
    AS4_SEND_MAX_CONNECTIONS: env.int(64, 1, 10_000),
  },
  (v) => ({
    http: {
      connectTimeoutMs: v.AS4_SEND_CONNECT_TIMEOUT_MS,
      responseTimeoutMs: v.AS4_SEND_RESPONSE_TIMEOUT_MS,
      maxResponseBytes: v.AS4_SEND_MAX_RESPONSE_BYTES,
      allowHttp: v.AS4_SEND_ALLOW_HTTP,
      maxConnections: v.AS4_SEND_MAX_CONNECTIONS,
    },
    maxDocumentBytes: v.AS4_SEND_MAX_DOCUMENT_BYTES,
    spillThresholdBytes: v.AS4_SEND_SPILL_THRESHOLD_BYTES,
    tempDir: v.AS4_SEND_TEMP_DIR ?? path.join(v.DATA_DIR, 'spool', 'as4-out'),
    replyXml: { maxBytes: v.AS4_SEND_MAX_RESPONSE_BYTES, maxDepth: v.AS4_SEND_REPLY_MAX_DEPTH, maxElements: v.AS4_SEND_REPLY_MAX_ELEMENTS },
    defaultCountryC1: v.AS4_SEND_DEFAULT_COUNTRY_C1,
  }),
);

export type OutboundConfig = ConfigOf<typeof outboundConfig>;
export type As4HttpOptions = OutboundConfig['http'];
