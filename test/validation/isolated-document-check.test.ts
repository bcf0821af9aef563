import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalogue, generateEnvelopedCatalogue } from '../support/catalogue-generator.js';
import { packageRoot } from '../../src/validation/validation.config.js';
import { checkDocument, type DocumentCheckRequest } from '../../src/validation/xml/document-check.js';
import { IsolatedDocumentCheck } from '../../src/validation/xml/isolated-document-check.js';
import { XsdValidation } from '../../src/validation/xml/xsd-validation.js';
import { transactionRegistry as registry } from '../../src/peppol/index.js';

const ublSchemaDir = path.join(packageRoot, 'schemas/ubl-2.1');
const catalogueXsd = registry.get('T19')!.xsd;

function request(text: string, overrides: Partial<DocumentCheckRequest> = {}): DocumentCheckRequest {
  return { text, bytes: Buffer.from(text, 'utf8'), runXsd: true, ...overrides };
}

const enveloped = (customization: string) => generateEnvelopedCatalogue(2, customization);

describe('IsolatedDocumentCheck', () => {
  let isolated: IsolatedDocumentCheck;
  let xsd: XsdValidation;

  beforeAll(async () => {
    isolated = new IsolatedDocumentCheck({ ublSchemaDir, xsdPaths: [catalogueXsd], timeoutMs: 60_000 });
    await isolated.ready();
    xsd = new XsdValidation(ublSchemaDir);
  });
  afterAll(() => {
    isolated.dispose();
    xsd.dispose();
  });

  const cases: Array<[string, DocumentCheckRequest]> = [
    ['a valid catalogue', request(generateCatalogue(3))],
    ['a schema error', request(generateCatalogue(2).replace('<cbc:ActionCode>Add</cbc:ActionCode>', '<cbc:ActionCode>Add</cbc:ActionCode><cbc:Bogus>1</cbc:Bogus>'))],
    ['a document that is not well-formed', request('<Catalogue><x></Catalogue>')],
    ['an unknown customization', request(generateCatalogue(1).replace('trns:catalogue:3', 'trns:nothing:1'))],
    ['a forced transaction with another root', request(generateCatalogue(1), { forced: 'T77' })],
    ['the schema switched off', request(generateCatalogue(1).replace('<cbc:ID>1</cbc:ID>', '<cbc:Bogus/>'), { runXsd: false })],
    ['an envelope', request(enveloped('urn:fdc:peppol.eu:poacc:trns:catalogue:3'))],
    ['an envelope naming another document type', request(enveloped('urn:fdc:peppol.eu:poacc:trns:punch_out:3'))],
  ];

  it.each(cases)('finds in its own thread what the calling thread finds: %s', (_name, req) => {
    expect(isolated.check(req)).toEqual(checkDocument(req, registry, xsd));
  });

  it('reports schema errors and hands back the payload of an envelope', () => {
    expect(isolated.check(cases[1]![1]).fired.map((f) => f.id)).toContain('XSD');
    const payload = isolated.check(cases[6]![1]);
    expect(payload).toMatchObject({ transaction: 'T19', fired: [], schematron: 'payload' });
    expect(payload.payloadText).toMatch(/^<Catalogue /);
    expect(isolated.check(cases[0]![1])).toEqual({ transaction: 'T19', fired: [], schematron: 'input' });
  });

  it('refuses work once disposed', () => {
    const closed = new IsolatedDocumentCheck({ ublSchemaDir, xsdPaths: [], timeoutMs: 60_000 });
    closed.dispose();
    expect(() => closed.check(cases[0]![1])).toThrow(/closed/);
  });
});
