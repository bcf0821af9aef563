import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { ClusterMetricsClient } from './cluster-metrics.js';

/** The process's Prometheus registry and the metrics every module shares. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  readonly as4Inbound = new Counter({
    name: 'as4_inbound_total',
    help: 'AS4 messages received, by outcome (receipt, duplicate, or the ebMS error code)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly as4InboundTolerated = new Counter({
    name: 'as4_inbound_tolerated_total',
    help: 'AS4 messages accepted for reading although their wire format deviates (e.g. bare-lf: MIME lines ending in LF, not CRLF)',
    labelNames: ['deviation'] as const,
    registers: [this.registry],
  });

  readonly as4InboundStepDuration = new Histogram({
    name: 'as4_inbound_step_duration_seconds',
    help: 'Time spent in each step of the AS4 receive pipeline (steps that ran, whatever their outcome)',
    labelNames: ['step'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers: [this.registry],
  });

  // Read from Redis and the database at scrape time by the process that answers the scrape: with
  // several HTTP processes, its values are the current ones (the others' are left out, never summed).
  readonly queueJobs = new Gauge({
    name: 'queue_jobs',
    help: 'Jobs per queue and state',
    labelNames: ['queue', 'state'] as const,
    registers: [this.registry],
    aggregator: 'omit',
  });

  readonly messagesByState = new Gauge({
    name: 'messages',
    help: 'Message records per direction and state',
    labelNames: ['direction', 'state'] as const,
    registers: [this.registry],
    aggregator: 'omit',
  });

  readonly certificateExpirySeconds = new Gauge({
    name: 'certificate_expiry_seconds',
    help: 'Seconds until this access point certificate expires',
    labelNames: ['subject', 'slot'] as const,
    registers: [this.registry],
    aggregator: 'min',
  });

  /** Set when this is one of several HTTP processes of the API: /metrics answers for all of them. */
  private readonly cluster = ClusterMetricsClient.create(this.registry);

  private readonly collectors: Array<() => Promise<void>> = [];

  constructor() {
    collectDefaultMetrics({ register: this.registry });
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
    const own = await Promise.all(['queue_jobs', 'messages'].map((name) => this.registry.getSingleMetricAsString(name)));
    const all = await this.cluster.all();
    return { contentType: this.registry.contentType, body: `${all.trimEnd()}\n${own.join('\n')}\n` };
  }
}
