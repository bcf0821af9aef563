import { Module } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import type { ConfigOf } from '../config/define-config.js';
import { BoundedHttpClient } from '../pki/bounded-http.js';
import { CertificateValidator } from '../pki/certificate-validator.js';
import { pkiConfig } from '../pki/pki.config.js';
import { discoveryConfig } from './discovery.config.js';
import { createDiscovery } from './discovery.factory.js';
import { PeppolDiscovery } from './discovery.service.js';

/**
 * Peppol discovery (SML → SMP → AS4 endpoint + receiver certificate) for the sending side. Needs the
 * PkiModule (global) for the certificate validator and the stage; named apart from Nest's own
 * DiscoveryModule.
 */
@Module({
  providers: [
    discoveryConfig.provider,
    {
      provide: PeppolDiscovery,
      inject: [discoveryConfig.KEY, pkiConfig.KEY, CertificateValidator, Clock],
      useFactory: (cfg: ConfigOf<typeof discoveryConfig>, pki: ConfigOf<typeof pkiConfig>, validator: CertificateValidator, clock: Clock) =>
        createDiscovery(cfg, { config: pki, validator, http: new BoundedHttpClient() }, { clock }),
    },
  ],
  exports: [PeppolDiscovery, discoveryConfig.KEY],
})
export class PeppolDiscoveryModule {}
