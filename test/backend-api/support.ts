import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { startRole } from '../../src/app/bootstrap.js';
import { Clock } from '../../src/common/clock.js';
import { buildCartXml, sampleCart } from '../../src/demo/sample-cart.js';
import { parseDocumentType, parseParticipant } from '../../src/discovery/identifiers.js';
import { serviceMetadataUrl } from '../../src/discovery/smp-client.js';
import { MessageRepository, type MessageRecord } from '../../src/messages/message-repository.js';
import { IDENTIFIER_SCHEMES, PROCESSES, TRANSACTIONS } from '../../src/peppol/index.js';
import { readDevPki } from '../../src/pki/dev-pki-files.js';
import { parseBuyerConfig } from '../../src/punchout/buyer-config.js';
import { parseCart } from '../../src/punchout/cart.js';
import { cartToOrder } from '../../src/punchout/cart-to-order.js';
import { BullJobQueue } from '../../src/queue/bull-job-queue.js';
import { Database } from '../../src/database/database.js';
import { FakeSmpServer } from '../discovery/support/fake-smp-server.js';
import { signEnveloped, smp1Metadata } from '../discovery/support/smp-documents.js';
import { LoopbackReceiver } from '../outbound/support/loopback-receiver.js';
import { senderStack, TableResolver } from '../outbound/support/sender-stack.js';
import { createPostgresTestDatabase, type TestDatabase } from '../support/databases.js';
import { devPkiEnv, TEST_PKI_DIR } from '../support/dev-pki.js';

/** Participants of the tests: two served here (each with its own back end), one behind a loopback access point. */
export const BUYER = '0192:123456785';
export const SELLER = '0192:987654325';
export const REMOTE = '0192:810418052';
/** Published in the SMP at the loopback access point, which does not serve it: the send is refused there. */
export const REFUSED = '0192:991825827';

export interface BackendApi {
  base: string;
  app: INestApplication;
  db: TestDatabase;
  database: Database;
  messages: MessageRepository;
  adminKey: string;
  receiver: LoopbackReceiver;
  smp: FakeSmpServer;
  /** Creates a backend key through the admin API. */
  backendKey(participants: string[]): Promise<string>;
  waitFor(id: string, done: (m: MessageRecord) => boolean, what: string, timeoutMs?: number): Promise<MessageRecord>;
  stop(): Promise<void>;
}

/**
 * The access point (API and worker in this process, as `npm start` runs them) on real PostgreSQL and
 * Redis, with a signed SMP answer naming a loopback receiving access point for REMOTE and REFUSED.
 */
export async function startBackendApi(extraEnv: Record<string, string> = {}): Promise<BackendApi> {
  const db = await createPostgresTestDatabase();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ap-backend-'));
  const adminKey = randomBytes(30).toString('base64url');
  const pkiEnv = await devPkiEnv();
  const pki = (await readDevPki(TEST_PKI_DIR))!;
  const receiver = new LoopbackReceiver(pki.partnerAp, pki.ourAp, senderStack(pki, new TableResolver(), new Clock(), { policy: 'off' }).validator);
  const documentType = { scheme: IDENTIFIER_SCHEMES.documentType, value: TRANSACTIONS.order.documentTypeId };
  for (const process of [PROCESSES.ordering, PROCESSES.orderOnly]) receiver.serve(REMOTE, documentType, { scheme: IDENTIFIER_SCHEMES.process, value: process });
  const url = await receiver.start();
  const smp = new FakeSmpServer();
  await smp.start();
  for (const participant of [REMOTE, REFUSED]) {
    for (const t of [TRANSACTIONS.order, TRANSACTIONS.orderResponse]) {
      const metadata = smp1Metadata({ participant, documentType: t.documentTypeId, process: PROCESSES.ordering, endpoints: [{ address: url, certificatePem: pki.partnerAp.certPem }] });
      smp.serve(serviceMetadataUrl('', parseParticipant(participant), parseDocumentType(t.documentTypeId)), signEnveloped(metadata, pki.smp.keyPem, pki.smp.certPem));
    }
  }
  Object.assign(process.env, pkiEnv, {
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    QUEUE_PREFIX: `t-bapi-${randomBytes(4).toString('hex')}`,
    PKI_REVOCATION_POLICY: 'off',
    ADMIN_API_KEYS: `admin:${adminKey}`,
    SERVED_PARTICIPANTS: `${BUYER},${SELLER}`,
    SMP_FIXED_URL: smp.url,
    AS4_SEND_ALLOW_HTTP: 'true',
    VALIDATION_RULES_DIR: path.join(dataDir, 'rules'),
    VALIDATION_CACHE_DIR: path.join(tmpdir(), 'peppol-ap-test-sef-cache'),
    VALIDATION_TRANSACTIONS: 'T77,T01,T19,T58,T76',
    VALIDATION_POOL_SIZE: '0',
    ...extraEnv,
  });
  const started = await startRole('all');
  const app = started.app as INestApplication;
  const base = `http://127.0.0.1:${started.port}`;
  const messages = app.get(MessageRepository);
  return {
    base,
    app,
    db,
    database: app.get(Database),
    messages,
    adminKey,
    receiver,
    smp,
    async backendKey(participants) {
      const res = await fetch(`${base}/admin/keys`, { method: 'POST', headers: { 'X-API-Key': adminKey, 'Content-Type': 'application/json' }, body: JSON.stringify({ role: 'backend', participants, label: 'test back end' }) });
      if (res.status !== 201) throw new Error(`key not created: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { key: string }).key;
    },
    async waitFor(id, done, what, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const message = await messages.get(id);
        if (done(message)) return message;
        if (Date.now() > deadline) {
          const timeline = (await messages.timeline(id)).map((e) => `${e.fromState ?? '-'} → ${e.toState} (${e.actor}: ${e.reason ?? ''})`);
          throw new Error(`message ${id} is ${message.state}, still not ${what}:\n${timeline.join('\n')}`);
        }
        await new Promise((r) => setTimeout(r, 150));
      }
    },
    async stop() {
      await Promise.all(app.get(BullJobQueue).allQueues().map((q) => q.obliterate({ force: true }).catch(() => undefined)));
      await app.close();
      await receiver.stop();
      await smp.stop();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A valid Peppol BIS T01 (made from a sample cart as the punch-out flow makes orders). */
export function orderXml(opts: { buyer?: string; seller: string; id: string; lines?: number; process?: 'ordering' | 'order_only' }): string {
  const endpoint = (participant: string) => {
    const [schemeId, value] = participant.split(':') as [string, string];
    return { schemeId, value };
  };
  const cart = sampleCart(opts.lines ?? 3, {
    provider: { endpoint: endpoint(opts.seller), name: 'ABC Supplier Ltd.' },
    receiver: { endpoint: endpoint(opts.buyer ?? BUYER), name: 'DEF Customer Ltd.', contactId: 'REF-42' },
  });
  const config = parseBuyerConfig({ process: opts.process ?? 'ordering', sellerFallback: { countryCode: 'NO' } });
  return cartToOrder(parseCart(buildCartXml(cart)), config, { orderId: opts.id, issueDate: '2026-01-11' }).xml;
}

/** POST /api/v1/documents */
export function submit(api: BackendApi, key: string | undefined, body: string | Buffer, opts: { query?: string; idempotencyKey?: string; contentType?: string } = {}): Promise<Response> {
  return fetch(`${api.base}/api/v1/documents${opts.query ? `?${opts.query}` : ''}`, {
    method: 'POST',
    headers: { ...(key ? { 'X-API-Key': key } : {}), 'Content-Type': opts.contentType ?? 'application/xml', ...(opts.idempotencyKey ? { 'Idempotency-Key': opts.idempotencyKey } : {}) },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
}

export function get(api: BackendApi, key: string | undefined, pathname: string): Promise<Response> {
  return fetch(`${api.base}${pathname}`, { headers: key ? { Authorization: `Bearer ${key}` } : {} });
}

export function answer(api: BackendApi, key: string, orderId: string, body: unknown): Promise<Response> {
  return fetch(`${api.base}/api/v1/orders/${orderId}/response`, { method: 'POST', headers: { 'X-API-Key': key, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}
