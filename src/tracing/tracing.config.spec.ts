import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config/define-config.js';
import { tracesUrlFrom, tracingConfig } from './tracing.config.js';

describe('tracingConfig', () => {
  it('is off by default, with the OTLP/HTTP default endpoint', () => {
    expect(tracingConfig.load({})).toEqual({ enabled: false, tracesUrl: 'http://localhost:4318/v1/traces', serviceName: undefined, sampleRatio: 1 });
  });

  it('exports over OTLP when OTEL_TRACES_EXPORTER=otlp; the traces endpoint wins over the base one', () => {
    const base = tracingConfig.load({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: 'https://collector.example:4318/otel/' });
    expect(base).toMatchObject({ enabled: true, tracesUrl: 'https://collector.example:4318/otel/v1/traces' });
    const own = tracingConfig.load({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://b:9999/traces' });
    expect(own.tracesUrl).toBe('http://b:9999/traces');
  });

  it('refuses an unknown exporter and a ratio outside 0..1', () => {
    expect(() => tracingConfig.load({ OTEL_TRACES_EXPORTER: 'jaeger' })).toThrow(ConfigError);
    expect(() => tracingConfig.load({ OTEL_TRACES_SAMPLER_ARG: '2' })).toThrow(/OTEL_TRACES_SAMPLER_ARG/);
  });

  it('appends /v1/traces once', () => {
    expect(tracesUrlFrom('http://c:4318')).toBe('http://c:4318/v1/traces');
    expect(tracesUrlFrom('http://c:4318//')).toBe('http://c:4318/v1/traces');
  });
});
