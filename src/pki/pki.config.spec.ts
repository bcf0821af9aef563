import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config/define-config.js';
import { pkiConfig } from './pki.config.js';

describe('pkiConfig', () => {
  it('defaults to the test stage with hard-fail revocation and no key source', () => {
    const cfg = pkiConfig.load({});
    expect(cfg.stage).toBe('test');
    expect(cfg.revocation.policy).toBe('hard-fail');
    expect(cfg.keySource).toBeUndefined();
  });

  it('uses the dev PKI key pair and soft-fail in the dev stage', () => {
    const cfg = pkiConfig.load({ PEPPOL_STAGE: 'dev', PKI_DEV_DIR: '/x' });
    expect(cfg.revocation.policy).toBe('soft-fail');
    expect(cfg.keySource).toMatchObject({ kind: 'pem', certFile: '/x/ap.cert.pem', keyFile: '/x/ap.key.pem' });
  });

  it('reads trusted CA files and an explicit policy', () => {
    const cfg = pkiConfig.load({ AP_TRUSTED_CAS: 'a.pem, b.pem', PKI_REVOCATION_POLICY: 'soft-fail', PEPPOL_STAGE: 'production' });
    expect(cfg.trustedCaFiles).toEqual(['a.pem', 'b.pem']);
    expect(cfg.revocation.policy).toBe('soft-fail');
  });

  it.each([
    [{ AP_P12: 'x.p12' }, /AP_P12_PASSWORD \(unset\)/],
    [{ AP_CERT: 'c.pem' }, /AP_KEY \(unset\)/],
    [{ AP_KEY: 'k.pem' }, /AP_CERT \(unset\)/],
    [{ AP_P12: 'x.p12', AP_P12_PASSWORD: 'p', AP_CERT: 'c.pem', AP_KEY: 'k.pem' }, /use one or the other/],
    [{ PEPPOL_STAGE: 'staging' }, /PEPPOL_STAGE/],
    [{ PKI_REVOCATION_POLICY: 'maybe' }, /PKI_REVOCATION_POLICY/],
    [{ PKI_OCSP_TIMEOUT_MS: '5' }, /PKI_OCSP_TIMEOUT_MS/],
  ])('rejects %o naming the variable', (env, message) => {
    expect(() => pkiConfig.load(env)).toThrow(ConfigError);
    expect(() => pkiConfig.load(env)).toThrow(message);
  });
});
