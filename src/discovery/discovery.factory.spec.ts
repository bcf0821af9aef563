import { describe, expect, it } from 'vitest';
import { discoveryConfig } from './discovery.config.js';
import { smlZoneFor } from './discovery.factory.js';

describe('smlZoneFor', () => {
  it('follows the PKI stage unless SML_ZONE is set', () => {
    expect(smlZoneFor(discoveryConfig.load({}), 'production')).toBe('participant.sml.prod.tech.peppol.org');
    expect(smlZoneFor(discoveryConfig.load({}), 'test')).toBe('participant.sml.test.tech.peppol.org');
    expect(smlZoneFor(discoveryConfig.load({}), 'dev')).toBeUndefined();
    expect(smlZoneFor(discoveryConfig.load({ SML_ZONE: 'sml.dev.example' }), 'dev')).toBe('sml.dev.example');
    expect(smlZoneFor(discoveryConfig.load({ SML_ZONE: 'acc.edelivery.tech.ec.europa.eu.' }), 'production')).toBe('acc.edelivery.tech.ec.europa.eu');
  });

  it('reads DISCOVERY_REQUIRE_HTTPS as unset, true or false', () => {
    expect(discoveryConfig.load({}).requireHttps).toBeUndefined();
    expect(discoveryConfig.load({ DISCOVERY_REQUIRE_HTTPS: 'false' }).requireHttps).toBe(false);
    expect(() => discoveryConfig.load({ DISCOVERY_REQUIRE_HTTPS: 'maybe' })).toThrow(/DISCOVERY_REQUIRE_HTTPS/);
  });

  it('validates the discovery variables', () => {
    expect(() => discoveryConfig.load({ SMP_FIXED_URL: 'ftp://smp' })).toThrow(/SMP_FIXED_URL/);
    expect(() => discoveryConfig.load({ DISCOVERY_NEGATIVE_CACHE_TTL_MS: '-1' })).toThrow(/DISCOVERY_NEGATIVE_CACHE_TTL_MS/);
    expect(discoveryConfig.load({ DISCOVERY_DNS_SERVERS: '127.0.0.1:5353, 10.0.0.1' }).dnsServers).toEqual(['127.0.0.1:5353', '10.0.0.1']);
  });
});
