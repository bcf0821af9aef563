import { z } from 'zod';
import { defineConfig, type ConfigOf } from '../config/define-config.js';
import { env } from '../config/env.js';

export const discoveryConfig = defineConfig(
  'discovery',
  {
    /** DNS zone of the SML; unset = the OpenPeppol SML of PEPPOL_STAGE (production or test). */
    SML_ZONE: env.optionalString(),
    /** Private setups: every participant is served by this SMP, no DNS lookup at all. */
    SMP_FIXED_URL: env.url(['http', 'https']),
    /** Also try the legacy CNAME (MD5) scheme when no NAPTR record exists. */
    SML_LEGACY_CNAME: env.bool(false),
    /** Comma-separated DNS servers (ip or ip:port); unset = the system resolvers. */
    DISCOVERY_DNS_SERVERS: env.list(),
    DISCOVERY_DNS_TIMEOUT_MS: env.int(5_000, 100, 60_000),
    SMP_TIMEOUT_MS: env.int(10_000, 100, 120_000),
    SMP_MAX_RESPONSE_BYTES: env.int(5_242_880, 4_096, 104_857_600),
    SMP_MAX_XML_ELEMENTS: env.int(200_000, 100, 10_000_000),
    /** Older SMPs still sign with RSA-SHA1. */
    SMP_ALLOW_RSA_SHA1: env.bool(true),
    DISCOVERY_CACHE_TTL_MS: env.int(3_600_000, 0, 86_400_000),
    /** Kept short so a new registration shows up quickly. */
    DISCOVERY_NEGATIVE_CACHE_TTL_MS: env.int(60_000, 0, 3_600_000),
    DISCOVERY_CACHE_MAX_ENTRIES: env.int(10_000, 1, 1_000_000),
    /** Refuse endpoints that are not https on port 443; unset = required except in PEPPOL_STAGE=dev. */
    DISCOVERY_REQUIRE_HTTPS: z.enum(['true', 'false'], { message: 'expected true or false' }).optional(),
  },
  (v) => ({
    smlZone: v.SML_ZONE?.replace(/\.+$/, ''),
    fixedSmpUrl: v.SMP_FIXED_URL,
    legacyCname: v.SML_LEGACY_CNAME,
    dnsServers: v.DISCOVERY_DNS_SERVERS,
    dnsTimeoutMs: v.DISCOVERY_DNS_TIMEOUT_MS,
    smpTimeoutMs: v.SMP_TIMEOUT_MS,
    smpMaxResponseBytes: v.SMP_MAX_RESPONSE_BYTES,
    smpMaxXmlElements: v.SMP_MAX_XML_ELEMENTS,
    allowRsaSha1: v.SMP_ALLOW_RSA_SHA1,
    cacheTtlMs: v.DISCOVERY_CACHE_TTL_MS,
    negativeCacheTtlMs: v.DISCOVERY_NEGATIVE_CACHE_TTL_MS,
    cacheMaxEntries: v.DISCOVERY_CACHE_MAX_ENTRIES,
    requireHttps: v.DISCOVERY_REQUIRE_HTTPS === undefined ? undefined : v.DISCOVERY_REQUIRE_HTTPS === 'true',
  }),
);

export type DiscoveryConfig = ConfigOf<typeof discoveryConfig>;

/** OpenPeppol SML zones. */
export const SML_ZONES = {
  production: 'participant.sml.prod.tech.peppol.org',
  test: 'participant.sml.test.tech.peppol.org',
} as const;
