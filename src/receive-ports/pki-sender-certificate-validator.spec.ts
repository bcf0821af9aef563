import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CertificateValidator } from '../pki/certificate-validator.js';
import { createDevPki } from '../pki/dev-pki.js';
import { PkiSenderCertificateValidator, RevocationUndecidedError } from './pki-sender-certificate-validator.js';

describe('PkiSenderCertificateValidator', () => {
  it('maps the PKI verdicts, caches acceptances for the TTL only, never rejections', async () => {
    const pki = await createDevPki();
    const cert = new X509Certificate(pki.partnerAp.certPem);
    const answers: Array<{ valid: boolean; code?: string; message?: string }> = [{ valid: true }, { valid: false, code: 'revoked', message: 'revoked' }];
    let calls = 0;
    const fake = { validate: async () => answers[Math.min(calls++, answers.length - 1)] } as unknown as CertificateValidator;
    const adapter = new PkiSenderCertificateValidator(fake, { ttlMs: 1000, maxEntries: 10 });
    const t0 = new Date();
    expect(await adapter.validate(cert, t0)).toEqual({ valid: true });
    expect(await adapter.validate(cert, new Date(t0.getTime() + 500))).toEqual({ valid: true });
    expect(calls).toBe(1);
    expect(await adapter.validate(cert, new Date(t0.getTime() + 1500))).toEqual({ valid: false, reason: 'revoked' });
    expect(await adapter.validate(cert, new Date(t0.getTime() + 1600))).toEqual({ valid: false, reason: 'revoked' });
    expect(calls).toBe(3);

    const undecided = { validate: async () => ({ valid: false, code: 'revocation-unknown', message: 'OCSP down' }) } as unknown as CertificateValidator;
    await expect(new PkiSenderCertificateValidator(undecided).validate(cert, t0)).rejects.toBeInstanceOf(RevocationUndecidedError);
    // Never checkable (no OCSP responder, no CRL): a permanent refusal, not "retry later".
    const never = { validate: async () => ({ valid: false, code: 'revocation-uncheckable', message: 'names no OCSP responder and no CRL' }) } as unknown as CertificateValidator;
    expect(await new PkiSenderCertificateValidator(never).validate(cert, t0)).toEqual({ valid: false, reason: 'names no OCSP responder and no CRL' });
  });

  it('checks a certificate once for all the messages that arrive while it is being checked', async () => {
    const pki = await createDevPki();
    const cert = new X509Certificate(pki.partnerAp.certPem);
    let calls = 0;
    let answer!: (verdict: { valid: boolean }) => void;
    const slow = { validate: () => (calls++, new Promise((resolve) => (answer = resolve))) } as unknown as CertificateValidator;
    const adapter = new PkiSenderCertificateValidator(slow, { ttlMs: 0, maxEntries: 10 });
    const verdicts = Promise.all(Array.from({ length: 32 }, () => adapter.validate(cert, new Date())));
    answer({ valid: true });
    expect(await verdicts).toEqual(Array.from({ length: 32 }, () => ({ valid: true })));
    expect(calls).toBe(1);
    // Nothing cached (TTL 0) and nothing under way: the next message is checked anew.
    const next = adapter.validate(cert, new Date());
    answer({ valid: true });
    await next;
    expect(calls).toBe(2);
  });
});
