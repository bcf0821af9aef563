import { z } from 'zod';
import { defineConfig, type ConfigOf } from '../config/define-config.js';
import { env } from '../config/env.js';
import { MLS_TYPES } from '../peppol/index.js';

/** Message Level Status: what we ask of receiving access points, whether we answer senders, and the service levels watched. */
export const mlsConfig = defineConfig(
  'mls',
  {
    /** Send MLS to the access points that send us documents (C3). Off only while sending is not yet mandatory. */
    MLS_SEND: env.bool(true),
    /** MLS_TYPE in the SBDH of the documents we send: FAILURE_ONLY (an MLS only on failure) or ALWAYS_SEND. */
    MLS_REQUEST_TYPE: env.oneOf([MLS_TYPES.failureOnly, MLS_TYPES.alwaysSend] as const, MLS_TYPES.failureOnly),
    /** A sent document asked ALWAYS_SEND without an MLS this many minutes after sending is overdue (SLR MLS-2: 25). */
    MLS_RECEIVE_LIMIT_MINUTES: env.int(25, 1, 100_000),
    /** An MLS we owe is overdue this many minutes after the document was received (SLR MLS-1: 20). */
    MLS_SEND_LIMIT_MINUTES: env.int(20, 1, 100_000),
    /** SBDH COUNTRY_C1 of the MLS we send (our own country); default AS4_SEND_DEFAULT_COUNTRY_C1. */
    MLS_COUNTRY_C1: z
      .string()
      .regex(/^[A-Z0-9]{2}$/, { message: 'expected a two-letter country code such as DK' })
      .optional(),
  },
  (v) => ({
    send: v.MLS_SEND,
    requestType: v.MLS_REQUEST_TYPE,
    receiveLimitMs: v.MLS_RECEIVE_LIMIT_MINUTES * 60_000,
    sendLimitMs: v.MLS_SEND_LIMIT_MINUTES * 60_000,
    countryC1: v.MLS_COUNTRY_C1,
  }),
);

export type MlsConfig = ConfigOf<typeof mlsConfig>;
