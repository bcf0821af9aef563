import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { context, propagation, trace } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { readableDiag, startTracing, throttled } from './tracing-sdk.js';
import { tracingConfig } from './tracing.config.js';

describe('startTracing', () => {
  it('starts nothing with tracing off', async () => {
    expect(await startTracing('api', tracingConfig.load({}))).toBeUndefined();
  });

  it('exports what is buffered on shutdown, and a collector that never answers holds the stop up 3 s at most', async () => {
    const hanging: ServerResponse[] = [];
    const posts: string[] = [];
    const collector = createServer((req, res) => {
      posts.push(`${req.method} ${req.url}`);
      hanging.push(res);
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
    const warnings: string[] = [];
    try {
      const tracing = await startTracing('worker', tracingConfig.load({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: url }), (m) => warnings.push(m));
      expect(tracing).toMatchObject({ serviceName: 'peppol-ap-worker', tracesUrl: `${url}/v1/traces` });
      trace.getTracer('test').startSpan('job').end();
      const started = Date.now();
      await tracing!.shutdown();
      expect(Date.now() - started).toBeLessThan(4_500);
      expect(posts).toEqual(['POST /v1/traces']);
    } finally {
      for (const res of hanging) res.destroy();
      collector.closeAllConnections();
      await new Promise((r) => collector.close(r));
      trace.disable();
      propagation.disable();
      context.disable();
    }
  });
});

describe('throttled', () => {
  it('passes one message per interval and counts the ones held back', () => {
    let now = 0;
    const lines: string[] = [];
    const report = throttled((m) => lines.push(m), 60_000, () => now);
    report('a');
    now = 1_000;
    report('b');
    report('c');
    now = 61_000;
    report('d');
    now = 200_000;
    report('e');
    expect(lines).toEqual(['a', 'd (2 more since the last such line)', 'e']);
  });
});

describe('readableDiag', () => {
  it('keeps the message of an exception the SDK wrote as JSON, and other text as it is', () => {
    expect(readableDiag('{"stack":"Error: connect ECONNREFUSED\\n    at x","message":"connect ECONNREFUSED 127.0.0.1:1","code":"ECONNREFUSED"}')).toBe('connect ECONNREFUSED 127.0.0.1:1');
    expect(readableDiag('Dropped 3 spans')).toBe('Dropped 3 spans');
    expect(readableDiag('{not json')).toBe('{not json');
  });
});
