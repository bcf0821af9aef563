import { defineConfig, type ConfigOf } from '../config/define-config.js';
import { env } from '../config/env.js';
import { REPORTING_LAST_DAY } from '../peppol/index.js';

/** Operator alerts: how often the periodic checks run and when each condition is one. */
export const alertsConfig = defineConfig(
  'alerts',
  {
    /** How often the periodic checks (certificates, Peppol Reporting deadline, queue backlog) run, once across the workers. */
    ALERT_CHECK_INTERVAL_MS: env.int(300_000, 1_000, 86_400_000),
    /** Alert when our AP certificate (current or next) or a trusted CA certificate expires within this many days. */
    ALERT_CERT_EXPIRY_DAYS: env.int(30, 1, 365),
    /** Alert when the previous month's TSR and EUSR are not sent (with receipts) by this day of the month (UTC). */
    ALERT_REPORT_DEADLINE_DAY: env.int(10, 1, REPORTING_LAST_DAY),
    /** Alert when this many jobs (or more) wait to start in one queue. */
    ALERT_QUEUE_WAITING_MAX: env.int(1_000, 1, 10_000_000),
    /** Alert when the oldest job waiting to start in one queue has waited this many seconds (or more). */
    ALERT_QUEUE_OLDEST_WAITING_S: env.int(600, 1, 7 * 86_400),
    /** Raised alerts are kept (GET /admin/alerts) this many days, then removed by the periodic checks. */
    ALERT_HISTORY_DAYS: env.int(90, 1, 3650),
  },
  (v) => ({
    checkIntervalMs: v.ALERT_CHECK_INTERVAL_MS,
    certExpiryDays: v.ALERT_CERT_EXPIRY_DAYS,
    reportDeadlineDay: v.ALERT_REPORT_DEADLINE_DAY,
    queue: { waiting: v.ALERT_QUEUE_WAITING_MAX, oldestWaitingSeconds: v.ALERT_QUEUE_OLDEST_WAITING_S },
    historyMs: v.ALERT_HISTORY_DAYS * 86_400_000,
  }),
);

export type AlertsConfig = ConfigOf<typeof alertsConfig>;
