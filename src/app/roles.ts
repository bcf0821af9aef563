import type { DynamicModule, ModuleMetadata } from '@nestjs/common';
import { HealthModule } from '../health/health.module.js';
import { Lifecycle } from '../http/lifecycle.js';
import { MetricsHttpModule } from '../metrics/metrics-http.module.js';
import { WorkerHostModule } from '../queue/worker-host.module.js';

/** Feature modules of the API role: AS4 endpoint, admin API, health, metrics. */
export const API_IMPORTS: NonNullable<ModuleMetadata['imports']> = [HealthModule, MetricsHttpModule];

/** Feature modules of the worker role: the queue processors. */
export const WORKER_IMPORTS: NonNullable<ModuleMetadata['imports']> = [WorkerHostModule];

export type Role = 'api' | 'worker' | 'all';

export function roleModule(role: Role, core: DynamicModule): DynamicModule {
  const imports = [core, ...(role !== 'worker' ? API_IMPORTS : []), ...(role !== 'api' ? WORKER_IMPORTS : [])];
  return { module: class RootModule {}, imports, providers: [Lifecycle], exports: [Lifecycle], global: true };
}
