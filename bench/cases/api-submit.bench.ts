import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { percentile, startApi } from '../support/as4-harness.js';
import { DemoSmp } from '../../src/demo/demo-smp.js';
import { buildCartXml, sampleCart } from '../../src/demo/sample-cart.js';
import { DEV_PKI_FILES } from '../../src/pki/dev-pki-files.js';
import { PROCESSES, TRANSACTIONS } from '../../src/peppol/index.js';
import { parseBuyerConfig } from '../../src/punchout/buyer-config.js';
import { parseCart } from '../../src/punchout/cart.js';
import { cartToOrder } from '../../src/punchout/cart-to-order.js';
import type { BenchCase } from '../case.js';

const CONCURRENCY = 16;
const WARMUP = 16;
const MESSAGES = 300;
const POLL_MS = 20;
/** The sample cart's parties: its receiver orders (served by the sending access point), its provider sells. */
const BUYER = '0192:123456785';
const SUPPLIER = '0192:987654325';

/**
 * The back-end API end to end: valid T01 orders (5 lines) submitted through POST /api/v1/documents
 * of one access point (API and worker in one process: validation against the official rules,
 * record, SMP discovery on a loopback SMP, AS4 send) to a second access point on loopback (the API
 * process: decryption, verification, storage, signed receipt), 16 in flight. A document's latency
 * runs from the POST to its status `sent` (the receipt verified), read by polling its status URL.
 */
const apiSubmit: BenchCase = {
  name: 'api-submit',
  async run() {
    const receiver = await startApi([SUPPLIER], { QUEUE_PREFIX: `bench-api-rx-${randomBytes(4).toString('hex')}` });
    // The sending access point is the dev PKI's partner AP: both trust the same development CA.
    const pkiDir = receiver.pkiDir;
    const smp = new DemoSmp(receiver.pki.smp);
    await smp.start();
    smp.publish({ participant: SUPPLIER, documentTypeId: TRANSACTIONS.order.documentTypeId, processId: PROCESSES.ordering, address: `http://127.0.0.1:${receiver.port}/as4`, certificatePem: receiver.pki.ourAp.certPem });
    const adminKey = randomBytes(30).toString('base64url');
    const sender = await startApi(
      [BUYER],
      {
        QUEUE_PREFIX: `bench-api-tx-${randomBytes(4).toString('hex')}`,
        AP_CERT: path.join(pkiDir, DEV_PKI_FILES.partnerAp.cert),
        AP_KEY: path.join(pkiDir, DEV_PKI_FILES.partnerAp.key),
        SMP_FIXED_URL: smp.url,
        AS4_SEND_ALLOW_HTTP: 'true',
        ADMIN_API_KEYS: `admin:${adminKey}`,
        VALIDATION_TRANSACTIONS: `${TRANSACTIONS.order.id}`,
      },
      [],
      { entry: 'all', embedded: false, pkiDir },
    );
    try {
      const base = `http://127.0.0.1:${sender.port}`;
      const created = await fetch(`${base}/admin/keys`, { method: 'POST', headers: { 'X-API-Key': adminKey, 'Content-Type': 'application/json' }, body: JSON.stringify({ role: 'backend', participants: [BUYER], label: 'bench' }) });
      if (created.status !== 201) throw new Error(`backend key not created: ${created.status} ${await created.text()}`);
      const key = ((await created.json()) as { key: string }).key;
      const config = parseBuyerConfig({ process: 'ordering', sellerFallback: { countryCode: 'NO' } });
      const order = cartToOrder(parseCart(buildCartXml(sampleCart(5))), config, { orderId: 'PO-BENCH-1', issueDate: '2026-01-11' }).xml;
      const headers = { 'X-API-Key': key, 'Content-Type': 'application/xml' };

      const submitOne = async (): Promise<number> => {
        const started = performance.now();
        const res = await fetch(`${base}/api/v1/documents`, { method: 'POST', headers, body: order });
        if (res.status !== 202) throw new Error(`submission refused: ${res.status} ${await res.text()}`);
        const { statusUrl } = (await res.json()) as { statusUrl: string };
        for (;;) {
          const status = (await (await fetch(`${base}${statusUrl}`, { headers: { 'X-API-Key': key } })).json()) as { status: string; failure?: unknown };
          if (status.status === 'sent') return performance.now() - started;
          if (status.status === 'send-failed' || status.status === 'failed') throw new Error(`not sent: ${JSON.stringify(status.failure)}`);
          await new Promise((r) => setTimeout(r, POLL_MS));
        }
      };
      const submitMany = async (count: number, latencies?: number[]) => {
        let next = 0;
        const worker = async () => {
          while (next++ < count) latencies?.push(await submitOne());
        };
        await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      };

      await submitMany(WARMUP);
      const latencies: number[] = [];
      const started = performance.now();
      await submitMany(MESSAGES, latencies);
      const seconds = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      return {
        msgs_per_s: MESSAGES / seconds,
        p50_ms: percentile(latencies, 50),
        p99_ms: percentile(latencies, 99),
        messages: MESSAGES,
        concurrency: CONCURRENCY,
        document_bytes: Buffer.byteLength(order),
        db: sender.db,
      };
    } finally {
      await sender.stop();
      await receiver.stop();
      await smp.stop();
    }
  },
};

export default apiSubmit;
