import { PROCESSES, TRANSACTIONS } from '../peppol/index.js';
import { appendAggregate, appendBasic, createUblDocument, serializeUbl } from '../ubl/builder.js';
import type { Identifier } from '../ubl/model.js';
import { NS } from '../ubl/namespaces.js';
import { writeIdentification, writeIdentifier } from '../ubl/write-common.js';

/**
 * Generates valid T19 catalogues of any size as a stream of text chunks, for tests and benchmarks:
 * every part is built as DOM and serialised; lines are produced in batches so memory stays flat.
 */
export interface GeneratedCatalogueOptions {
  lines: number;
  id?: string;
  versionId?: string;
  actionCode?: 'Add' | 'Replace' | 'Update' | 'Delete';
  issueDate?: string;
  validFrom?: string;
  validTo?: string;
  provider?: { endpoint: Identifier; name: string };
  receiver?: { endpoint: Identifier; name: string };
  /** Lines per serialised chunk. */
  batchSize?: number;
}

const ROOT_END = '</Catalogue>';

export function* generateCatalogueXml(options: GeneratedCatalogueOptions): Generator<string> {
  const header = createUblDocument('Catalogue', NS.catalogue);
  writeHeader(header.root, options);
  const headerXml = serializeUbl(header.document);
  yield headerXml.slice(0, headerXml.lastIndexOf(ROOT_END));

  const batchSize = options.batchSize ?? 200;
  for (let first = 1; first <= options.lines; first += batchSize) {
    const batch = createUblDocument('Catalogue', NS.catalogue);
    for (let n = first; n < first + batchSize && n <= options.lines; n++) writeLine(appendAggregate(batch.root, 'cac:CatalogueLine'), n);
    const xml = serializeUbl(batch.root);
    // The batch root is ours: its start tag ends at the first '>' (namespace URIs contain none).
    yield xml.slice(xml.indexOf('>') + 1, xml.lastIndexOf(ROOT_END));
  }
  yield `\n${ROOT_END}\n`;
}

/** The whole generated catalogue as bytes (small sizes only). */
export function generateCatalogueBytes(options: GeneratedCatalogueOptions): Buffer {
  return Buffer.from([...generateCatalogueXml(options)].join(''), 'utf8');
}

function writeHeader(root: Element, options: GeneratedCatalogueOptions): void {
  appendBasic(root, 'cbc:CustomizationID', TRANSACTIONS.catalogue.customizationId);
  appendBasic(root, 'cbc:ProfileID', PROCESSES.catalogueOnly);
  appendBasic(root, 'cbc:ID', options.id ?? `CAT-${options.lines}`);
  appendBasic(root, 'cbc:ActionCode', options.actionCode ?? 'Add');
  appendBasic(root, 'cbc:Name', `Generated catalogue of ${options.lines} lines`);
  appendBasic(root, 'cbc:IssueDate', options.issueDate ?? '2026-01-05');
  appendBasic(root, 'cbc:VersionID', options.versionId ?? '1');
  const validity = appendAggregate(root, 'cac:ValidityPeriod');
  appendBasic(validity, 'cbc:StartDate', options.validFrom ?? '2026-01-05');
  appendBasic(validity, 'cbc:EndDate', options.validTo ?? '2026-12-31');
  const parties = [
    ['cac:ProviderParty', options.provider ?? { endpoint: { schemeId: '0192', value: '987654325' }, name: 'ABC Supplier Ltd.' }],
    ['cac:ReceiverParty', options.receiver ?? { endpoint: { schemeId: '0192', value: '123456785' }, name: 'DEF Customer Ltd.' }],
  ] as const;
  for (const [name, party] of parties) {
    const element = appendAggregate(root, name);
    writeIdentifier(element, 'cbc:EndpointID', party.endpoint);
    appendBasic(appendAggregate(element, 'cac:PartyLegalEntity'), 'cbc:RegistrationName', party.name);
  }
}

function writeLine(line: Element, n: number): void {
  appendBasic(line, 'cbc:ID', String(n));
  appendBasic(line, 'cbc:OrderableIndicator', 'true');
  const price = appendAggregate(appendAggregate(line, 'cac:RequiredItemLocationQuantity'), 'cac:Price');
  appendBasic(price, 'cbc:PriceAmount', `${(n * 13) % 900}.${String((n * 7) % 100).padStart(2, '0')}`, { currencyID: 'EUR' });
  appendBasic(price, 'cbc:BaseQuantity', n % 5 === 0 ? '10' : '1', { unitCode: 'C62' });
  const item = appendAggregate(line, 'cac:Item');
  appendBasic(item, 'cbc:Description', `Generated item ${n}, for load and memory tests`);
  appendBasic(item, 'cbc:Name', `Item ${n}`);
  writeIdentification(item, 'cac:SellersItemIdentification', { value: `SKU-${String(n).padStart(6, '0')}` });
  appendBasic(appendAggregate(item, 'cac:CommodityClassification'), 'cbc:ItemClassificationCode', String(43_000_000 + (n % 100_000)), {
    listID: 'STI',
  });
  const tax = appendAggregate(item, 'cac:ClassifiedTaxCategory');
  appendBasic(tax, 'cbc:ID', 'S');
  appendBasic(tax, 'cbc:Percent', n % 3 === 0 ? '12' : '25');
  appendBasic(appendAggregate(tax, 'cac:TaxScheme'), 'cbc:ID', 'VAT');
}
