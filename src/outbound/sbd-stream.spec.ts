import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BusinessDocumentError, readBusinessDocumentHead } from './business-document-head.js';
import { documentTypeParts, sbdAroundDocument } from './sbd-stream.js';

const ORDER = { scheme: 'busdox-docid-qns', value: 'urn:oasis:names:specification:ubl:schema:xsd:Order-2::Order##urn:fdc:peppol.eu:poacc:trns:order:3::2.1' };
const PROCESS = { scheme: 'cenbii-procid-ubl', value: 'urn:fdc:peppol.eu:poacc:bis:ordering:3' };
const routing = { senderId: '0088:5798000000001', receiverId: '0088:7315458756324', documentType: ORDER, process: PROCESS, countryC1: 'DK' };
const order = '<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"><ID>1</ID></Order>';
/** The document delivered in small pieces, as a file stream would. */
const chunked = (text: string, size = 7) => () => Readable.from(Array.from({ length: Math.ceil(Buffer.byteLength(text) / size) }, (_, i) => Buffer.from(text).subarray(i * size, (i + 1) * size)));
const read = async (stream: Readable) => {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(c as Buffer);
  return Buffer.concat(parts).toString('utf8');
};

describe('documentTypeParts', () => {
  it('splits a document type id into SBDH Standard, Type and TypeVersion', () => {
    expect(documentTypeParts(ORDER)).toEqual({ standard: 'urn:oasis:names:specification:ubl:schema:xsd:Order-2', type: 'Order', typeVersion: '2.1' });
  });
  it('refuses a value without root, customization and version', () => {
    expect(() => documentTypeParts({ scheme: 'busdox-docid-qns', value: 'urn:x:Order' })).toThrow(BusinessDocumentError);
  });
});

describe('readBusinessDocumentHead', () => {
  it('finds the root across chunks and measures the prolog (BOM, declaration, whitespace) in bytes', async () => {
    const text = `\uFEFF<?xml version="1.0" encoding="utf-8"?>\n  ${order}`;
    const head = await readBusinessDocumentHead(chunked(text, 5), 65_536);
    expect(head.root).toEqual({ namespaceURI: 'urn:oasis:names:specification:ubl:schema:xsd:Order-2', localName: 'Order' });
    expect(head.prologBytes).toBe(Buffer.byteLength(text) - Buffer.byteLength(order));
  });
  it('refuses a DOCTYPE, another encoding, no namespace, an empty document and a root too far in', async () => {
    await expect(readBusinessDocumentHead(chunked(`<!DOCTYPE Order>${order}`), 1000)).rejects.toThrow(/DOCTYPE/);
    await expect(readBusinessDocumentHead(chunked(`<?xml version="1.0" encoding="ISO-8859-1"?>${order}`), 1000)).rejects.toThrow(/ISO-8859-1/);
    await expect(readBusinessDocumentHead(chunked('<Order><ID>1</ID></Order>'), 1000)).rejects.toThrow(/no namespace/);
    await expect(readBusinessDocumentHead(() => Readable.from([]), 1000)).rejects.toThrow(/empty/);
    await expect(readBusinessDocumentHead(chunked(`<!--${'x'.repeat(500)}-->${order}`), 100)).rejects.toThrow(/within the first 100 bytes/);
  });
});

describe('sbdAroundDocument', () => {
  it('streams envelope head, the document without its declaration, and the envelope tail', async () => {
    const sbd = await sbdAroundDocument(routing, chunked(`<?xml version="1.0"?>\n${order}`, 3), { now: new Date('2026-11-23T10:00:00Z'), instanceIdentifier: 'id-1' });
    const text = await read(sbd.open());
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<StandardBusinessDocument')).toBe(true);
    expect(text).toContain('<InstanceIdentifier>id-1</InstanceIdentifier>');
    expect(text).toContain('<Type>COUNTRY_C1</Type><InstanceIdentifier>DK</InstanceIdentifier>');
    expect(text.endsWith(`</StandardBusinessDocumentHeader>${order}</StandardBusinessDocument>`)).toBe(true);
    // Readable again, identically (each attempt reads it anew).
    expect(await read(sbd.open())).toBe(text);
  });
  it('refuses a root that is not the document type and a country that is not two letters', async () => {
    const invoice = '<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>';
    await expect(sbdAroundDocument(routing, chunked(invoice), { now: new Date() })).rejects.toThrow(/does not match document type/);
    await expect(sbdAroundDocument({ ...routing, countryC1: 'DNK' }, chunked(order), { now: new Date() })).rejects.toThrow(/COUNTRY_C1/);
  });
});
