import { describe, expect, it } from 'vitest';
import { isSecretVariable, redactText, registerSecret, showValue } from './redact.js';

describe('redactText', () => {
  it.each([
    ['DATABASE_URL ("mysql://app:S3cretPassw0rd@127.0.0.1/db")', 'S3cretPassw0rd', 'mysql://app:***@127.0.0.1/db'],
    ['connect redis://:R3dis-pw@redis:6379/0 failed', 'R3dis-pw', 'redis://:***@redis:6379/0'],
    ['postgres://app:p@ss@db/x', 'p@ss', 'postgres://app:***@db/x'],
    ['{"url":"https://u:tok3n@ocsp.example/"}', 'tok3n', 'https://u:***@ocsp.example/'],
    ['signing with whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw=', 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'whsec_***'],
  ])('removes credentials from %s', (text, secret, shown) => {
    const out = redactText(text);
    expect(out).not.toContain(secret);
    expect(out).toContain(shown);
  });

  it('removes registered secret values, also JSON-escaped', () => {
    registerSecret('pa"ss\\word-42');
    expect(redactText('wrong key password pa"ss\\word-42')).toBe('wrong key password ***');
    expect(redactText(JSON.stringify({ msg: 'x pa"ss\\word-42 y' }))).toBe('{"msg":"x *** y"}');
  });

  it('leaves text without secrets alone', () => {
    expect(redactText('listening on http://127.0.0.1:8080/as4')).toBe('listening on http://127.0.0.1:8080/as4');
  });
});

describe('showValue', () => {
  it('hides secret variables, and credentials of URLs whether or not they parse', () => {
    expect(showValue('AP_KEY_PASSWORD', 'hunter22')).toBe('set, hidden');
    expect(showValue('ADMIN_API_KEYS', 'admin:xyz')).toBe('set, hidden');
    expect(showValue('DATABASE_URL', 'postgres://a:b c@d/e')).toBe('"postgres://***@d/e"');
    expect(showValue('REDIS_URL', 'redis://:pw12@h:1')).toBe('"redis://***@h:1"');
    expect(showValue('PORT', 'eighty')).toBe('"eighty"');
    expect(showValue('PORT', undefined)).toBe('unset');
  });

  it('knows which variables are secret', () => {
    for (const name of ['AP_KEY_PASSWORD', 'AP_P12_PASSWORD', 'AP_NEXT_KEY_PASSWORD', 'ADMIN_API_KEYS', 'POSTGRES_PASSWORD', 'WEBHOOK_SECRET']) expect(isSecretVariable(name)).toBe(true);
    for (const name of ['AP_KEY', 'AP_CERT', 'DATABASE_URL', 'DELIVERY_SECRET_ROTATION_OVERLAP_S', 'PORT']) expect(isSecretVariable(name)).toBe(false);
  });
});
