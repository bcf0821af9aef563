import { describe, expect, it } from 'vitest';
import { buildSbd } from '../../as4/sbdh/sbdh-build.js';
import { parseXmlSafely } from '../../ubl/safe-parse.js';
import { extractBusinessDocument, SbdPayloadError, type SbdPayloadLimits } from './sbd-payload.js';

const CATALOGUE_NS = 'urn:oasis:names:specification:ubl:schema:xsd:Catalogue-2';
const CBC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2';
const SBDH = 'http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader';

const business = `<?xml version="1.0" encoding="UTF-8"?>
<Catalogue xmlns="${CATALOGUE_NS}" xmlns:cbc="${CBC}"><cbc:ID>Lørenskog ✓</cbc:ID><cbc:Note>a &lt; b</cbc:Note></Catalogue>`;

function sbd(document = business): Buffer {
  return buildSbd(
    {
      sender: '0192:987654325',
      receiver: '0192:123456785',
      documentType: { scheme: 'busdox-docid-qns', value: `${CATALOGUE_NS}::Catalogue##urn:fdc:peppol.eu:poacc:trns:punch_out:3::2.1` },
      process: { scheme: 'cenbii-procid-ubl', value: 'urn:fdc:peppol.eu:poacc:bis:punch_out:3' },
      countryC1: 'NO',
      instanceIdentifier: 'c7f5a4a2-0000-4000-8000-000000000001',
      standard: CATALOGUE_NS,
      typeVersion: '2.1',
      type: 'Catalogue',
      creationDateAndTime: new Date('2026-01-05T10:00:00Z'),
    },
    Buffer.from(document, 'utf8'),
  );
}

async function* chunks(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function extract(bytes: Buffer, size = 64 * 1024, limits?: SbdPayloadLimits): Promise<string> {
  const out: Buffer[] = [];
  for await (const part of extractBusinessDocument(chunks(bytes, size), limits)) out.push(part);
  return Buffer.concat(out).toString('utf8');
}

describe('extracting the business document from an SBD', () => {
  it.each([1, 3, 7, 64, 100_000])('gives the document byte for byte, in chunks of %d bytes', async (size) => {
    const text = await extract(sbd(), size, { maxHeadBytes: 64 * 1024, maxTailBytes: 16 });
    expect(text).toBe(`<?xml version="1.0" encoding="UTF-8"?>\n${business.slice(business.indexOf('<Catalogue'))}`);
    const doc = parseXmlSafely(text);
    expect(doc.documentElement.namespaceURI).toBe(CATALOGUE_NS);
    expect(doc.documentElement.textContent).toBe('Lørenskog ✓a < b');
  });

  it('gives the document the namespace declarations it inherited from the envelope', async () => {
    const envelope = `<?xml version="1.0"?>
<sh:StandardBusinessDocument xmlns:sh="${SBDH}" xmlns:cbc="${CBC}" xmlns="urn:example:default">
  <sh:StandardBusinessDocumentHeader><sh:HeaderVersion>1.0</sh:HeaderVersion></sh:StandardBusinessDocumentHeader>
  <!-- the document -->
  <ubl:Catalogue xmlns:ubl="${CATALOGUE_NS}"><cbc:ID>1</cbc:ID><Extra/></ubl:Catalogue>
</sh:StandardBusinessDocument>
`;
    const text = await extract(Buffer.from(envelope), 5);
    const doc = parseXmlSafely(text);
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe(CATALOGUE_NS);
    expect(root.getElementsByTagNameNS(CBC, 'ID')[0]!.textContent).toBe('1');
    // An unprefixed element keeps the default namespace it had inside the envelope.
    expect(root.getElementsByTagName('Extra')[0]!.namespaceURI).toBe('urn:example:default');
    expect(text).not.toContain('sh:');
  });

  it('keeps a declaration the document itself redefines', async () => {
    const envelope = `<StandardBusinessDocument xmlns="${SBDH}" xmlns:cbc="urn:other"><StandardBusinessDocumentHeader/>
<Catalogue xmlns="${CATALOGUE_NS}" xmlns:cbc="${CBC}"><cbc:ID>1</cbc:ID></Catalogue></StandardBusinessDocument>`;
    const doc = parseXmlSafely(await extract(Buffer.from(envelope), 2));
    expect(doc.documentElement.namespaceURI).toBe(CATALOGUE_NS);
    expect(doc.documentElement.getElementsByTagNameNS(CBC, 'ID')).toHaveLength(1);
  });

  const wrap = (inner: string) => `<StandardBusinessDocument xmlns="${SBDH}"><StandardBusinessDocumentHeader/>${inner}</StandardBusinessDocument>`;

  it.each([
    ['not-an-sbd', `<Catalogue xmlns="${CATALOGUE_NS}"/>`, /not an SBDH StandardBusinessDocument/],
    ['wrong-envelope-namespace', `<StandardBusinessDocument xmlns="urn:x"><StandardBusinessDocumentHeader/><a/></StandardBusinessDocument>`, /not an SBDH/],
    ['no-business-document', wrap(''), /carries no business document/],
    ['empty-business-document', wrap(`<Catalogue xmlns="${CATALOGUE_NS}"/>`), /empty element/],
    ['doctype', `<!DOCTYPE x [<!ENTITY a "b">]>${wrap('<a>x</a>')}`, /DOCTYPE/],
    ['latin1-encoding', `<?xml version="1.0" encoding="ISO-8859-1"?>${wrap('<a>x</a>')}`, /ISO-8859-1; Peppol requires UTF-8/],
    ['content-after-envelope', `${wrap('<a>x</a>')}<b/>`, /unexpected content after/],
    ['truncated', wrap('<a>x</a>').slice(0, -5), /does not end with/],
    ['truncated-in-header', `<StandardBusinessDocument xmlns="${SBDH}"><StandardBusinessDocumentHeader>`, /ends before the end of the StandardBusinessDocumentHeader/],
    ['text-after-header', wrap('text<a>x</a>'), /unexpected content/],
  ])('refuses %s', async (_name, input, message) => {
    await expect(extract(Buffer.from(input), 4)).rejects.toThrow(SbdPayloadError);
    await expect(extract(Buffer.from(input), 4)).rejects.toThrow(message);
  });

  it('refuses a header larger than the limit', async () => {
    const big = wrap('<a>x</a>').replace('<StandardBusinessDocumentHeader/>', `<StandardBusinessDocumentHeader>${'<x/>'.repeat(5_000)}</StandardBusinessDocumentHeader>`);
    await expect(extract(Buffer.from(big), 1_000, { maxHeadBytes: 8_192, maxTailBytes: 64 })).rejects.toThrow(/in the first 8192 bytes/);
  });
});
