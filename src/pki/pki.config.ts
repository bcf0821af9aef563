import path from 'node:path';
import { z } from 'zod';
import { ConfigError, defineConfig, type ConfigOf } from '../config/define-config.js';
import { env } from '../config/env.js';
import { DEV_PKI_FILES } from './dev-pki-files.js';

const PEPPOL_STAGES = ['dev', 'test', 'production'] as const;
export type PeppolStage = (typeof PEPPOL_STAGES)[number];

const REVOCATION_POLICIES = ['hard-fail', 'soft-fail', 'off'] as const;
/**
 * hard-fail: a certificate whose status cannot be established is rejected; soft-fail: accepted with a
 * logged warning when no responder answers (a definite "revoked" is always rejected); off: not checked.
 */
export type RevocationPolicy = (typeof REVOCATION_POLICIES)[number];

/** Where this AP's own key and certificate come from. */
export type KeySource =
  | { kind: 'pem'; certFile: string; keyFile: string; keyPassword?: string; certVariable: string; keyVariable: string }
  | { kind: 'p12'; file: string; password: string; fileVariable: string; passwordVariable: string };

export const pkiConfig = defineConfig(
  'pki',
  {
    PEPPOL_STAGE: env.oneOf(PEPPOL_STAGES, 'test'),
    AP_CERT: env.optionalString(),
    AP_KEY: env.optionalString(),
    AP_KEY_PASSWORD: env.optionalString(),
    AP_P12: env.optionalString(),
    AP_P12_PASSWORD: env.optionalString(),
    /** Rollover: the next key pair decrypts alongside the current one, and signs from the switch on. */
    AP_NEXT_CERT: env.optionalString(),
    AP_NEXT_KEY: env.optionalString(),
    AP_NEXT_KEY_PASSWORD: env.optionalString(),
    AP_NEXT_P12: env.optionalString(),
    AP_NEXT_P12_PASSWORD: env.optionalString(),
    /** When the next key pair takes over signing (ISO 8601); `peppol-ap pki rollover` can switch earlier. */
    AP_NEXT_ACTIVATE_AT: z.iso.datetime({ offset: true, message: 'expected an ISO 8601 date-time with zone' }).optional(),
    DATA_DIR: env.dataDir(),
    /** Which key pair signs after a rollover switch; default `DATA_DIR/pki-rollover.json`. */
    PKI_ROLLOVER_STATE_FILE: env.optionalString(),
    PKI_ROLLOVER_POLL_MS: env.int(10_000, 500, 3_600_000),
    AP_TRUSTED_CAS: env.list(),
    PKI_SMP_TRUSTED_CAS: env.list(),
    PKI_ACCEPT_G2: env.bool(false),
    PKI_DEV_DIR: env.string('certs-dev'),
    PKI_REVOCATION_POLICY: z.enum(REVOCATION_POLICIES).optional(),
    PKI_OCSP_ENABLED: env.bool(true),
    PKI_CRL_ENABLED: env.bool(true),
    PKI_OCSP_RESPONDER_URL: env.url(['http', 'https']),
    PKI_OCSP_TIMEOUT_MS: env.int(5_000, 100, 120_000),
    PKI_CRL_TIMEOUT_MS: env.int(10_000, 100, 300_000),
    PKI_OCSP_MAX_RESPONSE_BYTES: env.int(65_536, 1_024, 10_485_760),
    PKI_CRL_MAX_BYTES: env.int(20_971_520, 1_024, 209_715_200),
    PKI_REVOCATION_CACHE_DEFAULT_MS: env.int(3_600_000, 0, 604_800_000),
    PKI_REVOCATION_CACHE_MAX_MS: env.int(86_400_000, 0, 2_592_000_000),
    PKI_REVOCATION_CACHE_MAX_ENTRIES: env.int(10_000, 1, 10_000_000),
    PKI_CLOCK_SKEW_MS: env.int(300_000, 0, 86_400_000),
    PKI_FILE_MAX_BYTES: env.int(1_048_576, 1_024, 104_857_600),
    PKI_CERT_EXPIRY_WARNING_DAYS: env.int(30, 1, 365),
  },
  (v) => {
    const stage: PeppolStage = v.PEPPOL_STAGE;
    return {
      stage,
      keySource: resolveKeySource(slotValues(v, 'AP_'), stage === 'dev' ? v.PKI_DEV_DIR : undefined),
      rollover: {
        nextKeySource: resolveKeySource(slotValues(v, 'AP_NEXT_'), undefined),
        activateAt: v.AP_NEXT_ACTIVATE_AT === undefined ? undefined : new Date(v.AP_NEXT_ACTIVATE_AT),
        stateFile: v.PKI_ROLLOVER_STATE_FILE ?? path.join(v.DATA_DIR, 'pki-rollover.json'),
        pollMs: v.PKI_ROLLOVER_POLL_MS,
      },
      trustedCaFiles: v.AP_TRUSTED_CAS,
      smpTrustedCaFiles: v.PKI_SMP_TRUSTED_CAS,
      acceptG2: v.PKI_ACCEPT_G2,
      devDir: v.PKI_DEV_DIR,
      revocation: {
        // Production and test must refuse what they cannot check; a laptop without a responder need not.
        policy: v.PKI_REVOCATION_POLICY ?? (stage === 'dev' ? 'soft-fail' : 'hard-fail'),
        ocspEnabled: v.PKI_OCSP_ENABLED,
        crlEnabled: v.PKI_CRL_ENABLED,
        ocspResponderUrl: v.PKI_OCSP_RESPONDER_URL,
        ocspTimeoutMs: v.PKI_OCSP_TIMEOUT_MS,
        crlTimeoutMs: v.PKI_CRL_TIMEOUT_MS,
        ocspMaxResponseBytes: v.PKI_OCSP_MAX_RESPONSE_BYTES,
        crlMaxBytes: v.PKI_CRL_MAX_BYTES,
        cacheDefaultMs: v.PKI_REVOCATION_CACHE_DEFAULT_MS,
        cacheMaxMs: v.PKI_REVOCATION_CACHE_MAX_MS,
        cacheMaxEntries: v.PKI_REVOCATION_CACHE_MAX_ENTRIES,
      },
      clockSkewMs: v.PKI_CLOCK_SKEW_MS,
      fileMaxBytes: v.PKI_FILE_MAX_BYTES,
      certExpiryWarningDays: v.PKI_CERT_EXPIRY_WARNING_DAYS,
    };
  },
);

export type PkiConfig = ConfigOf<typeof pkiConfig>;
export type RevocationConfig = PkiConfig['revocation'];

interface SlotValues {
  prefix: string;
  cert?: string;
  key?: string;
  keyPassword?: string;
  p12?: string;
  p12Password?: string;
}

function slotValues(v: Record<string, unknown>, prefix: 'AP_' | 'AP_NEXT_'): SlotValues {
  const get = (name: string) => v[`${prefix}${name}`] as string | undefined;
  return { prefix, cert: get('CERT'), key: get('KEY'), keyPassword: get('KEY_PASSWORD'), p12: get('P12'), p12Password: get('P12_PASSWORD') };
}

/** PEM pair or PKCS#12 for one slot (`AP_…` current, `AP_NEXT_…` rollover); in dev the current slot defaults to the dev PKI. */
function resolveKeySource(v: SlotValues, devDir: string | undefined): KeySource | undefined {
  const p = v.prefix;
  const pemGiven = v.cert !== undefined || v.key !== undefined;
  if (pemGiven && v.p12 !== undefined) {
    throw new ConfigError(`Invalid configuration: ${p}P12 is set together with ${p}CERT/${p}KEY; use one or the other`);
  }
  if (v.p12 !== undefined) {
    if (v.p12Password === undefined) {
      throw new ConfigError(`Invalid configuration: ${p}P12_PASSWORD (unset): required when ${p}P12 is set`);
    }
    return { kind: 'p12', file: v.p12, password: v.p12Password, fileVariable: `${p}P12`, passwordVariable: `${p}P12_PASSWORD` };
  }
  if (pemGiven) {
    if (v.cert === undefined) throw new ConfigError(`Invalid configuration: ${p}CERT (unset): required with ${p}KEY`);
    if (v.key === undefined) throw new ConfigError(`Invalid configuration: ${p}KEY (unset): required with ${p}CERT`);
    return { kind: 'pem', certFile: v.cert, keyFile: v.key, keyPassword: v.keyPassword, certVariable: `${p}CERT`, keyVariable: `${p}KEY` };
  }
  // In dev the key pair made by `peppol-ap pki init` is the default identity.
  if (devDir !== undefined) {
    return {
      kind: 'pem',
      certFile: path.join(devDir, DEV_PKI_FILES.ourAp.cert),
      keyFile: path.join(devDir, DEV_PKI_FILES.ourAp.key),
      certVariable: `${p}CERT`,
      keyVariable: `${p}KEY`,
    };
  }
  return undefined;
}
