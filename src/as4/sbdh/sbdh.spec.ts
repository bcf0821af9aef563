import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { EbmsError } from '../protocol/ebms-errors.js';
import { buildSbd } from './sbdh-build.js';
import { parseSbdhHead, readSbdhHead } from './sbdh-parse.js';

const limits = { maxBytes: 65_536, maxDepth: 32, maxElements: 500 };
const ORDER = 'urn:oasis:names:specification:ubl:schema:xsd:Order-2::Order##urn:fdc:peppol.eu:poacc:trns:order:3::2.1';
const order = Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"><ID>1</ID></Order>');

const sbd = (overrides: Partial<Parameters<typeof buildSbd>[0]> = {}, body = order) =>
  buildSbd(
    {
      sender: '0088:5798000000001',
      receiver: '0088:7315458756324',
      documentType: { scheme: 'busdox-docid-qns', value: ORDER },
      process: { scheme: 'cenbii-procid-ubl', value: 'urn:fdc:peppol.eu:poacc:bis:ordering:3' },
      countryC1: 'DK',
      instanceIdentifier: 'a3c1d7d0-1',
      standard: 'urn:oasis:names:specification:ubl:schema:xsd:Order-2',
      typeVersion: '2.1',
      type: 'Order',
      creationDateAndTime: new Date('2026-11-23T10:15:00Z'),
      ...overrides,
    },
    body,
  );

async function parse(bytes: Buffer, chunk = 50) {
  const pieces: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) pieces.push(bytes.subarray(i, i + chunk));
  return parseSbdhHead(await readSbdhHead(Readable.from(pieces), 65_536), limits);
}

describe('SBDH build and parse', () => {
  it('round-trips the envelope fields', async () => {
    const data = await parse(sbd());
    expect(data.sender.value).toBe('0088:5798000000001');
    expect(data.receiver).toEqual({ scheme: 'iso6523-actorid-upis', value: '0088:7315458756324' });
    expect(data.documentType).toEqual({ scheme: 'busdox-docid-qns', value: ORDER });
    expect(data.process.value).toBe('urn:fdc:peppol.eu:poacc:bis:ordering:3');
    expect(data.countryC1).toBe('DK');
    expect(data.businessRoot.localName).toBe('Order');
  });

  it('writes MLS_TO (with the participant scheme) and MLS_TYPE after COUNTRY_C1, and reads them back', async () => {
    const bytes = sbd({ mls: { to: '0242:000123', type: 'ALWAYS_SEND' } });
    expect(bytes.toString('utf8')).toMatch(/<Type>COUNTRY_C1<\/Type>[\s\S]*<Type>MLS_TO<\/Type><InstanceIdentifier>0242:000123<\/InstanceIdentifier><Identifier>iso6523-actorid-upis<\/Identifier>[\s\S]*<Type>MLS_TYPE<\/Type><InstanceIdentifier>ALWAYS_SEND<\/InstanceIdentifier>/);
    const data = await parse(bytes);
    expect(data).toMatchObject({ mlsTo: '0242:000123', mlsToScheme: 'iso6523-actorid-upis', mlsType: 'ALWAYS_SEND' });
  });

  it('writes no MLS scopes unless asked', async () => {
    const data = await parse(sbd());
    expect(data.mlsTo).toBeUndefined();
    expect(data.mlsType).toBeUndefined();
  });

  it('reads only the head of a large payload', async () => {
    const big = Buffer.from(`<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2">${'<Note>x</Note>'.repeat(200_000)}</Order>`);
    const data = await parse(sbd({}, big), 65_536);
    expect(data.type).toBe('Order');
  });

  it('rejects a payload that is not an SBD with EBMS:0004', async () => {
    await expect(parse(order)).rejects.toMatchObject({ code: 'EBMS:0004' });
  });

  it('rejects a DOCTYPE in the payload head', async () => {
    const withDoctype = Buffer.from(sbd().toString('utf8').replace('\n', '\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'));
    await expect(parse(withDoctype)).rejects.toBeInstanceOf(EbmsError);
  });

  it('rejects a business document that does not match Standard/Type', async () => {
    await expect(parse(sbd({ type: 'Invoice' }))).rejects.toMatchObject({ code: 'EBMS:0004' });
  });
});
