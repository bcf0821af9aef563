import { readFile } from 'node:fs/promises';
import { benchValidator } from './bench-validator.js';

/**
 * Run in a fresh process: validates one file once and prints its time and the process's peak RSS
 * as JSON, so the figure is that of validation alone.
 */
async function main(file: string, transaction: string): Promise<void> {
  const validator = benchValidator(transaction);
  await validator.start();
  const xml = await readFile(file);
  const started = process.hrtime.bigint();
  const report = await validator.validate(xml);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await validator.close();
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ seconds, peakRssMb, valid: report.valid, fired: report.fired.length })}\n`);
}

const [file, transaction] = process.argv.slice(2);
if (!file || !transaction) {
  process.stderr.write('usage: peak-rss-probe FILE TRANSACTION\n');
  process.exit(2);
}
main(file, transaction).catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
