import { readFileSync } from 'node:fs';
import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { ClusterMetricsClient } from './cluster-metrics.js';

/**
 * The process's Prometheus registry and the metrics every module shares. Every metric of the product
 * is named `peppol_ap_…` (Node's own process metrics keep their standard names).
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'peppol_ap_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  readonly as4Inbound = new Counter({
    name: 'peppol_ap_as4_inbound_total',
    help: 'AS4 messages received, by outcome (receipt, duplicate, or the ebMS error code)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly as4InboundTolerated = new Counter({
    name: 'peppol_ap_as4_inbound_tolerated_total',
    help: 'AS4 messages accepted for reading although their wire format deviates (e.g. bare-lf: MIME lines ending in LF, not CRLF)',
    labelNames: ['deviation'] as const,
    registers: [this.registry],
  });

  readonly as4InboundStepDuration = new Histogram({
    name: 'peppol_ap_as4_inbound_step_duration_seconds',
    help: 'Time spent in each step of the AS4 receive pipeline (steps that ran, whatever their outcome)',
    labelNames: ['step'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers: [this.registry],
  });

  // Read from Redis and the database at scrape time by the process that answers the scrape: with
  // several HTTP processes, its values are the current ones (the others' are left out, never summed).
  readonly queueJobs = new Gauge({
    name: 'peppol_ap_queue_jobs',
    help: 'Jobs per queue and state',
    labelNames: ['queue', 'state'] as const,
    registers: [this.registry],
    aggregator: 'omit',
  });

  readonly messagesByState = new Gauge({
    name: 'peppol_ap_messages',
    help: 'Message records per direction and state',
    labelNames: ['direction', 'state'] as const,
    registers: [this.registry],
    aggregator: 'omit',
  });

  readonly certificateExpirySeconds = new Gauge({
    name: 'peppol_ap_certificate_expiry_seconds',
    help: 'Seconds until this access point certificate expires',
    labelNames: ['subject', 'slot'] as const,
    registers: [this.registry],
    aggregator: 'min',
  });

  /** Set when this is one of several HTTP processes of the API: /metrics answers for all of them. */
  private readonly cluster = ClusterMetricsClient.create(this.registry);

  readonly queueOldestWaitingSeconds = new Gauge({
    name: 'peppol_ap_queue_oldest_waiting_seconds',
    help: 'How long the job that has waited longest to start has waited, per queue (0 when none waits)',
    labelNames: ['queue'] as const,
    registers: [this.registry],
    aggregator: 'omit',
  });

  readonly webhookAttempts = new Counter({
    name: 'peppol_ap_webhook_attempts_total',
    help: 'Webhook delivery attempts by outcome: delivered, retry (will be tried again), failed (given up), circuit-open (not sent: the endpoint is paused)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly webhookAttemptDuration = new Histogram({
    name: 'peppol_ap_webhook_attempt_duration_seconds',
    help: 'Time from sending a webhook to its answer (or the error), per attempt sent',
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry],
  });

  readonly webhookBreakerState = new Gauge({
    name: 'peppol_ap_webhook_breaker_state',
    help: 'Circuit breaker of a webhook route in this worker after its last attempt: 0 closed, 1 half-open, 2 open',
    labelNames: ['route'] as const,
    registers: [this.registry],
  });

  readonly validations = new Counter({
    name: 'peppol_ap_validations_total',
    help: 'Documents validated, by transaction and outcome (valid, invalid)',
    labelNames: ['transaction', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly validationDuration = new Histogram({
    name: 'peppol_ap_validation_duration_seconds',
    help: 'Time to validate a document (schema and rules), by transaction',
    labelNames: ['transaction'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 120, 600],
    registers: [this.registry],
  });

  readonly buildInfo = new Gauge({
    name: 'peppol_ap_build_info',
    help: 'Always 1; the labels say which build and Node version run',
    labelNames: ['version', 'node'] as const,
    registers: [this.registry],
    aggregator: 'first',
  });

  private readonly collectors: Array<() => Promise<void>> = [];

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    this.buildInfo.set({ version: packageVersion(), node: process.versions.node }, 1);
  }

  /** Registers a refresh that runs before each scrape (e.g. queue depths read from Redis). */
  onScrape(collector: () => Promise<void>): void {
    this.collectors.push(collector);
  }

  async render(): Promise<{ contentType: string; body: string }> {
    // A collector whose backend is down must not fail the scrape: its gauges keep their last value.
    await Promise.allSettled(this.collectors.map((c) => c()));
    if (!this.cluster) return { contentType: this.registry.contentType, body: await this.registry.metrics() };
    // Every process's counters and histograms summed, and this process's fresh scrape-time gauges.
    const own = await Promise.all(SCRAPE_TIME_GAUGES.map((name) => this.registry.getSingleMetricAsString(name)));
    const all = await this.cluster.all();
    return { contentType: this.registry.contentType, body: `${all.trimEnd()}\n${own.join('\n')}\n` };
  }
}

/** Gauges read from Redis and the database at scrape time: the answering process's values, never summed. */
const SCRAPE_TIME_GAUGES = ['peppol_ap_queue_jobs', 'peppol_ap_messages', 'peppol_ap_queue_oldest_waiting_seconds'];

/** The version in package.json (two levels up from src/metrics/ and dist/metrics/). */
export function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
