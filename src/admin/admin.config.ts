import { defineConfig, type ConfigOf } from '../config/define-config.js';
import { env } from '../config/env.js';
import { configuredKeyProblem } from './auth/api-key.js';
import { type AdminRole, isAdminRole } from './auth/roles.js';

export interface ConfiguredKey {
  role: AdminRole;
  key: string;
}

/** `role:key,role:key`; the key itself may contain ':' (only the first one separates). */
function parseConfiguredKeys(entries: string[]): ConfiguredKey[] {
  return entries.map((entry, index) => {
    const colon = entry.indexOf(':');
    const role = colon < 0 ? '' : entry.slice(0, colon);
    const key = colon < 0 ? '' : entry.slice(colon + 1);
    if (!isAdminRole(role)) throw new Error(`ADMIN_API_KEYS entry #${index + 1}: expected role:key with role viewer, operator or admin`);
    const problem = configuredKeyProblem(key);
    if (problem) throw new Error(`ADMIN_API_KEYS entry #${index + 1}: ${problem}`);
    return { role, key };
  });
}

export const adminConfig = defineConfig(
  'admin',
  {
    /** Keys accepted from the first start, `role:key` comma-separated (roles viewer, operator, admin). */
    ADMIN_API_KEYS: env.list([]),
    /** Page size of list endpoints when the caller gives none, and the most a caller may ask for. */
    ADMIN_PAGE_SIZE_DEFAULT: env.int(50, 1, 1_000),
    ADMIN_PAGE_SIZE_MAX: env.int(200, 1, 1_000),
    /** Longest accepted text search and filter value. */
    ADMIN_FILTER_MAX_CHARS: env.int(256, 16, 4_096),
    /** Failed jobs listed per queue at most. */
    ADMIN_FAILED_JOBS_MAX: env.int(500, 1, 10_000),
    /** Swagger UI at /docs and the document at /docs/openapi.json. */
    ADMIN_DOCS_ENABLED: env.bool(true),
    /** Bull Board under /admin/queues/dashboard (same keys; viewers read, operators act). */
    ADMIN_DASHBOARD_ENABLED: env.bool(true),
    /** The web console at /console (static files; every call it makes needs an API key). */
    ADMIN_CONSOLE_ENABLED: env.bool(true),
  },
  (v) => {
    if (v.ADMIN_PAGE_SIZE_DEFAULT > v.ADMIN_PAGE_SIZE_MAX) {
      throw new Error('ADMIN_PAGE_SIZE_DEFAULT must not exceed ADMIN_PAGE_SIZE_MAX');
    }
    return {
      keys: parseConfiguredKeys(v.ADMIN_API_KEYS),
      pageSizeDefault: v.ADMIN_PAGE_SIZE_DEFAULT,
      pageSizeMax: v.ADMIN_PAGE_SIZE_MAX,
      filterMaxChars: v.ADMIN_FILTER_MAX_CHARS,
      failedJobsMax: v.ADMIN_FAILED_JOBS_MAX,
      docsEnabled: v.ADMIN_DOCS_ENABLED,
      dashboardEnabled: v.ADMIN_DASHBOARD_ENABLED,
      consoleEnabled: v.ADMIN_CONSOLE_ENABLED,
    };
  },
);

export type AdminConfig = ConfigOf<typeof adminConfig>;

