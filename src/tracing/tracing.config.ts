import { z } from 'zod';
import { defineConfig } from '../config/define-config.js';
import { env } from '../config/env.js';

/** The process roles a service name is given for (src/app/roles.ts). */
export type TracedRole = 'api' | 'worker' | 'all';

/** The OTLP/HTTP port of a collector on this machine (the OTel default). */
const DEFAULT_OTLP_ENDPOINT = 'http://localhost:4318';

/** Service names when OTEL_SERVICE_NAME is unset, one per role. */
export const DEFAULT_SERVICE_NAMES: Record<TracedRole, string> = { api: 'peppol-ap-api', worker: 'peppol-ap-worker', all: 'peppol-ap' };

export interface TracingConfig {
  /** Off unless OTEL_TRACES_EXPORTER=otlp: then spans are exported over OTLP/HTTP (JSON). */
  enabled: boolean;
  /** Where spans are POSTed (the full URL, `/v1/traces` included). */
  tracesUrl: string;
  /** OTEL_SERVICE_NAME; unset: the role's default. */
  serviceName: string | undefined;
  /** Share of new traces kept (a trace started upstream keeps its caller's decision). */
  sampleRatio: number;
}

/**
 * The OpenTelemetry environment variables this product reads (the OTel names and meanings), off by
 * default. OTEL_EXPORTER_OTLP_TRACES_ENDPOINT is used as it is; OTEL_EXPORTER_OTLP_ENDPOINT gets
 * `/v1/traces` appended, as the OTLP exporter specification says.
 */
export const tracingConfig = defineConfig(
  'tracing',
  {
    OTEL_TRACES_EXPORTER: env.oneOf(['none', 'otlp'] as const, 'none'),
    OTEL_EXPORTER_OTLP_ENDPOINT: env.url(['http', 'https'], DEFAULT_OTLP_ENDPOINT),
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: env.url(['http', 'https']),
    OTEL_SERVICE_NAME: env.optionalString(),
    OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).default(1),
  },
  (v): TracingConfig => ({
    enabled: v.OTEL_TRACES_EXPORTER === 'otlp',
    tracesUrl: v.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? tracesUrlFrom(v.OTEL_EXPORTER_OTLP_ENDPOINT ?? DEFAULT_OTLP_ENDPOINT),
    serviceName: v.OTEL_SERVICE_NAME,
    sampleRatio: v.OTEL_TRACES_SAMPLER_ARG,
  }),
);

/** `http://collector:4318` → `http://collector:4318/v1/traces` (a base path is kept). */
export function tracesUrlFrom(base: string): string {
  return `${base.replace(/\/+$/, '')}/v1/traces`;
}
