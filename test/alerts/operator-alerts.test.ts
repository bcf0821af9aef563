import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertRepository } from '../../src/delivery/alerts/alert-repository.js';
import { AlertMonitor } from '../../src/alerts/alert-monitor.js';
import { alertsConfig } from '../../src/alerts/alerts.config.js';
import { AlertsScheduler, CHECK_ALERTS_TASK } from '../../src/alerts/alerts.scheduler.js';
import { Clock } from '../../src/common/clock.js';
import { InProcessDeliveryRequests } from '../../src/delivery/delivery-requests.js';
import { eventIdFor } from '../../src/delivery/delivery.service.js';
import { DeliveryJobHandler } from '../../src/delivery/deliveries/delivery.job-handler.js';
import { SupplierEvents } from '../../src/delivery/supplier-events.js';
import { CircuitBreaker } from '../../src/delivery/webhook/circuit-breaker.js';
import { WebhookDeliveryAttempter } from '../../src/delivery/webhook/delivery-attempter.js';
import { parseWebhookEvent, type AlertEventType } from '../../src/delivery/webhook/events.js';
import { WebhookHttpSender } from '../../src/delivery/webhook/http-sender.js';
import { WebhookSigner, webhookIdForEvent } from '../../src/delivery/webhook/signer.js';
import { webhookConfig } from '../../src/delivery/webhook/webhook.config.js';
import { outboundConfig } from '../../src/outbound/outbound.config.js';
import { OutboundService } from '../../src/outbound/outbound.service.js';
import { transactionRegistry } from '../../src/peppol/index.js';
import { ApIdentity } from '../../src/pki/ap-identity.js';
import { ApKeystore } from '../../src/pki/keystore.js';
import { pkiConfig } from '../../src/pki/pki.config.js';
import { TrustStore } from '../../src/pki/trust-store.js';
import { QUEUES } from '../../src/queue/queues.js';
import { reportingConfig } from '../../src/reporting/reporting.config.js';
import { ReportingPeriodRepository } from '../../src/reporting/reporting-period-repository.js';
import { ReportingService } from '../../src/reporting/reporting.service.js';
import { TransmissionRepository } from '../../src/reporting/transmission-repository.js';
import { validationConfig } from '../../src/validation/validation.config.js';
import { ValidationService } from '../../src/validation/validation.service.js';
import { WorkflowFailures } from '../../src/workflows/shared/workflow-failures.js';
import { createPostgresTestDatabase, type TestDatabase } from '../support/databases.js';
import { devPkiEnv } from '../support/dev-pki.js';
import { WebhookSink, until } from '../support/webhook-sink.js';
import { tempDir } from '../sample-oms/harness.js';
import { createOrderMessage, deliveryServices, REDIS_URL } from '../delivery/support.js';
import { RedisConnections } from '../../src/redis/redis-connections.js';
import { redisConfig } from '../../src/redis/redis.config.js';

const SUPPLIER = '0192:987654325';
const BUYER = '0192:123456785';
const DAY_MS = 86_400_000;

class MovableClock extends Clock {
  at: Date | null = null;
  override now(): Date {
    return this.at ? new Date(this.at) : new Date();
  }
}

/** A Standard Webhooks signature check of one received request, done here from the spec (HMAC-SHA256 of id.timestamp.body). */
function signedWith(request: { headers: Record<string, unknown>; body: string }, secret: string): boolean {
  const id = String(request.headers['webhook-id']);
  const timestamp = String(request.headers['webhook-timestamp']);
  const expected = createHmac('sha256', Buffer.from(secret.slice('whsec_'.length), 'base64')).update(`${id}.${timestamp}.${request.body}`).digest('base64');
  return String(request.headers['webhook-signature'])
    .split(' ')
    .some((signature) => signature === `v1,${expected}`);
}

/**
 * Operator alerts end to end over real PostgreSQL, Redis and loopback HTTP: an operator route (no
 * participant) receives signed `alert.*` events through the webhook delivery pipeline, the delivery
 * jobs run by a BullMQ worker on the delivery queue; the periodic checks run from their job scheduler
 * on the maintenance queue, with the clock set to the day that makes each condition true.
 */
describe('operator alerts to an operator route', () => {
  let t: TestDatabase;
  let folder: Awaited<ReturnType<typeof tempDir>>;
  let s: ReturnType<typeof deliveryServices>;
  const clock = new MovableClock();
  const prefix = `t-alerts-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const sink = new WebhookSink();
  let refusing: Server;
  let refusingUrl: string;
  let operatorSecret: string;
  let redis: RedisConnections;
  const workers: Worker[] = [];
  let monitor: AlertMonitor;
  let scheduler: AlertsScheduler;
  let identity: ApIdentity;

  beforeAll(async () => {
    t = await createPostgresTestDatabase();
    folder = await tempDir('operator-alerts-');
    s = deliveryServices(t.db, folder.dir, prefix, clock);
    await s.blobs.init();
    await sink.start();
    // A back end that is always down for maintenance: every delivery to it is retried, then given up.
    refusing = createServer((_req, res) => res.writeHead(503).end('maintenance'));
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    refusingUrl = `http://127.0.0.1:${(refusing.address() as AddressInfo).port}/hooks`;

    await s.participants.upsert(SUPPLIER, { name: 'ABC Supplier Ltd.' });
    await s.routes.create({ kind: 'webhook', participantId: SUPPLIER, url: refusingUrl, eventTypes: ['order.created'], timeoutMs: 2_000 });
    const operator = await s.routes.create({ kind: 'operator', name: 'on-call', url: sink.url, timeoutMs: 2_000 });
    operatorSecret = operator.secret!;

    // The delivery job handler as the worker builds it, with a short retry schedule (2 attempts, 1 s apart).
    const webhook = webhookConfig.load({ WEBHOOK_ALLOW_HTTP: 'true', WEBHOOK_RETRY_DELAYS_S: '1', WEBHOOK_RETRY_JITTER_PERCENT: '0', WEBHOOK_CONNECT_TIMEOUT_MS: '1000' });
    const sender = new WebhookHttpSender(webhook, clock);
    const attempter = new WebhookDeliveryAttempter(new WebhookSigner(), sender, new CircuitBreaker(webhook.breaker), clock);
    const handler = new DeliveryJobHandler(t.db, s.deliveries, s.routes, s.service, s.messages, s.blobs, attempter, clock, webhook, s.config, s.metrics, s.alerts);
    redis = new RedisConnections(redisConfig.load({ REDIS_URL, QUEUE_PREFIX: prefix }));
    workers.push(
      new Worker(QUEUES.delivery, (job) => handler.handle(job.data, { jobId: String(job.id), attempt: job.attemptsMade + 1, maxAttempts: 3, final: false }), {
        connection: redis.consumer(),
        prefix,
        concurrency: 4,
      }),
    );

    // The periodic checks over the dev PKI, the reports of this installation and its queues.
    const pkiEnv = await devPkiEnv();
    const pki = pkiConfig.load(pkiEnv);
    identity = await ApIdentity.load(pki, { clock, keystore: new ApKeystore(undefined, pki.fileMaxBytes) });
    const reporting = new ReportingService(
      t.db,
      new TransmissionRepository(t.db),
      new ReportingPeriodRepository(t.db),
      s.messages,
      new OutboundService(s.messages, s.blobs, s.queue, { messageIdDomain: 'ap.test' }),
      new ValidationService(validationConfig.load({}), transactionRegistry, s.metrics, 'on-first-use'),
      identity,
      clock,
      s.blobs,
      reportingConfig.load({ REPORTING_SEND: 'always' }),
      outboundConfig.load({}),
      pki,
    );
    const cfg = alertsConfig.load({ ALERT_CHECK_INTERVAL_MS: '1000', ALERT_CERT_EXPIRY_DAYS: '30', ALERT_REPORT_DEADLINE_DAY: '10', ALERT_QUEUE_WAITING_MAX: '3', ALERT_QUEUE_OLDEST_WAITING_S: String(7 * 86_400) });
    monitor = new AlertMonitor(s.alerts, identity, await TrustStore.load(pki), reporting, s.queue, clock, cfg, s.metrics);
    scheduler = new AlertsScheduler(monitor, s.queue, cfg);
  }, 90_000);

  afterAll(async () => {
    for (const worker of workers) await worker.close();
    for (const name of Object.values(QUEUES)) await s?.queue.queue(name).obliterate({ force: true }).catch(() => undefined);
    await redis?.onApplicationShutdown();
    await s?.close();
    await sink.stop();
    await new Promise<void>((resolve) => (refusing ? refusing.close(() => resolve()) : resolve()));
    await t?.drop();
    await folder?.remove();
  });

  /** The alerts of a type the operator endpoint received, each checked for its signature and parsed. */
  function received(type: AlertEventType) {
    return sink.requests
      .filter((r) => (JSON.parse(r.body) as { type: string }).type === type)
      .map((r) => {
        expect(signedWith(r, operatorSecret)).toBe(true);
        return { webhookId: String(r.headers['webhook-id']), event: parseWebhookEvent(JSON.parse(r.body)) };
      });
  }
  const count = async (type: string) => Number((await t.db.query<{ n: string }>('SELECT count(*) AS n FROM operator_alerts WHERE type = $1', [type]))[0]!.n);

  it('a delivery given up and the order it left delivery-failed: both alerts reach the operator route, signed', async () => {
    const messageId = await createOrderMessage(s, { orderId: 'PO-ALERT-1', supplier: SUPPLIER, buyer: BUYER });
    await s.service.orderCreated(messageId);
    const [delivery] = await s.deliveries.forMessage(messageId);
    const given = await until('alert.delivery-given-up', async () => received('alert.delivery-given-up').find((a) => a.event.type === 'alert.delivery-given-up' && a.event.data.delivery.id === delivery!.id), 30_000);
    expect(given.event.data).toMatchObject({ exhausted: true, participantId: SUPPLIER, messageId, delivery: { eventType: 'order.created', attempts: 2, generation: 1 } });
    expect(given.webhookId).toBe(webhookIdForEvent(eventIdFor('alert.delivery-given-up', `delivery:${delivery!.id}:1`)));

    const failed = await until('alert.message-failed', async () => received('alert.message-failed').find((a) => a.event.type === 'alert.message-failed' && a.event.data.message.id === messageId), 30_000);
    expect(failed.event.data).toMatchObject({ message: { state: 'delivery-failed', kind: 'order', direction: 'outbound' }, failure: { stage: 'delivery', code: 'delivery-failed' } });
    expect((await s.messages.get(messageId)).state).toBe('delivery-failed');
    // Each delivered once: the alert deliveries are stored like any, and delivered.
    const alertDeliveries = (await s.deliveries.list({ limit: 100 })).filter((d) => d.eventType.startsWith('alert.'));
    expect(alertDeliveries.every((d) => d.state === 'delivered')).toBe(true);
    expect(await count('alert.delivery-given-up')).toBe(1);
    const metrics = (await s.metrics.render()).body;
    expect(metrics).toContain('peppol_ap_alerts_total{type="alert.delivery-given-up"} 1');
  });

  it('a message whose job gave up (failed) alerts the operators although its owner has no route', async () => {
    const message = await s.messages.create({ direction: 'inbound', kind: 'catalogue', state: 'received', senderId: '0192:555555555', receiverId: SUPPLIER }, { actor: 'test' });
    const failures = new WorkflowFailures(s.messages, new InProcessDeliveryRequests(s.service, new SupplierEvents(s.service, s.messages, s.blobs, clock), s.alerts));
    await failures.fail(message.id, { stage: 'validation', code: 'retries-exhausted', message: 'the rules could not be loaded' });
    const alert = await until('alert.message-failed of the catalogue', async () =>
      received('alert.message-failed').find((a) => a.event.type === 'alert.message-failed' && a.event.data.message.id === message.id),
    );
    expect(alert.event.data).toMatchObject({ message: { state: 'failed', kind: 'catalogue', direction: 'inbound' }, failure: { stage: 'validation', code: 'retries-exhausted', message: 'the rules could not be loaded' } });
    // Reported again (a retried job): the same alert, not a second one.
    await failures.fail(message.id, { stage: 'validation', code: 'retries-exhausted', message: 'again' });
    await s.alerts.messageFailed(message.id);
    expect((await t.db.query(`SELECT id FROM operator_alerts WHERE condition = $1`, [`message:${message.id}:failed`])).length).toBe(1);
  });

  it('the scheduled checks raise an expiring certificate, an overdue report and a backed-up queue, once a day', async () => {
    // A day in the middle of a month (past the report deadline), within 30 days of our certificate's end.
    const notAfter = identity.slots().find((slot) => slot.slot === 'current')!.notAfter;
    let day = new Date(Date.UTC(notAfter.getUTCFullYear(), notAfter.getUTCMonth(), notAfter.getUTCDate() - 3, 6));
    while (day.getUTCDate() < 10 || day.getUTCDate() > 27) day = new Date(day.getTime() - DAY_MS);
    clock.at = day;
    // Work nobody takes: the catalogue queue has no worker here.
    for (let i = 0; i < 4; i++) await s.queue.enqueue(QUEUES.catalogue, { messageId: randomUUID() }, { jobId: `backlog-${i}` });

    // The maintenance queue's job scheduler queues the checks; a worker of that queue runs them.
    const ran: string[] = [];
    workers.push(
      new Worker(
        QUEUES.maintenance,
        async (job) => {
          if ((job.data as { task?: string }).task !== CHECK_ALERTS_TASK) return;
          await scheduler.run();
          ran.push(String(job.id));
        },
        { connection: redis.consumer(), prefix },
      ),
    );
    scheduler.onApplicationBootstrap();
    const isOurs = (type: AlertEventType) => received(type).filter((a) => (a.event.data as { raisedAt?: string }).raisedAt?.slice(0, 10) === day.toISOString().slice(0, 10));
    await until('the three periodic alerts', async () => isOurs('alert.certificate-expiring').length > 0 && isOurs('alert.report-not-sent').length > 0 && isOurs('alert.queue-backing-up').length > 0, 30_000);

    const cert = isOurs('alert.certificate-expiring').find((a) => a.event.type === 'alert.certificate-expiring' && a.event.data.certificate.role === 'ap-current')!;
    expect(cert.event.type === 'alert.certificate-expiring' && cert.event.data).toMatchObject({ thresholdDays: 30, certificate: { notAfter: notAfter.toISOString() } });
    const report = isOurs('alert.report-not-sent')[0]!;
    const previous = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
    expect(report.event.data).toMatchObject({ period: previous, state: 'unsent', deadline: `${day.toISOString().slice(0, 7)}-10` });
    const queue = isOurs('alert.queue-backing-up').find((a) => a.event.type === 'alert.queue-backing-up' && a.event.data.queue === QUEUES.catalogue)!;
    expect(queue.event.data).toMatchObject({ waiting: 4, thresholds: { waiting: 3 } });

    // More runs the same day: nothing new is raised or sent.
    await until('every alert delivery settled', async () => (await s.deliveries.list({ limit: 1000 })).every((d) => d.state === 'delivered' || d.state === 'failed'));
    const before = { requests: sink.requests.length, alerts: Number((await t.db.query<{ n: string }>('SELECT count(*) AS n FROM operator_alerts'))[0]!.n) };
    const runs = ran.length;
    await until('two more runs of the checks', async () => ran.length >= runs + 2, 15_000);
    expect(Number((await t.db.query<{ n: string }>('SELECT count(*) AS n FROM operator_alerts'))[0]!.n)).toBe(before.alerts);
    expect(sink.requests.length).toBe(before.requests);

    const metrics = (await s.metrics.render()).body;
    expect(metrics).toMatch(/peppol_ap_certificate_expiry_days\{role="ap-current",subject="[^"]+"\} \d+/);
    expect(metrics).toContain('peppol_ap_report_overdue 1');
    expect(metrics).toContain('peppol_ap_alerts_total{type="alert.report-not-sent"} 1');

    // The next day the conditions still hold: each is raised once more.
    clock.at = new Date(day.getTime() + DAY_MS);
    await until('the next day’s report alert', async () => received('alert.report-not-sent').length === 2, 15_000);
    expect(await count('alert.report-not-sent')).toBe(2);
    await until('the next day’s queue alert', async () => received('alert.queue-backing-up').filter((a) => a.event.type === 'alert.queue-backing-up' && a.event.data.queue === QUEUES.catalogue).length === 2, 15_000);

    // The history is bounded: a run forgets the alerts raised more than ALERT_HISTORY_DAYS (90) ago, and only those.
    const total = async () => Number((await t.db.query<{ n: string }>('SELECT count(*) AS n FROM operator_alerts'))[0]!.n);
    const recent = await total();
    const old = { id: `old-${randomUUID()}`, type: 'alert.queue-backing-up' as const, condition: 'queue:gone', severity: 'warning' as const, summary: 'long ago', data: {} };
    await new AlertRepository(t.db).record({ ...old, raisedAt: new Date(clock.now().getTime() - 91 * DAY_MS) });
    await new AlertRepository(t.db).record({ ...old, id: `${old.id}-89`, raisedAt: new Date(clock.now().getTime() - 89 * DAY_MS) });
    const runsBefore = ran.length;
    await until('two more runs of the checks', async () => ran.length >= runsBefore + 2, 15_000);
    expect(await total()).toBe(recent + 1);
    expect((await new AlertRepository(t.db).latest(10_000)).map((a) => a.id).filter((id) => id.startsWith(old.id))).toEqual([`${old.id}-89`]);
  }, 90_000);
});
