import { hostname } from 'node:os';
import { diag, DiagLogLevel } from '@opentelemetry/api';
import { packageVersion } from '../metrics/metrics.service.js';
import { DEFAULT_SERVICE_NAMES, type TracedRole, type TracingConfig } from './tracing.config.js';

/** How long a stopping process waits for its last spans to be exported. */
const SHUTDOWN_EXPORT_MS = 3_000;

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
export async function startTracing(role: TracedRole, config: TracingConfig, warn?: (message: string) => void): Promise<Tracing | undefined> {
  if (!config.enabled) return undefined;
  // The SDK's own complaints (a collector that cannot be reached, spans dropped) reach the log, at most once a minute.
  if (warn) {
    const report = throttled(warn, 60_000);
    const say = (message: string, ...args: unknown[]) =>
      report([`OpenTelemetry (spans to ${config.tracesUrl}):`, readableDiag(message), ...args.map((a) => (a instanceof Error ? a.message : String(a)))].join(' '));
    const quiet = () => undefined;
    diag.setLogger({ error: say, warn: say, info: quiet, debug: quiet, verbose: quiet }, { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true });
  }
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
      [semconv.ATTR_SERVICE_VERSION]: packageVersion(),
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
    // A collector that is gone must not hold up the shutdown: after SHUTDOWN_EXPORT_MS what is left is dropped.
    shutdown: () =>
      (stopping ??= Promise.race([
        provider.shutdown().catch(() => undefined),
        new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_EXPORT_MS).unref()),
      ])),
  };
}

/**
 * Passes on at most one message per `intervalMs`; the next one passed on says how many were held
 * back meanwhile (a collector that is down would otherwise fill the log every few seconds).
 */
export function throttled(report: (message: string) => void, intervalMs: number, now: () => number = Date.now): (message: string) => void {
  let last = -Infinity;
  let held = 0;
  return (message) => {
    const at = now();
    if (at - last < intervalMs) {
      held++;
      return;
    }
    last = at;
    report(held > 0 ? `${message} (${held} more since the last such line)` : message);
    held = 0;
  };
}

/** The SDK reports an export failure as the error's JSON (stack included): its message is enough. */
export function readableDiag(message: string): string {
  if (!message.startsWith('{')) return message;
  try {
    const parsed = JSON.parse(message) as { message?: unknown };
    return typeof parsed.message === 'string' ? parsed.message : message;
  } catch {
    return message;
  }
}
