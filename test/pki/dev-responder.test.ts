import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Clock } from '../../src/common/clock.js';
import { BoundedHttpClient } from '../../src/pki/bounded-http.js';
import { parseCertificate } from '../../src/pki/certificate.js';
import { CrlClient } from '../../src/pki/crl-client.js';
import { writeDevPki } from '../../src/pki/dev-pki-files.js';
import type { DevPki } from '../../src/pki/dev-pki.js';
import { runDevResponder } from '../../src/pki/dev-responder.js';
import { OcspClient } from '../../src/pki/ocsp-client.js';
import { PeppolRevocationChecker } from '../../src/pki/revocation-service.js';

describe('dev responder (pki dev-responder)', () => {
  let dir: string;
  let pki: DevPki;
  let stop: () => void;
  let running: Promise<void>;
  const lines: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dev-responder-'));
    // Certificates naming the responder port the test will use is what `pki init` + dev-responder do together.
    const probe = await import('node:net').then(({ createServer }) => {
      const s = createServer();
      return new Promise<number>((resolve) => s.listen(0, '127.0.0.1', () => {
        const { port } = s.address() as { port: number };
        s.close(() => resolve(port));
      }));
    });
    pki = await writeDevPki(dir, { ocspUrl: `http://127.0.0.1:${probe}/ocsp`, crlBaseUrl: `http://127.0.0.1:${probe}/crl` });
    running = runDevResponder({ dir, port: probe, host: '127.0.0.1' }, new Promise<void>((resolve) => (stop = resolve)), (l) => lines.push(l));
    await vi.waitFor(() => {
      if (lines.length === 0) throw new Error('responder not started yet');
    }, { timeout: 5_000, interval: 25 });
  });
  afterAll(async () => {
    stop();
    await running;
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers OCSP for the dev certificates: revoked.cert.pem revoked, the others good', async () => {
    expect(lines[0]).toMatch(/dev OCSP responder http:\/\/127\.0\.0\.1:\d+\/ocsp/);
    const clock = new Clock();
    const http = new BoundedHttpClient();
    const checker = new PeppolRevocationChecker(
      new OcspClient(http, clock, { timeoutMs: 2_000, maxResponseBytes: 65_536, clockSkewMs: 60_000 }),
      new CrlClient(http, clock, { timeoutMs: 2_000, maxBytes: 1_000_000, clockSkewMs: 60_000, cacheDefaultMs: 1_000, cacheMaxMs: 1_000, maxCachedCrls: 2 }),
      clock,
      { ocspEnabled: true, crlEnabled: false, ocspResponderUrl: undefined, cacheDefaultMs: 1_000, cacheMaxMs: 1_000, cacheMaxEntries: 10 },
    );
    const apCa = parseCertificate(pki.apCa.certPem);
    expect(await checker.check(parseCertificate(pki.revokedAp.certPem), apCa)).toMatchObject({ status: 'revoked', reason: 'keyCompromise' });
    expect(await checker.check(parseCertificate(pki.ourAp.certPem), apCa)).toMatchObject({ status: 'good' });
  });

  it('refuses to start without a dev PKI', async () => {
    await expect(runDevResponder({ dir: path.join(dir, 'none'), port: 0, host: '127.0.0.1' }, Promise.resolve(), () => undefined)).rejects.toThrow(/pki init/);
  });
});
