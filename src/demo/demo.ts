import { tmpdir } from 'node:os';
import path from 'node:path';
import { mkdtemp } from 'node:fs/promises';
import { onStopped, runMain } from '../app/bootstrap.js';
import type { MessageRecord } from '../messages/message-repository.js';
import { startDemoEnvironment } from './demo-environment.js';
import { formatJourney, journeyOf } from './journey.js';
import { sendCartAsPartner } from './partner-ap.js';
import { DEMO_BUYER, DEMO_SUPPLIER, freshCartXml } from './scenario.js';

const say = (line = '') => process.stdout.write(`${line}\n`);
const JOURNEY_TIMEOUT_MS = Number(process.env.DEMO_TIMEOUT_MS ?? 60_000);

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
  const env = await startDemoEnvironment(dir, (line) => say(`peppol-ap: ${line}`));
  onStopped(() => env.stopAround());
  const { base, pki, messages } = env;
  const oms = { url: env.omsUrl };
  const route = { id: env.routeId };
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
  // Assigned in the callback above: the compiler cannot see it.
  const made = order as MessageRecord | null;
  const orderNumber = made?.kind === 'order' ? made.attributes.orderNumber : undefined;
  say();
  say(`Order ${String(orderNumber ?? '')} is in the sample OMS, signature verified${once ? '.' : ':'}`);
  if (once) {
    // The servers stop now: no links to them.
    say(`  order message  ${made?.id ?? ''}`);
    say();
    await env.stop();
    process.exit(0);
  }
  say(`  sample OMS     ${oms.url}/   (JSON: ${oms.url}/orders)`);
  say(`  Swagger UI     ${base}/docs`);
  say(`  order message  ${made?.id ?? ''}`);
  say();
  say('Running; press Ctrl-C to stop.');
});
