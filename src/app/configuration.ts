import { adminConfig } from '../admin/admin.config.js';
import { alertsConfig } from '../alerts/alerts.config.js';
import { backendApiConfig } from '../backend-api/backend-api.config.js';
import { databaseConfig } from '../database/database.config.js';
import { deliveryConfig } from '../delivery/delivery.config.js';
import { webhookConfig } from '../delivery/webhook/webhook.config.js';
import { httpConfig } from '../http/http.config.js';
import { loggingConfig } from '../logging/logging.config.js';
import { tracingConfig } from '../tracing/tracing.config.js';
import { redisConfig } from '../redis/redis.config.js';
import { storageConfig } from '../storage/storage.config.js';
import { as4Config } from '../as4/as4.config.js';
import { receivePortsConfig } from '../receive-ports/receive-ports.config.js';
import { discoveryConfig } from '../discovery/discovery.config.js';
import { mlsConfig } from '../mls/mls.config.js';
import { reportingConfig } from '../reporting/reporting.config.js';
import { retentionConfig } from '../retention/retention.config.js';
import { outboundConfig } from '../outbound/outbound.config.js';
import { participantsConfig } from '../participants/participants.config.js';
import { pkiConfig } from '../pki/pki.config.js';
import { reliabilityConfig } from '../reliability/reliability.config.js';
import { catalogueConfig } from '../catalogue/catalogue.config.js';
import { punchoutConfig } from '../punchout/punchout.config.js';
import { validationConfig } from '../validation/validation.config.js';
import { workflowsConfig } from '../workflows/workflows.config.js';
import { ConfigError, type ConfigNamespace } from '../config/define-config.js';

/**
 * Every configuration namespace of the product, assembled here at the root (the config layer knows
 * no feature). Boot validates all of them first, so bad variables stop start-up with one line each
 * before anything opens a connection; `.env.example` lists them all.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const ALL_CONFIGS: ConfigNamespace<any, any>[] = [
  httpConfig,
  loggingConfig,
  tracingConfig,
  databaseConfig,
  storageConfig,
  redisConfig,
  pkiConfig,
  participantsConfig,
  as4Config,
  receivePortsConfig,
  adminConfig,
  backendApiConfig,
  webhookConfig,
  deliveryConfig,
  validationConfig,
  punchoutConfig,
  catalogueConfig,
  workflowsConfig,
  reliabilityConfig,
  discoveryConfig,
  outboundConfig,
  mlsConfig,
  alertsConfig,
  reportingConfig,
  retentionConfig,
];

/** Loads every namespace; throws one ConfigError listing every bad variable of all of them. */
export function validateConfiguration(env: NodeJS.ProcessEnv = process.env): void {
  const problems: string[] = [];
  for (const ns of ALL_CONFIGS) {
    try {
      ns.load(env);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      // A variable two namespaces read (DATA_DIR) is reported once.
      for (const problem of error.problems) if (!problems.includes(problem)) problems.push(problem);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
}
