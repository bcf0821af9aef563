import { Module, type DynamicModule, type ModuleMetadata, type Provider } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { MetricsModule } from '../metrics/metrics.module.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { as4Config, type As4Config } from './as4.config.js';
import { As4Controller } from './as4.controller.js';
import { ReceivePipeline } from './receive/receive-pipeline.js';
import {
  AccessPointKeys,
  DuplicateRegistry,
  InboundJobEnqueuer,
  InboundMessageStore,
  ParticipantDirectory,
  SenderCertificateValidator,
} from './receive/ports.js';
import { TempWorkspaces } from './io/temp-workspace.js';

export interface As4ModuleOptions {
  /** Modules that export the port implementations (database, storage, queue, PKI, …). */
  readonly imports?: ModuleMetadata['imports'];
  /**
   * Providers binding the six port tokens: AccessPointKeys, SenderCertificateValidator,
   * ParticipantDirectory, DuplicateRegistry, InboundMessageStore, InboundJobEnqueuer.
   */
  readonly providers?: Provider[];
}

/** The AS4 receiving endpoint. Clock and Lifecycle come from the application's global modules. */
@Module({})
export class As4Module {
  static forRoot(options: As4ModuleOptions = {}): DynamicModule {
    return {
      module: As4Module,
      imports: [MetricsModule, ...(options.imports ?? [])],
      controllers: [As4Controller],
      providers: [
        ...(options.providers ?? []),
        as4Config.provider,
        { provide: TempWorkspaces, useFactory: (config: As4Config) => new TempWorkspaces(config.tempDir), inject: [as4Config.KEY] },
        {
          provide: ReceivePipeline,
          useFactory: (
            config: As4Config,
            clock: Clock,
            workspaces: TempWorkspaces,
            keys: AccessPointKeys,
            certificateValidator: SenderCertificateValidator,
            participants: ParticipantDirectory,
            duplicates: DuplicateRegistry,
            store: InboundMessageStore,
            enqueuer: InboundJobEnqueuer,
            metrics: MetricsService,
          ) =>
            ReceivePipeline.create({
              config,
              clock,
              workspaces,
              keys,
              certificateValidator,
              participants,
              duplicates,
              store,
              enqueuer,
              observeStep: (step, seconds) => metrics.as4InboundStepDuration.observe({ step }, seconds),
            }),
          inject: [
            as4Config.KEY,
            Clock,
            TempWorkspaces,
            AccessPointKeys,
            SenderCertificateValidator,
            ParticipantDirectory,
            DuplicateRegistry,
            InboundMessageStore,
            InboundJobEnqueuer,
            MetricsService,
          ],
        },
      ],
      exports: [ReceivePipeline, as4Config.KEY],
    };
  }
}
