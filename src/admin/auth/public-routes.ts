import type { Type } from '@nestjs/common';
import { As4Controller } from '../../as4/as4.controller.js';
import { HealthController } from '../../health/health.controller.js';
import { MetricsController } from '../../metrics/metrics.controller.js';

/**
 * The only controllers reachable without an API key: liveness/readiness, the Prometheus scrape, and
 * the AS4 endpoint (authenticated by WS-Security instead). Every other route needs a key.
 */
export const PUBLIC_CONTROLLERS: ReadonlySet<Type> = new Set<Type>([HealthController, MetricsController, As4Controller]);

/** Path prefixes served without a key, for checks that walk the OpenAPI document. */
export const PUBLIC_PATHS = [/^\/health(\/|$)/, /^\/metrics$/, /^\/as4$/];
