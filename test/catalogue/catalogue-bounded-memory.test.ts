import { execFile } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalogueXml } from '../support/catalogue-generator.js';

const run = promisify(execFile);
const READER = path.resolve('dist/catalogue/catalogue-reader.js');
const RESPONSE = path.resolve('dist/catalogue/catalogue-response.js');

/**
 * The built reader in a process of its own whose heap is capped well below what the document would
 * take if it were held (parsed whole, or line objects kept): only streaming line by line fits. The
 * reading process keeps every item id, as a consumer checking for duplicates would; a kept id must
 * not keep the text it was read from.
 */
const READ_SCRIPT = `
const { createReadStream } = await import('node:fs');
const { openCatalogue } = await import(process.env.READER_URL);
const { catalogueResponse } = await import(process.env.RESPONSE_URL);
const reader = await openCatalogue(createReadStream(process.env.FILE, { highWaterMark: 64 * 1024 }));
const ids = new Set();
for await (const line of reader.lines) ids.add(line.item.sellersId);
const response = catalogueResponse({ catalogue: reader.header, decision: 'AP', responseId: 'R', issueDate: '2026-01-06' });
console.log(JSON.stringify({ lines: ids.size, responseNamesCatalogue: response.includes('<cbc:ID>BIG-1</cbc:ID>') }));
`;

describe.skipIf(!existsSync(READER))('a big catalogue', () => {
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'catalogue-big-'));
    file = path.join(dir, 'catalogue.xml');
    await pipeline(Readable.from(generateCatalogueXml({ lines: 40_000, id: 'BIG-1' })), createWriteStream(file));
  }, 120_000);
  afterAll(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

  it('is read line by line in a heap much smaller than the document', { timeout: 120_000 }, async () => {
    const { size } = await stat(file);
    expect(size).toBeGreaterThan(28 * 1024 * 1024);
    // 40,000 lines are about 30 MB of XML and about 150 MB as line objects; the cap is 24 MB.
    const { stdout } = await run(process.execPath, ['--max-old-space-size=24', '--input-type=module', '-e', READ_SCRIPT], {
      env: { ...process.env, FILE: file, READER_URL: `file://${READER}`, RESPONSE_URL: `file://${RESPONSE}` },
      maxBuffer: 1024 * 1024,
    });
    expect(JSON.parse(stdout.trim())).toEqual({ lines: 40_000, responseNamesCatalogue: true });
  });
});
