import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { benchValidator } from './bench-validator.js';
import { javaDocsPerSecond } from './java-reference.js';

const run = promisify(execFile);

export interface ValidationBenchCase {
  transaction: string;
  xml: string | Buffer;
  /** Warm runs before timing, then timed runs, on this thread; 0 timed runs: one run in a fresh process. */
  warmup: number;
  timed: number;
  javaRepeat: number;
  /** Also report the peak RSS of a fresh process validating the document once. */
  peakRss: boolean;
  timeoutMs: number;
  /**
   * Rounds of (ours, then Java) on a warm validator; the figures are the medians. On a shared
   * machine the load changes between the two measurements, so one round alone is noisy.
   */
  rounds?: number;
}

/**
 * Documents per second of our validator (UBL schema + official schematron) on one thread, and of
 * Java Saxon-HE running the same official XSLT on the same bytes, when java and its jar are present.
 */
export async function benchValidation(c: ValidationBenchCase): Promise<Record<string, number | string>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-validate-'));
  const file = path.join(dir, 'input.xml');
  await writeFile(file, c.xml);
  const validator = benchValidator(c.transaction);
  try {
    await validator.start();
    const release = await validator.rules.activeRelease();
    const xslt = release.stylesheets[c.transaction];
    if (!xslt) throw new Error(`the active release has no rules for ${c.transaction}`);
    const out: Record<string, number | string> = {};
    let probe: { seconds: number; peakRssMb: number; valid: boolean } | undefined;
    if (c.peakRss || c.timed === 0) probe = await probeFreshProcess(file, c.transaction, c.timeoutMs);
    const ours: number[] = [];
    const javas: number[] = [];
    const ratios: number[] = [];
    if (c.timed > 0) {
      for (let i = 0; i < c.warmup; i++) await mustBeValid(validator.validate(c.xml));
      for (let r = 0; r < (c.rounds ?? 1); r++) {
        const started = process.hrtime.bigint();
        for (let i = 0; i < c.timed; i++) await mustBeValid(validator.validate(c.xml));
        ours.push(c.timed / (Number(process.hrtime.bigint() - started) / 1e9));
        const java = await javaDocsPerSecond(xslt, file, c.javaRepeat, c.timeoutMs);
        if (java !== undefined) {
          javas.push(java);
          ratios.push(ours[r]! / java);
        }
      }
    } else {
      if (!probe!.valid) throw new Error('the benchmark input is not valid');
      ours.push(1 / probe!.seconds);
      const java = await javaDocsPerSecond(xslt, file, c.javaRepeat, c.timeoutMs);
      if (java !== undefined) {
        javas.push(java);
        ratios.push(ours[0]! / java);
      }
    }
    out.docs_per_s = round(median(ours));
    out.java_docs_per_s = javas.length ? round(median(javas)) : 'n/a';
    out.ratio_vs_java = ratios.length ? round(median(ratios)) : 'n/a';
    if (probe && c.peakRss) out.peak_rss_mb = Math.round(probe.peakRssMb);
    out.input_kb = Math.round(Buffer.byteLength(c.xml) / 1024);
    return out;
  } finally {
    await validator.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function mustBeValid(report: Promise<{ valid: boolean; fired: { id: string }[] }>): Promise<void> {
  const r = await report;
  if (!r.valid) throw new Error(`the benchmark input is not valid: ${r.fired.map((f) => f.id).slice(0, 5).join(', ')}`);
}

async function probeFreshProcess(file: string, transaction: string, timeoutMs: number): Promise<{ seconds: number; peakRssMb: number; valid: boolean }> {
  const probe = fileURLToPath(new URL('./peak-rss-probe.js', import.meta.url));
  const { stdout } = await run(process.execPath, [probe, file, transaction], { timeout: timeoutMs, maxBuffer: 1024 * 1024 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as { seconds: number; peakRssMb: number; valid: boolean };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function round(n: number): number {
  return n >= 100 ? Math.round(n) : Math.round(n * 1000) / 1000;
}
