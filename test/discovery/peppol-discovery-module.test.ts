import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { describe, expect, it } from 'vitest';
import { Clock } from '../../src/common/clock.js';
import { PeppolDiscovery } from '../../src/discovery/discovery.service.js';
import { PeppolDiscoveryModule } from '../../src/discovery/peppol-discovery.module.js';
import { CertificateValidator } from '../../src/pki/certificate-validator.js';
import { pkiConfig } from '../../src/pki/pki.config.js';
import { TrustStore } from '../../src/pki/trust-store.js';

describe('PeppolDiscoveryModule', () => {
  it('builds PeppolDiscovery from the PKI validator and the discovery configuration', async () => {
    @Module({
      providers: [
        Clock,
        pkiConfig.provider,
        { provide: CertificateValidator, useValue: new CertificateValidator(new TrustStore([], { ap: [], smp: [] }), { revocationPolicy: 'off' }) },
      ],
      exports: [Clock, pkiConfig.KEY, CertificateValidator],
    })
    class FakePkiModule {}
    @Module({ imports: [{ module: FakePkiModule, global: true }, PeppolDiscoveryModule] })
    class RootModule {}
    const app = await NestFactory.createApplicationContext(RootModule, { logger: false });
    expect(app.get(PeppolDiscovery)).toBeInstanceOf(PeppolDiscovery);
    await app.close();
  });
});
