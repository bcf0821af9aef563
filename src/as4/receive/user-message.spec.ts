import { describe, expect, it } from 'vitest';
import { NS } from '../protocol/namespaces.js';
import { parseSafeXml } from '../xml/safe-xml.js';
import { isValidMessageId, readUserMessage } from './user-message.js';

const limits = { maxBytes: 100_000, maxDepth: 32, maxElements: 1000 };
const AP = 'urn:fdc:peppol.eu:2017:identifiers:ap';
const ROLE = 'http://docs.oasis-open.org/ebxml-msg/ebms/v3.0/ns/core/200704/';

function userMessage(edit: (xml: string) => string = (x) => x): Element {
  const xml = edit(
    `<eb:UserMessage xmlns:eb="${NS.eb}"><eb:MessageInfo><eb:Timestamp>2026-01-29T15:39:03.805Z</eb:Timestamp><eb:MessageId>abc-1@ap.example.com</eb:MessageId></eb:MessageInfo>` +
      `<eb:PartyInfo><eb:From><eb:PartyId type="${AP}">POP000306</eb:PartyId><eb:Role>${ROLE}initiator</eb:Role></eb:From>` +
      `<eb:To><eb:PartyId type="${AP}">POP000123</eb:PartyId><eb:Role>${ROLE}responder</eb:Role></eb:To></eb:PartyInfo>` +
      `<eb:CollaborationInfo><eb:AgreementRef>urn:fdc:peppol.eu:2017:agreements:tia:ap_provider</eb:AgreementRef>` +
      `<eb:Service type="cenbii-procid-ubl">urn:fdc:peppol.eu:poacc:bis:ordering:3</eb:Service>` +
      `<eb:Action>busdox-docid-qns::urn:oasis:names:specification:ubl:schema:xsd:Order-2::Order##urn:fdc:peppol.eu:poacc:trns:order:3::2.1</eb:Action>` +
      `<eb:ConversationId>c-1</eb:ConversationId></eb:CollaborationInfo>` +
      `<eb:MessageProperties><eb:Property name="originalSender" type="iso6523-actorid-upis">0088:5798000000001</eb:Property>` +
      `<eb:Property name="finalRecipient" type="iso6523-actorid-upis">0088:7315458756324</eb:Property></eb:MessageProperties>` +
      `<eb:PayloadInfo><eb:PartInfo href="cid:att-1@cid"><eb:PartProperties><eb:Property name="MimeType">application/xml</eb:Property>` +
      `<eb:Property name="CompressionType">application/gzip</eb:Property></eb:PartProperties></eb:PartInfo></eb:PayloadInfo></eb:UserMessage>`,
  );
  return parseSafeXml(xml, limits).documentElement;
}

const codeOf = (edit: (xml: string) => string) => {
  try {
    readUserMessage(userMessage(edit));
    return 'accepted';
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('readUserMessage (Peppol header rules)', () => {
  it('reads a conforming header', () => {
    const h = readUserMessage(userMessage());
    expect(h.messageId).toBe('abc-1@ap.example.com');
    expect(h.fromPartyId).toBe('POP000306');
    expect(h.action.scheme).toBe('busdox-docid-qns');
    expect(h.service).toEqual({ scheme: 'cenbii-procid-ubl', value: 'urn:fdc:peppol.eu:poacc:bis:ordering:3' });
    expect(h.finalRecipient.value).toBe('0088:7315458756324');
    expect(h.parts[0]).toMatchObject({ contentId: 'att-1@cid', mimeType: 'application/xml', compressionType: 'application/gzip' });
  });

  it.each([
    ['bare UUID MessageId', (x: string) => x.replace('abc-1@ap.example.com', '3f2a6c1e-0d6b-4b8e-9d8e-1f1e0e7d9a10'), 'EBMS:0009'],
    ['unknown MPC', (x: string) => x.replace('<eb:UserMessage ', '<eb:UserMessage mpc="urn:other" '), 'EBMS:0001'],
    ['RefToMessageId on a UserMessage', (x: string) => x.replace('</eb:MessageInfo>', '<eb:RefToMessageId>x@y</eb:RefToMessageId></eb:MessageInfo>'), 'EBMS:0010'],
    ['wrong party id type', (x: string) => x.replace(`type="${AP}">POP000306`, 'type="urn:oasis:names:tc:ebcore:partyid-type:unregistered">POP000306'), 'EBMS:0010'],
    ['swapped roles', (x: string) => x.replace(`${ROLE}initiator`, `${ROLE}responder`), 'EBMS:0010'],
    ['missing AgreementRef', (x: string) => x.replace(/<eb:AgreementRef>[^<]*<\/eb:AgreementRef>/, ''), 'EBMS:0009'],
    ['AgreementRef with pmode', (x: string) => x.replace('<eb:AgreementRef>', '<eb:AgreementRef pmode="p1">'), 'EBMS:0010'],
    ['Action without scheme', (x: string) => x.replace('busdox-docid-qns::', ''), 'EBMS:0009'],
    ['missing originalSender', (x: string) => x.replace(/<eb:Property name="originalSender"[^/]*\/eb:Property>/, ''), 'EBMS:0009'],
    ['trackingIdentifier present', (x: string) => x.replace('</eb:MessageProperties>', '<eb:Property name="trackingIdentifier">t</eb:Property></eb:MessageProperties>'), 'EBMS:0009'],
    ['href not cid:', (x: string) => x.replace('cid:att-1@cid', 'http://example.com/payload'), 'EBMS:0009'],
    ['missing MimeType', (x: string) => x.replace('<eb:Property name="MimeType">application/xml</eb:Property>', ''), 'EBMS:0009'],
    ['unknown compression', (x: string) => x.replace('>application/gzip<', '>application/zstd<'), 'EBMS:0303'],
    ['invalid CharacterSet', (x: string) => x.replace('</eb:PartProperties>', '<eb:Property name="CharacterSet">no-such-charset</eb:Property></eb:PartProperties>'), 'EBMS:0009'],
    ['two payloads', (x: string) => x.replace('</eb:PayloadInfo>', '<eb:PartInfo href="cid:b@c"><eb:PartProperties><eb:Property name="MimeType">application/xml</eb:Property></eb:PartProperties></eb:PartInfo></eb:PayloadInfo>'), 'EBMS:0010'],
  ])('%s → %s', (_name, edit, code) => {
    expect(codeOf(edit)).toBe(code);
  });

  it('accepts a valid CharacterSet', () => {
    expect(codeOf((x) => x.replace('</eb:PartProperties>', '<eb:Property name="CharacterSet">UTF-8</eb:Property></eb:PartProperties>'))).toBe('accepted');
  });

  it('checks the msg-id form', () => {
    expect(isValidMessageId('a.b@c.d')).toBe(true);
    expect(isValidMessageId('a b@c')).toBe(false);
    expect(isValidMessageId('<a@b>')).toBe(false);
  });
});
