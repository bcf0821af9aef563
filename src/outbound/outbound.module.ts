import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { as4Config } from '../as4/as4.config.js';
import { Clock } from '../common/clock.js';
import { DeliveryModule } from '../delivery/delivery.module.js';
import { OutboundAs4Sender } from '../delivery/ports.js';
import { PeppolDiscovery } from '../discovery/discovery.service.js';
import { PeppolDiscoveryModule } from '../discovery/peppol-discovery.module.js';
import { CertificateValidator } from '../pki/certificate-validator.js';
import { ApIdentity } from '../pki/ap-identity.js';
import { As4HttpTransport } from './as4-http-transport.js';
import { As4Sender } from './as4-sender.js';
import { EndpointResolver } from './endpoint-resolver.js';
import { OnwardAs4Sender } from './onward-as4-sender.js';
import { OutboundAttempts } from './outbound-attempts.js';
import { OutboundMetrics } from './outbound-metrics.js';
import { outboundConfig, type OutboundConfig } from './outbound.config.js';
import { mlsConfig } from '../mls/mls.config.js';
import { OutboundJobHandler } from './outbound.job-handler.js';
import { OutboundSendAttempt, OutboundWorkspaces } from './outbound-send-attempt.js';
import { OutboundService } from './outbound.service.js';

/**
 * Sending over AS4: discovery (SML → SMP), the sender, outbound message rows and the `outbound` queue
 * handler (found by the worker role's host). Global, so the delivery flow's optional OutboundAs4Sender
 * port is bound wherever it is injected.
 */
@Global()
@Module({
  // The delivery module hears how each send ended (document.sent / document.send-failed to the sender's routes).
  imports: [PeppolDiscoveryModule, DeliveryModule],
  providers: [
    outboundConfig.provider,
    mlsConfig.provider,
    as4Config.provider,
    { provide: As4HttpTransport, inject: [outboundConfig.KEY], useFactory: (cfg: OutboundConfig) => new As4HttpTransport(cfg.http) },
    {
      provide: As4Sender,
      inject: [As4HttpTransport, ApIdentity, CertificateValidator, Clock, outboundConfig.KEY],
      // Signs with the pair active at the moment of sending (a certificate rollover switches it).
      useFactory: (transport: As4HttpTransport, identity: ApIdentity, validator: CertificateValidator, clock: Clock, cfg: OutboundConfig) =>
        new As4Sender(transport, () => identity.signing(), validator, clock, { replyXml: cfg.replyXml }),
    },
    {
      provide: EndpointResolver,
      inject: [PeppolDiscovery, CertificateValidator, Clock],
      useFactory: (discovery: PeppolDiscovery, validator: CertificateValidator, clock: Clock) => new EndpointResolver(discovery, validator, clock),
    },
    { provide: OutboundWorkspaces, inject: [outboundConfig.KEY], useFactory: (cfg: OutboundConfig) => new OutboundWorkspaces(cfg.tempDir) },
    OutboundAttempts,
    OutboundMetrics,
    OutboundService,
    OutboundSendAttempt,
    OutboundJobHandler,
    { provide: OutboundAs4Sender, useClass: OnwardAs4Sender },
  ],
  exports: [OutboundService, OutboundAs4Sender, OutboundAttempts, EndpointResolver, mlsConfig.KEY, As4Sender],
})
export class OutboundModule implements OnApplicationShutdown {
  constructor(@Inject(As4HttpTransport) private readonly transport: As4HttpTransport) {}

  async onApplicationShutdown(): Promise<void> {
    await this.transport.close();
  }
}
