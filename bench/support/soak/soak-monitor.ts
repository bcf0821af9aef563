import { readFileSync } from 'node:fs';

export interface Sample {
  /** Seconds since the soak started. */
  at: number;
  apiRssMb: number;
  workerRssMb: number;
  /** p99 event-loop delay of the API since the previous sample (prom-client resets it per scrape). */
  apiLagP99Ms: number;
}

function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

function metric(text: string, name: string): number {
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.eE+-]+)$`, 'm').exec(text);
  return match ? Number(match[1]) : NaN;
}

/** Samples the API (its /metrics) and the worker (/proc) at a fixed interval. */
export class SoakMonitor {
  readonly samples: Sample[] = [];
  private timer?: NodeJS.Timeout;
  private readonly started = performance.now();

  constructor(
    private readonly apiPort: number,
    private readonly workerPid: number,
  ) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.sample(), intervalMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async sample(): Promise<void> {
    try {
      const text = await (await fetch(`http://127.0.0.1:${this.apiPort}/metrics`)).text();
      this.samples.push({
        at: (performance.now() - this.started) / 1000,
        apiRssMb: metric(text, 'process_resident_memory_bytes') / 1024 / 1024,
        workerRssMb: rssMb(this.workerPid),
        apiLagP99Ms: metric(text, 'nodejs_eventloop_lag_p99_seconds') * 1000,
      });
    } catch {
      // A missed sample shows as a gap, not as a figure.
    }
  }
}

export function mean(values: number[]): number {
  const finite = values.filter(Number.isFinite);
  return finite.length ? finite.reduce((a, b) => a + b, 0) / finite.length : NaN;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
