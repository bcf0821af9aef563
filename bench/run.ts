import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BenchCase, formatBenchLine } from './case.js';

/** `npm run bench` runs every case; `npm run bench -- NAME [NAME...]` the named ones. */
async function main(): Promise<number> {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cases');
  const cases: BenchCase[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.bench.js')).sort()) {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { default: BenchCase | BenchCase[] };
    cases.push(...(Array.isArray(mod.default) ? mod.default : [mod.default]));
  }
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = wanted.filter((w) => !cases.some((c) => c.name === w));
  if (unknown.length > 0) {
    process.stderr.write(`unknown bench case(s): ${unknown.join(', ')}; known: ${cases.map((c) => c.name).join(', ')}\n`);
    return 2;
  }
  let failed = 0;
  for (const c of cases.filter((c) => wanted.length === 0 || wanted.includes(c.name))) {
    try {
      process.stdout.write(`${formatBenchLine(c.name, await c.run())}\n`);
    } catch (error) {
      failed++;
      process.stdout.write(`bench ${c.name} error=${JSON.stringify((error as Error).message)}\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}

main().then((code) => process.exit(code));
