import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { ensureRedis } from '../app/local-redis.js';
import { onStopped, runMain, startRole } from '../app/bootstrap.js';
import { validateConfiguration } from '../config/all-configs.js';
import { RouteService } from '../delivery/routes/route.service.js';
import { generateWebhookSecret } from '../delivery/webhook/secret.js';
import { MessageRepository, type MessageRecord } from '../messages/message-repository.js';
import { ensureDevPki } from '../pki/dev-pki-files.js';
import { redisConfig } from '../redis/redis.config.js';
import { sampleOmsConfig } from '../sample-oms/sample-oms.config.js';
import { SampleOmsServer } from '../sample-oms/server.js';
import { formatJourney, journeyOf } from './journey.js';
import { sendCartAsPartner } from './partner-ap.js';
import { DEMO_BUYER, DEMO_SUPPLIER, demoBuyerConfigFile, freshCartXml } from './scenario.js';

const say = (line = '') => process.stdout.write(`${line}\n`);
const JOURNEY_TIMEOUT_MS = Number(process.env.DEMO_TIMEOUT_MS ?? 60_000);

/** Starts the sample OMS on its usual port, or on any free port when that one is taken. */
async function startSampleOms(dataDir: string, secret: string): Promise<{ server: SampleOmsServer; url: string }> {
  const config = sampleOmsConfig.load();
  for (const port of [config.port, 0]) {
    const server = new SampleOmsServer({ ...config, port, secret, dataDir, testControls: false });
    try {
      return { server, url: (await server.start()).url };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0) throw error;
    }
  }
  throw new Error('no port for the sample OMS');
}

async function waitFor<T>(what: string, check: () => Promise<T | null | undefined>): Promise<T> {
  const deadline = Date.now() + JOURNEY_TIMEOUT_MS;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`the demo waited ${JOURNEY_TIMEOUT_MS} ms for ${what}; see the log above`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * `npm run demo`: a development access point (API and worker in this process, embedded database,
 * dev PKI) with a buyer and a supplier, the sample OMS behind the supplier's webhook route; the
 * partner AP sends a punch-out cart over AS4, it is approved automatically, and the order arrives
 * at the OMS. `--once` stops after the journey instead of staying up for a look around.
 */
runMain(async () => {
  const once = process.argv.includes('--once');
  const dir = process.env.DEMO_DATA_DIR ?? (await mkdtemp(path.join(tmpdir(), 'peppol-ap-demo-')));
  const pkiDir = path.join(dir, 'pki');
  const pki = await ensureDevPki(pkiDir);
  const secret = generateWebhookSecret();
  const oms = await startSampleOms(path.join(dir, 'sample-oms'), secret);
  const buyerConfigFile = path.join(dir, 'buyers.json');
  await writeFile(buyerConfigFile, JSON.stringify(demoBuyerConfigFile(), null, 2));
  Object.assign(process.env, {
    PEPPOL_STAGE: 'dev',
    PKI_DEV_DIR: pkiDir,
    DATA_DIR: dir,
    PORT: process.env.PORT ?? '0',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
    QUEUE_PREFIX: `peppol-ap-demo-${randomBytes(3).toString('hex')}`,
    SERVED_PARTICIPANTS: `${DEMO_BUYER},${DEMO_SUPPLIER}`,
    WORKFLOW_BUYER_CONFIG_FILE: buyerConfigFile,
    WEBHOOK_ALLOW_HTTP: 'true',
  });
  validateConfiguration();
  const redis = await ensureRedis(redisConfig.load().url, dir, (line) => say(`peppol-ap: ${line}`));
  onStopped(async () => {
    await oms.server.stop();
    redis?.kill('SIGTERM');
  });
  const started = await startRole('all');
  const app = started.app as INestApplication;
  const base = `http://127.0.0.1:${started.port}`;
  const messages = app.get(MessageRepository);
  const { route } = await app.get(RouteService).create({
    kind: 'webhook',
    supplierId: DEMO_SUPPLIER,
    url: `${oms.url}/webhooks`,
    secret,
    name: 'sample OMS',
  });

  say();
  say('Peppol access point demo');
  say(`  access point   ${base}  (AS4 at ${base}/as4, data in ${dir})`);
  say(`  buyer          ${DEMO_BUYER}  (carts from the supplier are approved automatically)`);
  say(`  supplier       ${DEMO_SUPPLIER}  → webhook route ${route.id} → ${oms.url}/webhooks`);
  say();
  const cartId = `CART-DEMO-${Date.now().toString(36).toUpperCase()}`;
  say(`The partner access point sends punch-out cart ${cartId} over AS4 (signed, encrypted)…`);
  const sentAt = new Date();
  const sent = await sendCartAsPartner(`${base}/as4`, pki, { cartXml: freshCartXml(cartId, sentAt), sender: DEMO_SUPPLIER, receiver: DEMO_BUYER });
  if (sent.status !== 200) throw new Error(`our AS4 endpoint answered HTTP ${sent.status}`);
  const cart = await waitFor('the cart record', () => messages.findInbound(sent.sendingAp, sent.as4MessageId));
  let order: MessageRecord | null = null;
  await waitFor('the order to reach the OMS', async () => {
    const journey = await journeyOf(messages, (await messages.find(cart.id))!);
    order = journey.order;
    const cartState = journey.cartTimeline.at(-1)?.toState;
    if (cartState === 'rejected' || cartState === 'failed') throw new Error(`the cart was ${cartState}: ${journey.cartTimeline.at(-1)?.reason ?? ''}`);
    if (order?.state === 'delivery-failed') throw new Error(`the order could not be delivered: ${JSON.stringify(order.failure)}`);
    return order?.state === 'delivered' ? journey : null;
  }).then((journey) => {
    say();
    say(`Journey of ${cartId} (time since sending):`);
    for (const line of formatJourney(journey.steps, sentAt)) say(line);
  });
  const orderNumber = (order as MessageRecord | null)?.attributes.orderNumber;
  say();
  say(`Order ${String(orderNumber ?? '')} is in the sample OMS, signature verified:`);
  say(`  sample OMS     ${oms.url}/   (JSON: ${oms.url}/orders)`);
  say(`  Swagger UI     ${base}/docs`);
  say(`  order message  ${(order as MessageRecord | null)?.id ?? ''}`);
  say();
  if (once) {
    await app.close();
    await oms.server.stop();
    redis?.kill('SIGTERM');
    process.exit(0);
  }
  say('Running; press Ctrl-C to stop.');
});
