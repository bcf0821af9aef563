import type { DynamicModule, ModuleMetadata } from '@nestjs/common';
import { AdminModule } from '../admin/admin.module.js';
import { BackendApiModule } from '../backend-api/backend-api.module.js';
import { DeliveryModule } from '../delivery/delivery.module.js';
import { As4Module } from '../as4/as4.module.js';
import { HealthModule } from '../health/health.module.js';
import { READINESS_CHECKS } from '../health/readiness-check.js';
import { Lifecycle } from '../http/lifecycle.js';
import { ReceivePortsModule } from '../receive-ports/receive-ports.module.js';
import { MetricsHttpModule } from '../metrics/metrics-http.module.js';
import { MlsModule } from '../mls/mls.module.js';
import { OutboundModule } from '../outbound/outbound.module.js';
import { ParticipantsModule } from '../participants/participants.module.js';
import { CertificateStatus, PkiModule } from '../pki/pki.module.js';
import { WorkerHostModule } from '../queue/worker-host.module.js';
import { ReliabilityModule } from '../reliability/reliability.module.js';
import { TransmissionsModule } from '../reporting/transmissions.module.js';
import { WorkflowServicesModule } from '../workflows/workflow-services.module.js';
import { WorkflowWorkersModule } from '../workflows/workflow-workers.module.js';

/** Feature modules both roles need. */
const SHARED_IMPORTS: NonNullable<ModuleMetadata['imports']> = [TransmissionsModule, PkiModule, ParticipantsModule, DeliveryModule, WorkflowServicesModule, OutboundModule, MlsModule];

/** Feature modules of the API role: AS4 endpoint, admin API, back-end API, health, metrics. */
const API_IMPORTS: NonNullable<ModuleMetadata['imports']> = [HealthModule, MetricsHttpModule, ReceivePortsModule, As4Module.forRoot(), AdminModule, BackendApiModule];

/** Feature modules of the worker role: the queue processors. */
const WORKER_IMPORTS: NonNullable<ModuleMetadata['imports']> = [WorkerHostModule, WorkflowWorkersModule, ReliabilityModule];

export type Role = 'api' | 'worker' | 'all';

export function roleModule(role: Role, core: DynamicModule): DynamicModule {
  const imports = [core, ...SHARED_IMPORTS, ...(role !== 'worker' ? API_IMPORTS : []), ...(role !== 'api' ? WORKER_IMPORTS : [])];
  return {
    module: class RootModule {},
    imports,
    providers: [
      Lifecycle,
      // Readiness checks contributed by feature modules, besides database, Redis and storage.
      { provide: READINESS_CHECKS, inject: [CertificateStatus], useFactory: (certificate: CertificateStatus) => [certificate] },
    ],
    exports: [Lifecycle, READINESS_CHECKS],
    global: true,
  };
}
