import type { Clock } from '../common/clock.js';
import type { PkiServices } from '../pki/pki.factory.js';
import { SML_ZONES, type DiscoveryConfig } from './discovery.config.js';
import { PeppolDiscovery } from './discovery.service.js';
import { NodeDnsResolver, type DiscoveryDnsResolver } from './dns-resolver.js';
import { SmlLocator } from './sml-locator.js';
import { SmpClient } from './smp-client.js';
import { SmpSignatureVerifier } from './smp-signature.js';

/**
 * The SML zone: configured, else the OpenPeppol SML of the PKI stage. The dev stage has none by
 * default: its trust store holds only dev certificates, so no SMP the Peppol SML names could be
 * trusted, and development and test runs must not query the network (set SML_ZONE or SMP_FIXED_URL).
 */
export function smlZoneFor(config: DiscoveryConfig, stage: PkiServices['config']['stage']): string | undefined {
  if (config.smlZone) return config.smlZone;
  if (stage === 'dev') return undefined;
  return stage === 'production' ? SML_ZONES.production : SML_ZONES.test;
}

export function createDiscovery(
  config: DiscoveryConfig,
  pki: Pick<PkiServices, 'config' | 'validator' | 'http'>,
  deps: { clock: Clock; dns?: DiscoveryDnsResolver },
): PeppolDiscovery {
  const dns = deps.dns ?? new NodeDnsResolver({ timeoutMs: config.dnsTimeoutMs, servers: config.dnsServers });
  const locator = new SmlLocator(dns, {
    zone: smlZoneFor(config, pki.config.stage),
    fixedSmpUrl: config.fixedSmpUrl,
    legacyCname: config.legacyCname,
  });
  const verifier = new SmpSignatureVerifier(pki.validator, deps.clock, { allowRsaSha1: config.allowRsaSha1 });
  const smp = new SmpClient(pki.http, verifier, {
    timeoutMs: config.smpTimeoutMs,
    maxResponseBytes: config.smpMaxResponseBytes,
    maxXmlElements: config.smpMaxXmlElements,
  });
  return new PeppolDiscovery(locator, smp, pki.validator, deps.clock, {
    ttlMs: config.cacheTtlMs,
    negativeTtlMs: config.negativeCacheTtlMs,
    maxEntries: config.cacheMaxEntries,
    requireHttpsEndpoint: config.requireHttps ?? pki.config.stage !== 'dev',
  });
}
