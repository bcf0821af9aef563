/** One benchmark case: prints `bench NAME key=value ...` with unitless numbers in the key's unit. */
export interface BenchCase {
  readonly name: string;
  run(): Promise<Record<string, number | string>>;
}

export function formatBenchLine(name: string, figures: Record<string, number | string>): string {
  const parts = Object.entries(figures).map(([k, v]) => `${k}=${typeof v === 'number' ? round(v) : v}`);
  return `bench ${name} ${parts.join(' ')}`.trimEnd();
}

function round(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v)) return String(v);
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(3);
}
