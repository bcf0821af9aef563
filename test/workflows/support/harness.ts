import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Clock } from '../../../src/common/clock.js';
import { deliveryConfig } from '../../../src/delivery/delivery.config.js';
import { InProcessDeliveryRequests } from '../../../src/delivery/delivery-requests.js';
import { AlertMetrics } from '../../../src/delivery/alerts/alert-metrics.js';
import { AlertRepository } from '../../../src/delivery/alerts/alert-repository.js';
import { OperatorAlerts } from '../../../src/delivery/alerts/operator-alerts.js';
import { MetricsService } from '../../../src/metrics/metrics.service.js';
import { DeliveryService } from '../../../src/delivery/delivery.service.js';
import { DeliveryRepository } from '../../../src/delivery/deliveries/delivery-repository.js';
import { RouteRepository } from '../../../src/delivery/routes/route-repository.js';
import { RouteService } from '../../../src/delivery/routes/route.service.js';
import { SupplierEvents } from '../../../src/delivery/supplier-events.js';
import { webhookConfig } from '../../../src/delivery/webhook/webhook.config.js';
import { ParticipantRepository } from '../../../src/participants/participant-repository.js';
import { MessageRepository, type MessageRecord } from '../../../src/messages/message-repository.js';
import type { MessageState } from '../../../src/messages/message-states.js';
import { punchoutConfig } from '../../../src/punchout/punchout.config.js';
import { BullJobQueue } from '../../../src/queue/bull-job-queue.js';
import { QUEUES } from '../../../src/queue/queues.js';
import { redisConfig } from '../../../src/redis/redis.config.js';
import { RedisConnections } from '../../../src/redis/redis-connections.js';
import { type BlobStore } from '../../../src/storage/blob-store.js';
import { FilesystemBlobStore } from '../../../src/storage/filesystem-blob-store.js';
import { receiveDocument, type DocumentToReceive } from '../../support/received-document.js';
import { ApprovalStore } from '../../../src/workflows/punchout/approval-store.js';
import { ApprovalService } from '../../../src/workflows/punchout/approval.service.js';
import { BuyerConfigRepository } from '../../../src/workflows/punchout/buyer-config-repository.js';
import { CartContextLoader } from '../../../src/workflows/punchout/cart-context.js';
import { WorkflowDocuments } from '../../../src/workflows/shared/workflow-documents.js';
import { workflowsConfig } from '../../../src/workflows/workflows.config.js';
import { createPostgresTestDatabase, type TestDatabase } from '../../support/databases.js';
import { devPkiEnv } from '../../support/dev-pki.js';
import { startProcess, type RunningProcess } from '../../support/processes.js';
import { Installation } from '../../../src/database/installation.js';

const sharedDir = path.resolve(process.cwd(), '../shared');
export const examplesDir = path.join(sharedDir, 'conformance', 'examples');
export const hasExamples = existsSync(path.join(examplesDir, 'PunchOut_Example.xml')) && existsSync(path.join(examplesDir, 'Catalogue_Example.xml'));
export const NO_EXAMPLES = `../shared/conformance/examples is absent (${examplesDir}): workflow tests on the official examples skipped`;

/** The buyer of the official Punch Out example and its seller; a second seller not on the allow-list. */
export const BUYER = '0192:123456785';
export const SELLER = '0192:987654325';
export const OTHER_SELLER = '0192:923456783';

/** Buyer configurations the worker is seeded with: the example buyer auto-approves its seller's carts. */
export const BUYER_CONFIGS = {
  default: { sellerFallback: { countryCode: 'NO' } },
  buyers: {
    [BUYER]: {
      orderNumber: { prefix: 'PO-', digits: 6 },
      process: 'ordering',
      accountingCost: 'Cost centre 4711',
      buyer: {
        partyName: 'DEF Customer',
        postalAddress: { streetName: 'Sinsenveien 40', cityName: 'Oslo', postalZone: '0501', countryCode: 'NO' },
        contact: { name: 'Purchasing', email: 'purchasing@def.example.com' },
      },
      delivery: { address: { streetName: 'Solheimsveien 10', cityName: 'Lørenskog', postalZone: '1473', countryCode: 'NO' } },
      sellers: [{ ids: [SELLER], partyName: 'ABC Supplier', postalAddress: { cityName: 'Oslo', countryCode: 'NO' } }],
      sellerFallback: { countryCode: 'NO' },
      approval: { autoApprove: { totalLimit: { amount: '5000.00', currency: 'EUR' }, suppliers: [SELLER] } },
    },
  },
};

/** A date `days` from today (UTC), YYYY-MM-DD. */
export function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The official Punch Out example, its validity moved into the future (the example's own dates
 * are in the past, and an expired cart cannot be ordered), optionally from another seller.
 */
export function exampleCart(options: { seller?: string; id?: string; mutate?: (xml: string) => string } = {}): Buffer {
  let xml = readFileSync(path.join(examplesDir, 'PunchOut_Example.xml'), 'latin1');
  xml = xml.replace(/<cbc:EndDate>\d{4}-\d{2}-\d{2}<\/cbc:EndDate>/g, `<cbc:EndDate>${daysFromNow(60)}</cbc:EndDate>`);
  xml = xml.replace('encoding="ISO-8859-1"', 'encoding="UTF-8"');
  if (options.seller) {
    const [scheme, value] = options.seller.split(':');
    xml = xml.replace(`<cbc:EndpointID schemeID="0192">987654325</cbc:EndpointID>`, `<cbc:EndpointID schemeID="${scheme}">${value}</cbc:EndpointID>`);
  }
  if (options.id) xml = xml.replace('<cbc:ID>1387</cbc:ID>', `<cbc:ID>${options.id}</cbc:ID>`);
  if (options.mutate) xml = options.mutate(xml);
  return Buffer.from(xml, 'utf8');
}

export function exampleCatalogue(mutate: (xml: string) => string = (x) => x): Buffer {
  const xml = readFileSync(path.join(examplesDir, 'Catalogue_Example.xml'), 'latin1').replace('encoding="ISO-8859-1"', 'encoding="UTF-8"');
  return Buffer.from(mutate(xml), 'utf8');
}

export interface Harness {
  db: TestDatabase['db'];
  blobs: BlobStore;
  messages: MessageRepository;
  queue: BullJobQueue;
  approvals: ApprovalService;
  documents: WorkflowDocuments;
  env: Record<string, string>;
  worker?: RunningProcess;
  startWorker(extra?: Record<string, string>): Promise<RunningProcess>;
  receive(input: Omit<DocumentToReceive, 'sender' | 'receiver'> & { sender?: string; receiver?: string }): Promise<string>;
  waitForState(messageId: string, states: readonly MessageState[], timeoutMs?: number): Promise<MessageRecord>;
  documentText(messageId: string, role: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * A test's own world: a fresh PostgreSQL schema, a data directory, a Redis key prefix, the buyer
 * configuration file, and the same objects the worker uses, to seed and inspect. Workers are the
 * built `dist/worker.js`, started as real processes.
 */
export async function createHarness(env: Record<string, string> = {}): Promise<Harness> {
  const database = await createPostgresTestDatabase();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ap-workflows-'));
  const configFile = path.join(dataDir, 'buyers.json');
  writeFileSync(configFile, JSON.stringify(BUYER_CONFIGS, null, 2));
  const prefix = `wf-${randomBytes(6).toString('hex')}`;
  const fullEnv: Record<string, string> = {
    ...(await devPkiEnv()),
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    QUEUE_PREFIX: prefix,
    PORT: '0',
    VALIDATION_RULES_DIR: path.join(dataDir, 'rules'),
    // Compiled stylesheets are named by the hash of their source: sharing them between tests is safe.
    VALIDATION_CACHE_DIR: path.join(tmpdir(), 'peppol-ap-test-sef-cache'),
    VALIDATION_TRANSACTIONS: 'T77,T01,T19,T58',
    VALIDATION_POOL_SIZE: '1',
    WORKFLOW_BUYER_CONFIG_FILE: configFile,
    ...env,
  };
  const clock = new Clock();
  const blobs = new FilesystemBlobStore(dataDir);
  await blobs.init();
  const messages = new MessageRepository(database.db, clock);
  const redis = new RedisConnections(redisConfig.load({ QUEUE_PREFIX: prefix }));
  const queue = new BullJobQueue(redis, new Installation(database.db));
  const documents = new WorkflowDocuments(blobs, messages);
  const buyerConfigs = new BuyerConfigRepository(database.db);
  const carts = new CartContextLoader(documents, buyerConfigs, clock, punchoutConfig.load({}), workflowsConfig.load(fullEnv));
  // A person's decision reports to the delivery flow as the API process does: in the same call.
  const webhook = webhookConfig.load(fullEnv);
  const delivery = deliveryConfig.load(fullEnv);
  const routes = new RouteService(database.db, new RouteRepository(database.db), new ParticipantRepository(database.db), clock, webhook, delivery);
  const deliveryService = new DeliveryService(database.db, new DeliveryRepository(database.db), routes, messages, blobs, queue, clock, webhook, delivery);
  const alerts = new OperatorAlerts(deliveryService, new AlertRepository(database.db), new AlertMetrics(new MetricsService()), messages, clock);
  const deliveryRequests = new InProcessDeliveryRequests(deliveryService, new SupplierEvents(deliveryService, messages, blobs, clock), alerts);
  const approvals = new ApprovalService(database.db, messages, new ApprovalStore(database.db), carts, queue, deliveryRequests, clock);
  const workers: RunningProcess[] = [];

  const harness: Harness = {
    db: database.db,
    blobs,
    messages,
    queue,
    approvals,
    documents,
    env: fullEnv,
    async startWorker(extra = {}) {
      const worker = await startProcess('worker.js', { ...fullEnv, ...extra }, { timeoutMs: 120_000 });
      workers.push(worker);
      harness.worker = worker;
      return worker;
    },
    receive: (input) => receiveDocument({ blobs, messages, queue }, { sender: SELLER, receiver: BUYER, ...input }),
    async waitForState(messageId, states, timeoutMs = 45_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const message = await messages.get(messageId);
        if (states.includes(message.state)) return message;
        if (Date.now() > deadline) {
          const timeline = (await messages.timeline(messageId)).map((e) => `${e.fromState ?? '-'} → ${e.toState} (${e.actor}: ${e.reason ?? ''})`);
          throw new Error(`message ${messageId} is ${message.state}, not ${states.join('|')}, after ${timeoutMs} ms:\n${timeline.join('\n')}\n${harness.worker?.output().slice(-4_000) ?? ''}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    },
    async documentText(messageId, role) {
      const doc = await documents.require(messageId, role);
      return (await blobs.read(doc.sha256)).toString('utf8');
    },
    async close() {
      for (const worker of workers) {
        if (worker.child.exitCode === null && worker.child.signalCode === null) await worker.stop('SIGKILL');
      }
      await Promise.all(Object.values(QUEUES).map((name) => queue.queue(name).obliterate({ force: true }).catch(() => undefined)));
      await queue.onApplicationShutdown();
      await redis.onApplicationShutdown();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}
