import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Clock } from '../../src/common/clock.js';
import { buildWebhookEvent } from '../../src/delivery/webhook/events.js';
import { webhookExamples } from '../../src/delivery/webhook/examples.js';
import { WebhookHttpSender } from '../../src/delivery/webhook/http-sender.js';
import { generateWebhookSecret } from '../../src/delivery/webhook/secret.js';
import { WebhookSigner } from '../../src/delivery/webhook/signer.js';
import { SampleOmsServer } from '../../src/sample-oms/server.js';

const CONCURRENCY = 32;
const WARMUP = 64;
const DELIVERIES = 2_000;

/**
 * Deliveries per second from the signer + HTTP sender to the sample OMS (which verifies each
 * signature and fsyncs each event before answering), 32 in flight, over loopback.
 */
export default {
  name: 'webhook-throughput',
  async run(): Promise<Record<string, number | string>> {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'bench-sample-oms-'));
    const secret = generateWebhookSecret();
    const clock = new Clock();
    const oms = new SampleOmsServer({
      host: '127.0.0.1',
      port: 0,
      secret,
      dataDir,
      maxBodyBytes: 8 * 1024 * 1024,
      maxEvents: DELIVERIES + WARMUP + 1,
      recentEvents: 100,
      testControls: false,
    });
    const sender = new WebhookHttpSender(
      {
        http: {
          connectTimeoutMs: 5_000,
          responseTimeoutMs: 15_000,
          responseExcerptBytes: 256,
          responseMaxBytes: 4_096,
          maxPayloadBytes: 8 * 1024 * 1024,
          userAgent: 'peppol-ap-bench',
        },
      },
      clock,
    );
    const signer = new WebhookSigner();
    try {
      const { url } = await oms.start();
      const target = `${url}/webhooks`;
      const body = JSON.stringify(buildWebhookEvent('order.created', webhookExamples['order.created'], clock.now()));
      let failures = 0;
      const deliverRange = async (prefix: string, count: number) => {
        let next = 0;
        const worker = async () => {
          while (next < count) {
            const eventId = `${prefix}${next++}`;
            const headers = signer.sign({ eventId, body, secrets: [secret], at: clock.now() });
            const attempt = await sender.send({ url: target, headers: { ...headers }, body });
            if (attempt.kind !== 'response' || attempt.status !== 200) failures++;
          }
        };
        await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      };
      await deliverRange('warm', WARMUP);
      const started = performance.now();
      await deliverRange('evt', DELIVERIES);
      const seconds = (performance.now() - started) / 1000;
      if (failures > 0) throw new Error(`${failures} deliveries failed`);
      return {
        per_s: Math.round(DELIVERIES / seconds),
        deliveries: DELIVERIES,
        concurrency: CONCURRENCY,
        payload_bytes: Buffer.byteLength(body),
      };
    } finally {
      await sender.close();
      await oms.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
};
