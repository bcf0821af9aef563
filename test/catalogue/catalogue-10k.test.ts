import { Readable } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { generateCatalogueXml } from '../support/catalogue-generator.js';
import { openCatalogue } from '../../src/catalogue/catalogue-reader.js';
import { catalogueResponse } from '../../src/catalogue/catalogue-response.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  gc();
  return process.memoryUsage().heapUsed;
}

describe('a 10,000-line catalogue', () => {
  it('is read line by line in bounded memory', async () => {
    let bytes = 0;
    const source = Readable.from(
      (function* () {
        for (const chunk of generateCatalogueXml({ lines: 10_000, id: 'BIG-1' })) {
          bytes += Buffer.byteLength(chunk);
          yield chunk;
        }
      })(),
    );
    const reader = await openCatalogue(source);
    const samples: number[] = [];
    let count = 0;
    const seen = new Set<string>();
    for await (const line of reader.lines) {
      count++;
      seen.add(line.item.sellersId!);
      if (count === 1_000 || count === 9_000) samples.push(heapAfterGc());
    }
    expect(count).toBe(10_000);
    expect(seen.size).toBe(10_000);
    expect(bytes).toBeGreaterThan(7 * 1024 * 1024);
    // Between line 1,000 and 9,000 about 6.5 MB of document went by; only the ids kept here may grow.
    const growth = samples[1]! - samples[0]!;
    expect(growth).toBeLessThan(2 * 1024 * 1024);
    expect(catalogueResponse({ catalogue: reader.header, decision: 'AP', responseId: 'R', issueDate: '2026-01-06' })).toContain('<cbc:ID>BIG-1</cbc:ID>');
  });
});
