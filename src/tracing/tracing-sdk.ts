import { hostname } from 'node:os';
import { DEFAULT_SERVICE_NAMES, type TracedRole, type TracingConfig } from './tracing.config.js';

/** A started OpenTelemetry SDK: `shutdown` exports the spans still buffered, then stops. */
export interface Tracing {
  readonly serviceName: string;
  readonly tracesUrl: string;
  shutdown(): Promise<void>;
}

/**
 * Starts the OpenTelemetry SDK for this process when tracing is on: spans batched and exported over
 * OTLP/HTTP (JSON), the W3C trace context propagator, an AsyncLocalStorage context manager. Off, it
 * loads nothing (the SDK modules are imported only here, on demand) and the API stays the no-op one.
 */
export async function startTracing(role: TracedRole, config: TracingConfig): Promise<Tracing | undefined> {
  if (!config.enabled) return undefined;
  const [{ NodeTracerProvider, BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler }, { OTLPTraceExporter }, { resourceFromAttributes }, { W3CTraceContextPropagator }, semconv] =
    await Promise.all([
      import('@opentelemetry/sdk-trace-node'),
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/resources'),
      import('@opentelemetry/core'),
      import('@opentelemetry/semantic-conventions'),
    ]);
  const serviceName = config.serviceName ?? DEFAULT_SERVICE_NAMES[role];
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      [semconv.ATTR_SERVICE_NAME]: serviceName,
      [semconv.ATTR_SERVICE_VERSION]: process.env.npm_package_version ?? '0.1.0',
      'service.instance.id': `${hostname()}:${process.pid}`,
    }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(config.sampleRatio) }),
    // Batched (OTEL_BSP_* tune it): a span ending never waits for the collector.
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: config.tracesUrl }))],
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  let stopping: Promise<void> | undefined;
  return {
    serviceName,
    tracesUrl: config.tracesUrl,
    // A collector that is gone must not hold up the shutdown: the export times out and is dropped.
    shutdown: () => (stopping ??= provider.shutdown().catch(() => undefined)),
  };
}
