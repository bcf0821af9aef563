import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Clock } from '../../src/common/clock.js';
import { BoundedHttpClient } from '../../src/pki/bounded-http.js';
import { parseCertificate } from '../../src/pki/certificate.js';
import { createDevPki, type DevPki } from '../../src/pki/dev-pki.js';
import { OcspClient } from '../../src/pki/ocsp-client.js';

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** openssl ocsp serves one connection at a time, so wait for its banner rather than probing the port. */
async function waitForBanner(child: ChildProcess, deadlineMs: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('openssl ocsp did not start')), deadlineMs);
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes('waiting for OCSP client connections')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`openssl ocsp exited with ${code}: ${seen}`)));
  });
}

const indexTime = (d: Date) => d.toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z';

// Our client against an independent OCSP implementation: OpenSSL's responder with a delegated signer.
describe.skipIf(!hasOpenssl)('OcspClient against the openssl ocsp responder', () => {
  let dir: string;
  let pki: DevPki;
  let responder: ChildProcess;
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ocsp-openssl-'));
    pki = await createDevPki();
    const file = (name: string, text: string) => {
      writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    const line = (entry: DevPki['ourAp'], revoked?: Date) => {
      const cert = parseCertificate(entry.certPem);
      const dn = '/' + cert.node.subject.split('\n').join('/');
      const serial = cert.node.serialNumber.toUpperCase();
      return revoked
        ? `R\t${indexTime(cert.notAfter)}\t${indexTime(revoked)},keyCompromise\t${serial}\tunknown\t${dn}`
        : `V\t${indexTime(cert.notAfter)}\t\t${serial}\tunknown\t${dn}`;
    };
    file('index.txt', `${line(pki.ourAp)}\n${line(pki.revokedAp, new Date('2026-01-02T03:04:05Z'))}\n`);
    const port = await freePort();
    url = `http://127.0.0.1:${port}/`;
    responder = spawn('openssl', [
      'ocsp', '-index', path.join(dir, 'index.txt'), '-port', String(port),
      '-rsigner', file('ocsp.pem', pki.ocspResponder.certPem), '-rkey', file('ocsp.key', pki.ocspResponder.keyPem),
      '-CA', file('ca.pem', pki.apCa.certPem), '-nmin', '60',
    ], { stdio: ['ignore', 'pipe', 'pipe'] });
    await waitForBanner(responder, 10_000);
  });
  afterAll(() => {
    responder?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  const client = () => new OcspClient(new BoundedHttpClient(), new Clock(), { timeoutMs: 5_000, maxResponseBytes: 65_536, clockSkewMs: 60_000 });

  it('reads "good", "revoked" and "unknown" answers', async () => {
    const apCa = parseCertificate(pki.apCa.certPem);
    const good = await client().check(parseCertificate(pki.ourAp.certPem), apCa, url);
    if (good.status === 'unknown') throw new Error(good.reason);
    expect(good).toMatchObject({ status: 'good', source: 'ocsp' });
    expect(good.status === 'good' && good.nextUpdate).toBeInstanceOf(Date);

    const revoked = await client().check(parseCertificate(pki.revokedAp.certPem), apCa, url);
    expect(revoked).toMatchObject({ status: 'revoked', revokedAt: new Date('2026-01-02T03:04:05Z'), reason: 'keyCompromise' });

    const notInIndex = await client().check(parseCertificate(pki.partnerAp.certPem), apCa, url);
    expect(notInIndex.status === 'unknown' && notInIndex.reason).toMatch(/does not know the certificate/);
  });
});
