import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCatalogueXml } from '../support/catalogue-generator.js';
import { CatalogueReadError, DEFAULT_CATALOGUE_LIMITS, openCatalogue, type CatalogueLimits } from '../../src/catalogue/catalogue-reader.js';
import type { CatalogueLine } from '../../src/catalogue/catalogue-model.js';

const example = path.resolve(process.cwd(), '../shared/conformance/examples/Catalogue_Example.xml');
const hasExample = existsSync(example);

async function* chunks(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text, 'utf8');
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

async function readAll(source: AsyncIterable<Uint8Array | string>, limits?: CatalogueLimits) {
  const reader = await openCatalogue(source, limits);
  const lines: CatalogueLine[] = [];
  for await (const line of reader.lines) lines.push(line);
  return { header: reader.header, lines };
}

const small = [...generateCatalogueXml({ lines: 3 })].join('');

describe.skipIf(!hasExample)('openCatalogue on the official catalogue example', () => {
  it('reads header and lines from an ISO-8859-1 file in 64-byte chunks', async () => {
    const { header, lines } = await readAll(createReadStream(example, { highWaterMark: 64 }));
    expect(header).toMatchObject({
      customizationId: 'urn:fdc:peppol.eu:poacc:trns:catalogue:3',
      id: '1387',
      actionCode: 'Add',
      versionId: '2.0',
      validity: { startDate: '2018-09-01', endDate: '2019-08-31' },
      provider: { endpoint: { value: '987654325', schemeId: '0192' }, registrationName: 'Helseforetak AS' },
      receiver: { partyIds: [{ value: '5790000435944', schemeId: '0088' }], registrationName: 'Medical AS' },
      sellerSupplier: { partyName: 'Medical' },
    });
    expect(lines.map((line) => [line.id, line.actionCode, line.item.sellersId, line.prices[0]?.amount])).toEqual([
      ['1', 'Update', 'MNTR011', '10.00'],
      ['2', undefined, 'MNTR012', '90.00'],
    ]);
    expect(lines[0]).toMatchObject({
      orderable: true,
      minimumOrderQuantity: { value: '1', unitCode: 'LBR' },
      item: { keywords: ['text'], standardId: { value: '1234567890114', schemeId: '0160' }, taxCategory: { id: 'S', percent: '18' } },
    });
  });
});

describe('openCatalogue', () => {
  it('reads the same catalogue whatever the chunk size', async () => {
    const whole = await readAll(chunks(small, 1 << 20));
    for (const size of [1, 7, 100]) expect(await readAll(chunks(small, size))).toEqual(whole);
    expect(whole.lines.map((line) => line.item.sellersId)).toEqual(['SKU-000001', 'SKU-000002', 'SKU-000003']);
  });

  it('streams: the header is ready and the first line comes before the document is read', async () => {
    let pulled = 0;
    async function* counted() {
      for (const chunk of generateCatalogueXml({ lines: 2_000, batchSize: 20 })) {
        pulled++;
        yield chunk;
      }
    }
    const reader = await openCatalogue(counted());
    expect(reader.header.id).toBe('CAT-2000');
    const first = await reader.lines.next();
    expect(first.value?.id).toBe('1');
    expect(pulled).toBeLessThanOrEqual(2); // of 102 chunks
    let count = 1;
    for await (const _ of reader.lines) count++;
    expect(count).toBe(2_000);
  });

  it('skips embedded attachment content', async () => {
    const withImage = small.replace(
      '<cac:SellersItemIdentification>',
      `<cac:ItemSpecificationDocumentReference><cbc:ID>img</cbc:ID><cac:Attachment><cbc:EmbeddedDocumentBinaryObject mimeCode="image/png" filename="a.png">${'A'.repeat(5_000)}</cbc:EmbeddedDocumentBinaryObject></cac:Attachment></cac:ItemSpecificationDocumentReference><cac:SellersItemIdentification>`,
    );
    const limits = { ...DEFAULT_CATALOGUE_LIMITS, maxCharsPerPart: 2_000 };
    expect((await readAll(chunks(withImage, 512), limits)).lines).toHaveLength(3);
  });

  const limited = (overrides: Partial<CatalogueLimits>) => ({ ...DEFAULT_CATALOGUE_LIMITS, ...overrides });
  it.each([
    ['a DOCTYPE', small.replace('<Catalogue ', '<!DOCTYPE Catalogue [<!ENTITY x "y">]><Catalogue '), undefined, /DOCTYPE/],
    ['an order instead of a catalogue', '<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"/>', undefined, /expected a UBL Catalogue/],
    ['no lines', small.replace(/<cac:CatalogueLine>[\s\S]*<\/cac:CatalogueLine>/, ''), undefined, /no catalogue lines/],
    ['a truncated document', small.slice(0, small.length - 200), undefined, /malformed XML/],
    ['an unknown entity', small.replace('Item 2', 'Item &two;'), undefined, /malformed XML/],
    ['more lines than allowed', small, limited({ maxLines: 2 }), /more than 2 lines/],
    ['more bytes than allowed', small, limited({ maxBytes: 1_000 }), /too large/],
    ['a line with too many elements', small, limited({ maxElementsPerPart: 10 }), /more than 10 elements/],
    ['a line with too much text', small.replace('Item 2', 'x'.repeat(3_000)), limited({ maxCharsPerPart: 2_000 }), /line 2 has more than 2000 characters/],
    ['nesting too deep', small, limited({ maxDepth: 4 }), /nested too deeply/],
    ['text that is not UTF-8', Buffer.concat([Buffer.from(small.slice(0, 400)), Buffer.from([0xff, 0xfe]), Buffer.from(small.slice(400))]), undefined, /not valid utf-8/],
  ])('refuses %s', async (_fault, document, limits, message) => {
    const source = typeof document === 'string' ? chunks(document, 256) : (async function* () { yield document; })();
    await expect(readAll(source, limits)).rejects.toThrow(CatalogueReadError);
    const again = typeof document === 'string' ? chunks(document, 256) : (async function* () { yield document; })();
    await expect(readAll(again, limits)).rejects.toThrow(message);
  });
});
