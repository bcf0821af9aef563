import { z } from 'zod';
import { defineConfig, type ConfigOf } from '../config/define-config.js';
import { env } from '../config/env.js';
import { REPORTING_DEFAULT_DAY, REPORTING_LAST_DAY, REPORTING_RECEIVER } from '../peppol/index.js';

const COUNTRY = z.string().regex(/^[A-Z0-9]{2}$/, { message: 'expected a two-letter country code such as DK' });

/** Peppol Reporting: when and where the monthly TSR and EUSR go, and the countries our records need. */
export const reportingConfig = defineConfig(
  'reporting',
  {
    /**
     * When the reports are sent: `production` only when PEPPOL_STAGE is production (OpenPeppol counts
     * production traffic only), `always` (the test network, tests), or `never`.
     */
    REPORTING_SEND: env.oneOf(['production', 'always', 'never'] as const, 'production'),
    /** Day of the month (1..15, UTC) the reports of the previous month are sent; the window closes on the 15th. */
    REPORTING_SEND_DAY: env.int(REPORTING_DEFAULT_DAY, 1, REPORTING_LAST_DAY),
    /** Hour (UTC) of that day. */
    REPORTING_SEND_HOUR: env.int(3, 0, 23),
    /** Cron pattern (UTC, seconds optional) that replaces day and hour; for tests and special cases only: keep it inside days 1..15. */
    REPORTING_SCHEDULE: env.optionalString(),
    /** The receiver of the reports (participant id, scheme::value): OpenPeppol on production; another on the test network. */
    REPORTING_RECEIVER: env.string(REPORTING_RECEIVER),
    /** The SBDH sender of the reports; default our SPIS participant, 0242:<the six digits of our seat id>. */
    REPORTING_SENDER: env.optionalString(),
    /** SBDH COUNTRY_C1 of the reports (our own country); default AS4_SEND_DEFAULT_COUNTRY_C1. */
    REPORTING_COUNTRY_C1: COUNTRY.optional(),
    /** C4 country of the participants we serve whose identifier scheme names no country (EUSR end-user country). */
    REPORTING_END_USER_COUNTRY: COUNTRY.optional(),
  },
  (v) => ({
    send: v.REPORTING_SEND,
    sendDay: v.REPORTING_SEND_DAY,
    schedule: v.REPORTING_SCHEDULE ?? `0 ${v.REPORTING_SEND_HOUR} ${v.REPORTING_SEND_DAY} * *`,
    receiver: v.REPORTING_RECEIVER,
    sender: v.REPORTING_SENDER,
    countryC1: v.REPORTING_COUNTRY_C1,
    endUserCountry: v.REPORTING_END_USER_COUNTRY,
  }),
);

export type ReportingConfig = ConfigOf<typeof reportingConfig>;
