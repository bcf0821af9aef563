import { tmpdir } from 'node:os';
import path from 'node:path';
import { mkdtemp, writeFile } from 'node:fs/promises';
import type { ChildProcess } from 'node:child_process';
import { ensureRedis } from '../app/local-redis.js';
import { runMain } from '../app/bootstrap.js';
import { generateWebhookSecret } from '../delivery/webhook/secret.js';
import { PROCESSES, TRANSACTIONS } from '../peppol/index.js';
import { DEV_PKI_FILES, ensureDevPki } from '../pki/dev-pki-files.js';
import { redisConfig } from '../redis/redis.config.js';
import type { StoredEvent } from '../sample-oms/event-store.js';
import { sampleOmsConfig } from '../sample-oms/sample-oms.config.js';
import { SampleOmsServer } from '../sample-oms/server.js';
import { startDemoAccessPoint, type DemoAccessPoint } from './demo-access-point.js';
import { DemoSmp } from './demo-smp.js';
import { DEMO_BUYER, DEMO_SUPPLIER, demoBuyerConfigFile, freshCartXml } from './scenario.js';

const say = (line = '') => process.stdout.write(`${line}\n`);
const TIMEOUT_MS = Number(process.env.DEMO_TIMEOUT_MS ?? 90_000);

async function waitFor<T>(what: string, check: () => Promise<T | null | undefined | false>): Promise<T> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`the demo waited ${TIMEOUT_MS} ms for ${what}; see the access points' logs`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A back end behind a webhook route: the sample OMS's receiver (signatures verified), its events printed as they come. */
class DemoBackEnd {
  readonly secret = generateWebhookSecret();
  readonly events: StoredEvent[] = [];
  private server?: SampleOmsServer;
  private readonly printed = new Set<string>();
  url = '';

  constructor(readonly label: string) {}

  async start(dataDir: string, preferredPort: number): Promise<void> {
    const config = sampleOmsConfig.load();
    for (const port of [preferredPort, 0]) {
      const server = new SampleOmsServer({ ...config, port, secret: this.secret, dataDir, testControls: false });
      try {
        this.url = (await server.start()).url;
        this.server = server;
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0) throw error;
      }
    }
  }

  /** Fetches the events received since the last call and prints each new one. */
  async poll(): Promise<void> {
    const list = (await (await fetch(`${this.url}/events?limit=1000`)).json()) as StoredEvent[];
    for (const event of [...list].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt))) {
      if (this.printed.has(event.webhookId)) continue;
      this.printed.add(event.webhookId);
      this.events.push(event);
      say(`  [${this.label}] ${event.type.padEnd(24)} ${describeEvent(event)}`);
    }
  }

  find(type: string, match: (data: Record<string, any>) => boolean): Record<string, any> | undefined {
    return this.events.find((e) => e.type === type && match(e.data as Record<string, unknown>))?.data as Record<string, any> | undefined;
  }

  async stop(): Promise<void> {
    await this.server?.stop();
  }
}

function describeEvent(event: StoredEvent): string {
  const d = event.data as Record<string, any>;
  switch (event.type) {
    case 'order.received':
      return `order ${d.order?.id} (${d.order?.lines?.length ?? '?'} lines) from ${d.peppol ? `${d.peppol.sender.scheme}:${d.peppol.sender.value}` : 'the buyer'}, message ${d.messageId}`;
    case 'order-response.received':
      return `order ${d.orderResponse?.orderNumber}: ${d.orderResponse?.code} (${d.orderResponse?.responseCode}); ${(d.lines as Array<{ lineId: string; code: string }> | undefined)?.map((l) => `line ${l.lineId} ${l.code}`).join(', ') ?? ''}`;
    case 'document.sent':
      return `${d.transaction ?? d.kind ?? 'document'} ${d.messageId} → ${d.receivingAp ?? 'its AP'} (receipt ${d.receiptMessageId})`;
    case 'document.send-failed':
      return `${d.messageId}: ${d.code ?? ''} ${d.reason ?? ''}`;
    default:
      return d.messageId ? `message ${d.messageId}` : '';
  }
}

/**
 * `npm run demo`: the ordering loop between two development access points, each its own process
 * (API and worker, embedded database, its own dev PKI trusting the other's CAs), a signed SMP on
 * loopback, the sample OMS behind the supplier's route and a receiver behind the buyer's:
 * the supplier's back end sends a punch-out cart through its access point's API → the buyer's access
 * point approves it and sends the order over AS4 → the supplier's OMS gets order.received → it answers
 * "changed" on one line through the API → the Order Response goes back over AS4 → the buyer's back end
 * gets order-response.received and the order's timeline shows it. `--once` stops at the end.
 */
runMain(async () => {
  const once = process.argv.includes('--once');
  const dir = process.env.DEMO_DATA_DIR ?? (await mkdtemp(path.join(tmpdir(), 'peppol-ap-demo-')));
  const stops: Array<() => Promise<void> | void> = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await Promise.resolve(stop()).catch(() => undefined);
  };
  // Ctrl-C: the access points drain and stop (they get the signal too), then the rest.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void stopAll().then(() => process.exit(0)));
  }
  try {
    await story(dir, stops);
  } catch (error) {
    await stopAll();
    throw error;
  }
  if (once) {
    await stopAll();
    process.exit(0);
  }
  say('Running; press Ctrl-C to stop.');
});

async function story(dir: string, stops: Array<() => Promise<void> | void>): Promise<void> {
  say('Peppol access point demo: the ordering loop between two access points');
  say();
  const buyerDir = path.join(dir, 'buyer-ap');
  const supplierDir = path.join(dir, 'supplier-ap');
  const [buyerPki, supplierPki] = await Promise.all([ensureDevPki(path.join(buyerDir, 'pki')), ensureDevPki(path.join(supplierDir, 'pki'))]);
  const redis: ChildProcess | null = await ensureRedis(redisConfig.load().url, dir, (line) => say(`peppol-ap: ${line}`));
  if (redis) stops.push(() => void redis.kill('SIGTERM'));
  const smp = new DemoSmp(buyerPki.smp);
  await smp.start();
  stops.push(() => smp.stop());
  const oms = new DemoBackEnd('supplier OMS      ');
  const procurement = new DemoBackEnd('buyer back end    ');
  await oms.start(path.join(dir, 'sample-oms'), sampleOmsConfig.load().port);
  await procurement.start(path.join(dir, 'buyer-back-end'), 0);
  stops.push(() => oms.stop(), () => procurement.stop());

  const buyerConfig = path.join(buyerDir, 'buyers.json');
  await writeFile(buyerConfig, JSON.stringify(demoBuyerConfigFile(DEMO_SUPPLIER, 'ordering'), null, 2));
  const pkiFile = (pkiDir: string, entry: keyof typeof DEV_PKI_FILES) => path.join(pkiDir, DEV_PKI_FILES[entry].cert);
  const common = {
    PEPPOL_STAGE: 'dev',
    // The dev certificates name no revocation responder that runs here.
    PKI_REVOCATION_POLICY: 'off',
    SMP_FIXED_URL: smp.url,
    AS4_SEND_ALLOW_HTTP: 'true',
    WEBHOOK_ALLOW_HTTP: 'true',
    MLS_COUNTRY_C1: 'NO',
  };
  say('Starting the two access points (each an API and a worker with its own database, queues and dev PKI)…');
  const [buyerAp, supplierAp]: DemoAccessPoint[] = await Promise.all([
    startDemoAccessPoint('buyer', buyerDir, {
      ...common,
      PKI_DEV_DIR: path.join(buyerDir, 'pki'),
      SERVED_PARTICIPANTS: DEMO_BUYER,
      WORKFLOW_BUYER_CONFIG_FILE: buyerConfig,
      AP_TRUSTED_CAS: [pkiFile(path.join(supplierDir, 'pki'), 'rootCa'), pkiFile(path.join(supplierDir, 'pki'), 'apCa')].join(','),
    }),
    startDemoAccessPoint('supplier', supplierDir, {
      ...common,
      PKI_DEV_DIR: path.join(supplierDir, 'pki'),
      // Its dev PKI's second AP certificate (seat PDK000002), so that the two access points' seats differ.
      AP_CERT: path.join(supplierDir, 'pki', DEV_PKI_FILES.partnerAp.cert),
      AP_KEY: path.join(supplierDir, 'pki', DEV_PKI_FILES.partnerAp.key),
      SERVED_PARTICIPANTS: DEMO_SUPPLIER,
      AP_TRUSTED_CAS: [pkiFile(path.join(buyerDir, 'pki'), 'rootCa'), pkiFile(path.join(buyerDir, 'pki'), 'apCa')].join(','),
      PKI_SMP_TRUSTED_CAS: pkiFile(path.join(buyerDir, 'pki'), 'smpCa'),
    }),
  ]);
  stops.push(() => buyerAp.stop(), () => supplierAp.stop());

  // What the SMP publishes: the buyer takes carts and order responses at its access point, the supplier orders at its own.
  smp.publish({ participant: DEMO_BUYER, documentTypeId: TRANSACTIONS.punchOut.documentTypeId, processId: PROCESSES.punchOut, address: `${buyerAp.base}/as4`, certificatePem: buyerPki.ourAp.certPem });
  smp.publish({ participant: DEMO_BUYER, documentTypeId: TRANSACTIONS.orderResponse.documentTypeId, processId: PROCESSES.ordering, address: `${buyerAp.base}/as4`, certificatePem: buyerPki.ourAp.certPem });
  smp.publish({ participant: DEMO_SUPPLIER, documentTypeId: TRANSACTIONS.order.documentTypeId, processId: PROCESSES.ordering, address: `${supplierAp.base}/as4`, certificatePem: supplierPki.partnerAp.certPem });

  // Routes and keys, through the admin APIs as an operator would set them up.
  await buyerAp.admin('PUT', `/admin/participants/${DEMO_SUPPLIER}`, { name: 'ABC Supplier Ltd.' }, 200);
  await buyerAp.admin('POST', '/admin/routes', { kind: 'as4', participantId: DEMO_SUPPLIER, name: 'orders over Peppol' }, 201);
  await buyerAp.admin('POST', '/admin/routes', { kind: 'webhook', participantId: DEMO_BUYER, url: `${procurement.url}/webhooks`, secret: procurement.secret, name: 'buyer back end' }, 201);
  await supplierAp.admin('POST', '/admin/routes', { kind: 'webhook', participantId: DEMO_SUPPLIER, url: `${oms.url}/webhooks`, secret: oms.secret, name: 'sample OMS' }, 201);
  const keyOf = async (ap: DemoAccessPoint, participant: string) =>
    (await ap.admin('POST', '/admin/keys', { role: 'backend', participants: [participant], label: 'demo back end' }, 201)).key as string;
  const supplierKey = await keyOf(supplierAp, DEMO_SUPPLIER);
  const buyerKey = await keyOf(buyerAp, DEMO_BUYER);

  say();
  say(`  buyer AP        ${buyerAp.base}  (seat ${buyerPki.ourAp.subjectCn}, serves buyer ${DEMO_BUYER}; log ${buyerAp.logFile})`);
  say(`  supplier AP     ${supplierAp.base}  (seat ${supplierPki.partnerAp.subjectCn}, serves supplier ${DEMO_SUPPLIER}; log ${supplierAp.logFile})`);
  say(`  SMP             ${smp.url}  (answers signed with the buyer PKI's SMP certificate)`);
  say(`  sample OMS      ${oms.url}/  (the supplier's back end)`);
  say(`  buyer back end  ${procurement.url}/  (receives the buyer's events)`);
  say();

  const poll = async () => {
    await oms.poll();
    await procurement.poll();
  };
  const json = async (res: Response, status: number, what: string) => {
    if (res.status !== status) throw new Error(`${what}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, any>;
  };

  const cartId = `CART-DEMO-${Date.now().toString(36).toUpperCase()}`;
  say(`1. The supplier's back end sends punch-out cart ${cartId} to the buyer: POST ${supplierAp.base}/api/v1/documents`);
  const submitted = await json(
    await supplierAp.backend(supplierKey, 'POST', '/api/v1/documents', { contentType: 'application/xml', text: freshCartXml(cartId, new Date(), 3, DEMO_SUPPLIER) }),
    202,
    'submitting the cart',
  );
  say(`   → 202, message ${submitted.id}; the supplier AP finds the buyer's AP in the SMP and sends it over AS4`);
  say('2. The buyer AP validates the cart, approves it (its policy approves this supplier), makes the order (T01) and sends it over AS4');
  say('3. The supplier AP validates the order and hands it to the sample OMS (order.received)');
  say();
  say("Back ends' events as they arrive:");
  const received = await waitFor('order.received at the sample OMS', async () => {
    await poll();
    return oms.find('order.received', (d) => d.order?.quotationReference === cartId);
  });
  const orderNumber = received.order.id as string;
  say();
  say(`4. The OMS answers order ${orderNumber}: line 2 changed to quantity 1, the other lines accepted:`);
  say(`   POST ${supplierAp.base}/api/v1/orders/${received.messageId}/response`);
  const answer = { code: 'changed', note: 'Only 1 of item 2 left', lines: [{ lineId: '2', code: 'changed', quantity: '1' }] };
  say(`   ${JSON.stringify(answer)}`);
  const answered = await json(
    await supplierAp.backend(supplierKey, 'POST', `/api/v1/orders/${received.messageId}/response`, { contentType: 'application/json', text: JSON.stringify(answer) }),
    202,
    'answering the order',
  );
  say(`   → 202, Order Response (T76) ${answered.id}, code ${answered.responseCode}; it goes to the buyer AP over AS4`);
  say();
  const heard = await waitFor('order-response.received at the buyer', async () => {
    await poll();
    return procurement.find('order-response.received', (d) => d.orderResponse?.orderNumber === orderNumber);
  });
  // The last document.sent (the T76's, at the supplier's OMS) may come just after.
  await waitFor("the supplier's document.sent for the order response", async () => {
    await poll();
    return oms.find('document.sent', (d) => d.messageId === answered.id);
  });
  const orderMessageId = heard.order?.messageId as string | undefined;
  if (!orderMessageId) throw new Error(`the order response ${heard.messageId} was not tied to the buyer's order ${orderNumber}`);
  const timelineOf = async (id: string) => {
    const document = await json(await buyerAp.backend(buyerKey, 'GET', `/api/v1/documents/${id}`), 200, `reading ${id} at the buyer AP`);
    for (const entry of document.timeline as Array<{ at: string; event: string; reason: string | null }>) {
      say(`   ${entry.at}  ${entry.event.padEnd(15)} ${entry.reason ?? ''}`);
    }
  };
  const inbound = await json(await buyerAp.backend(buyerKey, 'GET', '/api/v1/documents?direction=inbound'), 200, "listing the buyer's received documents");
  const cart = (inbound.data as Array<{ id: string; kind: string }>).find((d) => d.kind === 'cart');
  say();
  if (cart) {
    say(`5. At the buyer AP, the cart (GET /api/v1/documents/${cart.id} with the buyer's key):`);
    await timelineOf(cart.id);
  }
  say(`6. and the order ${orderNumber} made from it, with the supplier's answer (GET /api/v1/documents/${orderMessageId}):`);
  await timelineOf(orderMessageId);
  say();
  say('Done. Have a look:');
  say(`  sample OMS     ${oms.url}/`);
  say(`  Swagger UI     ${buyerAp.base}/docs  and  ${supplierAp.base}/docs`);
  say(`  data           ${dir}`);
  say();
}
