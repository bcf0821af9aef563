import { createPrivateKey, randomBytes, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyReply } from '../../src/as4/signals/receipt-verifier.js';
import { readDevPki } from '../../src/pki/dev-pki-files.js';
import type { DevPki } from '../../src/pki/dev-pki.js';
import { buildCartXml, sampleCart } from '../../src/demo/sample-cart.js';
import { wireVariants, type WireVariant } from '../as4/support/wire-variants.js';
import { buildFromPartner, sbdAround, type PrebuiltMessage } from '../support/as4-client.js';
import { createPostgresTestDatabase, type TestDatabase } from '../support/databases.js';
import { devPkiEnv, TEST_PKI_DIR } from '../support/dev-pki.js';
import { type RunningProcess, startProcess } from '../support/processes.js';
import { piecesOf, postSegments } from '../support/raw-http.js';

const BUYER = '0192:123456785';
const SELLER = '0192:987654325';

/**
 * Every wire variant through a real HTTP request to the API process (PostgreSQL, Redis, file
 * store), and the strict form whatever the TCP segmentation: each answered with a receipt whose
 * signature and NRI the sender verifies; the refusals and tolerated deviations show in /metrics.
 */
describe('AS4 receive over HTTP: wire variants of other stacks and TCP segmentation', () => {
  let db: TestDatabase;
  let api: RunningProcess;
  let pki: DevPki;
  let dataDir: string;
  const prefix = `t-wire-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    db = await createPostgresTestDatabase();
    dataDir = mkdtempSync(path.join(tmpdir(), 'ap-wire-e2e-'));
    const env = await devPkiEnv();
    pki = (await readDevPki(TEST_PKI_DIR))!;
    api = await startProcess('main.js', { ...env, DATABASE_URL: db.url, DATA_DIR: dataDir, PORT: '0', QUEUE_PREFIX: prefix, SERVED_PARTICIPANTS: BUYER });
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const fresh = () => buildFromPartner(pki, sbdAround(Buffer.from(buildCartXml(sampleCart(3)), 'utf8'), { sender: SELLER, receiver: BUYER }), { sender: SELLER, receiver: BUYER });
  const variantsOf = async () => {
    const message = await fresh();
    return { message, variants: wireVariants(message.built, createPrivateKey(pki.partnerAp.keyPem)) };
  };
  const ourCertificate = () => new X509Certificate(pki.ourAp.certPem);

  async function expectVerifiedReceipt(reply: Buffer, message: PrebuiltMessage, variant?: WireVariant): Promise<void> {
    const outcome = await verifyReply(reply, {
      sentMessageId: message.built.messageId,
      sentReferences: variant?.signedReferences ?? message.built.signedReferences,
      limits: { maxBytes: 1 << 20, maxDepth: 64, maxElements: 10_000 },
      checkCertificate: async (cert) => {
        if (!cert.raw.equals(ourCertificate().raw)) throw new Error('the receipt is not signed by the receiving AP');
      },
    });
    expect(outcome.kind, reply.toString('utf8').slice(0, 600)).toBe('receipt');
  }

  it('accepts every variant, each with a receipt the sender verifies, and stores its raw body as received', async () => {
    const names = (await variantsOf()).variants.map((v) => v.name);
    for (const name of names) {
      const { message, variants } = await variantsOf();
      const variant = variants.find((v) => v.name === name)!;
      const res = await fetch(`http://127.0.0.1:${api.port}/as4`, { method: 'POST', headers: { 'content-type': variant.contentType }, body: variant.body });
      const reply = Buffer.from(await res.arrayBuffer());
      expect(res.status, `${name}: ${reply.toString('utf8').slice(0, 600)}`).toBe(200);
      await expectVerifiedReceipt(reply, message, variant);
      const rows = await db.db.query<{ raw_sha256: string }>(`SELECT raw_sha256 FROM messages WHERE as4_message_id = $1`, [message.built.messageId]);
      expect(rows, name).toHaveLength(1);
    }
  });

  it.each([
    ['chunked, 64-byte chunks each in its own read', 'chunked', 64, () => 1],
    ['chunked, the CRLF after the close delimiter alone in the last chunk', 'chunked', -2, (i: number) => (i === 1 ? 60 : 0)],
    ['Content-Length, the last two bytes in a later TCP segment', 'length', -2, (i: number) => (i === 1 ? 60 : 0)],
    ['Content-Length, 7-byte segments', 'length', 7, (i: number) => (i % 50 === 0 ? 1 : 0)],
  ] as const)('accepts the strict form whatever the segmentation: %s', async (_name, framing, size, pauseMs) => {
    const message = await fresh();
    const segments = size > 0 ? piecesOf(message.body, size) : [message.body.subarray(0, size), message.body.subarray(size)];
    const reply = await postSegments({ port: api.port!, path: '/as4', contentType: message.contentType, segments, framing, pauseMs });
    expect(reply.status, reply.body.toString('utf8').slice(0, 600)).toBe(200);
    await expectVerifiedReceipt(reply.body, message);
  });

  it('accepts a bare-LF variant in small chunks, and counts refusals by code and tolerated deviations in /metrics', async () => {
    const { message, variants } = await variantsOf();
    const bareLf = variants.find((v) => v.name === 'bare-lf-line-breaks')!;
    const reply = await postSegments({ port: api.port!, path: '/as4', contentType: bareLf.contentType, segments: piecesOf(bareLf.body, 50), framing: 'chunked', pauseMs: () => 1 });
    expect(reply.status).toBe(200);
    await expectVerifiedReceipt(reply.body, message, bareLf);

    const refused = await fresh();
    const biniry = Buffer.from(refused.body.toString('latin1').replace('Content-Transfer-Encoding: binary\r\nContent-ID', 'Content-Transfer-Encoding: biniry\r\nContent-ID'), 'latin1');
    const res = await fetch(`http://127.0.0.1:${api.port}/as4`, { method: 'POST', headers: { 'content-type': refused.contentType }, body: biniry });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('biniry');

    const metrics = await (await fetch(`http://127.0.0.1:${api.port}/metrics`)).text();
    expect(Number(/^peppol_ap_as4_inbound_tolerated_total\{deviation="bare-lf"\} (\d+)/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(2);
    expect(Number(/^peppol_ap_as4_inbound_total\{outcome="EBMS:0007"\} (\d+)/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(1);
    expect(Number(/^peppol_ap_as4_inbound_total\{outcome="receipt"\} (\d+)/m.exec(metrics)?.[1])).toBeGreaterThan(30);
  });
});
