import { createPrivateKey, randomBytes } from 'node:crypto';
import { X509Certificate } from 'node:crypto';
import { NS } from '../../../src/as4/protocol/namespaces.js';
import type { ReceiveReply } from '../../../src/as4/receive/receive-pipeline.js';
import { toMultipart, type BuiltUserMessage } from '../../../src/as4/outbound/user-message-builder.js';
import { multipartToBuffer } from '../../../src/as4/mime/multipart-writer.js';
import { removeProperty, resigned, RSA_SHA1, setEbmsText, withoutEncryption, withoutSignature } from './faulty-messages.js';
import { credentials, orderXml, sbdFor, type Scenario } from './scenario.js';

/** What a fixture sends through: the in-process pipeline, or the API over HTTP. */
export type FixtureTarget = Pick<Scenario, 'pki' | 'build' | 'send' | 'sendBuilt'>;

/** One negative fixture per fault, named after it: how to make it and the ebMS answer it must get. */
export interface Fault {
  readonly name: string;
  readonly code: string;
  readonly status?: number;
  readonly detail?: string;
  readonly env?: Record<string, string>;
  send(s: FixtureTarget): Promise<ReceiveReply>;
}

/** The message framed as we send it, then edited as bytes (for faults in the MIME structure). */
async function framedThenEdited(s: FixtureTarget, edit: (mime: string) => string): Promise<ReceiveReply> {
  const mime = toMultipart(s.build());
  const body = Buffer.from(edit((await multipartToBuffer(mime)).toString('latin1')), 'latin1');
  return s.send(body, mime.contentType);
}

const built = (s: FixtureTarget, m: Pick<BuiltUserMessage, 'soapXml' | 'attachments'>, rootType?: string) => s.sendBuilt(m, rootType).then((r) => r.reply);
const editSoap = (m: BuiltUserMessage, edit: (xml: string) => string) => ({ ...m, soapXml: edit(m.soapXml) });
const partnerKey = (s: FixtureTarget) => createPrivateKey(s.pki.partnerAp.keyPem);
const ourKey = (s: FixtureTarget) => createPrivateKey(s.pki.ourAp.keyPem);

export const FAULTS: Fault[] = [
  {
    name: 'bad-digest (Messaging changed after signing)',
    code: 'EBMS:0101',
    send: (s) => built(s, editSoap(s.build({ conversationId: 'conv-1' }), (x) => x.replace('>conv-1<', '>conv-2<'))),
  },
  {
    name: 'altered-attachment (ciphertext byte flipped)',
    code: 'EBMS:0102',
    send: (s) => {
      const m = s.build();
      const bytes = Buffer.from(m.attachments[0]!.bytes);
      bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
      return built(s, { ...m, attachments: [{ ...m.attachments[0]!, bytes }] });
    },
  },
  { name: 'signature-not-covering-body', code: 'EBMS:0101', send: (s) => built(s, resigned(s.build(), partnerKey(s), { cover: ['messaging', 'attachment'] })) },
  { name: 'signature-not-covering-messaging', code: 'EBMS:0101', send: (s) => built(s, resigned(s.build(), partnerKey(s), { cover: ['body', 'attachment'] })) },
  { name: 'signature-not-covering-attachment', code: 'EBMS:0101', send: (s) => built(s, resigned(s.build(), partnerKey(s), { cover: ['messaging', 'body'] })) },
  {
    name: 'signature-wrapping (duplicate wsu:Id)',
    code: 'EBMS:0101',
    send: (s) => {
      const m = s.build();
      const id = /<eb:Messaging[^>]*wsu:Id="([^"]+)"/.exec(m.soapXml)![1]!;
      return built(s, editSoap(m, (x) => x.replace(/(<S12:Body[^>]*)\/>/, `$1><eb:Messaging wsu:Id="${id}"/></S12:Body>`)));
    },
  },
  { name: 'unsigned', code: 'EBMS:0101', send: (s) => built(s, withoutSignature(s.build())) },
  {
    name: 'untrusted-certificate',
    code: 'EBMS:0101',
    send: (s) => built(s, s.build({ signing: credentials(s.pki.untrustedAp), fromPartyId: s.pki.untrustedAp.subjectCn })),
  },
  {
    name: 'expired-certificate',
    code: 'EBMS:0101',
    send: (s) => built(s, s.build({ signing: credentials(s.pki.expiredAp), fromPartyId: s.pki.expiredAp.subjectCn })),
  },
  {
    name: 'rsa-sha1-signature',
    code: 'EBMS:0103',
    send: (s) => built(s, resigned(s.build(), partnerKey(s), { signatureMethod: RSA_SHA1 })),
  },
  {
    name: 'missing-attachment',
    code: 'EBMS:0011',
    send: (s) => built(s, { ...s.build(), attachments: [] }),
  },
  { name: 'unencrypted-attachment', code: 'EBMS:0102', send: (s) => built(s, withoutEncryption(s.build(), ourKey(s))) },
  {
    name: 'encrypted-for-another-certificate',
    code: 'EBMS:0102',
    send: (s) => built(s, s.build({ encryptFor: new X509Certificate(s.pki.partnerAp.certPem) })),
  },
  { name: 'wrong-agreement-ref', code: 'EBMS:0010', send: (s) => built(s, resigned(s.build(), partnerKey(s), { edit: setEbmsText('AgreementRef', 'urn:example:other-agreement') })) },
  { name: 'missing-final-recipient', code: 'EBMS:0009', send: (s) => built(s, resigned(s.build(), partnerKey(s), { edit: removeProperty('finalRecipient') })) },
  {
    name: 'sbdh-header-mismatch (SBDH receiver differs from finalRecipient)',
    code: 'EBMS:0003',
    send: (s) => built(s, s.build({ payload: sbdFor({ receiver: '0088:1111111111111' }) })),
  },
  { name: 'payload-not-sbdh', code: 'EBMS:0004', send: (s) => built(s, s.build({ payload: orderXml() })) },
  {
    name: 'unknown-recipient',
    code: 'EBMS:0004',
    detail: 'PEPPOL:NOT_SERVICED',
    send: (s) => built(s, s.build({ finalRecipient: '0088:9999999999999', payload: sbdFor({ receiver: '0088:9999999999999' }) })),
  },
  {
    name: 'doctype-xxe',
    code: 'EBMS:0009',
    status: 400,
    send: (s) =>
      built(s, editSoap(s.build(), (x) => x.replace('?>', '?><!DOCTYPE S12:Envelope [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>').replace('<eb:ConversationId>', '<eb:ConversationId>&xxe;'))),
  },
  {
    name: 'entity-expansion',
    code: 'EBMS:0009',
    status: 400,
    send: (s) => {
      const lol = '<!DOCTYPE S12:Envelope [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>';
      return built(s, editSoap(s.build(), (x) => x.replace('?>', `?>${lol}`)));
    },
  },
  {
    name: 'deep-nesting',
    code: 'EBMS:0009',
    status: 400,
    send: (s) => built(s, editSoap(s.build(), (x) => x.replace(/(<S12:Body[^>]*)\/>/, `$1>${'<x>'.repeat(500)}${'</x>'.repeat(500)}</S12:Body>`))),
  },
  {
    name: 'gzip-bomb',
    code: 'EBMS:0303',
    env: { AS4_MAX_DECOMPRESSED_BYTES: '1048576' },
    send: (s) => built(s, s.build({ payload: Buffer.alloc(8 * 1024 * 1024, 0x20) })),
  },
  {
    name: 'soap-1.1',
    code: 'EBMS:0010',
    status: 400,
    send: (s) => built(s, editSoap(s.build(), (x) => x.replaceAll(NS.soap12, 'http://schemas.xmlsoap.org/soap/envelope/')), 'text/xml'),
  },
  {
    name: 'malformed-mime',
    code: 'EBMS:0007',
    status: 400,
    send: (s) => s.send(Buffer.from('this is not a multipart body\r\n--nope--\r\n'), 'multipart/related; boundary="abc"; type="application/soap+xml"'),
  },
  // Not well-formed XML 1.0 (the DOM parser alone reads a control character between attributes as
  // whitespace, so the digests still matched and a receipt was signed).
  {
    name: 'nul-between-attributes-of-signed-s12-body',
    code: 'EBMS:0009',
    status: 400,
    send: (s) => built(s, editSoap(s.build(), (x) => x.replace('<S12:Body ', '<S12:Body\u0000'))),
  },
  {
    name: 'control-character-0x01-between-attributes-of-eb-messaging',
    code: 'EBMS:0009',
    status: 400,
    send: (s) => built(s, editSoap(s.build(), (x) => x.replace('<eb:Messaging S12:mustUnderstand="true" ', '<eb:Messaging S12:mustUnderstand="true"\u0001'))),
  },
  {
    name: 'control-character-in-attribute-value',
    code: 'EBMS:0009',
    status: 400,
    send: (s) => built(s, editSoap(s.build(), (x) => x.replace(/(<eb:PartyId type="[^"]*)"/, '$1\u0001"'))),
  },
  { name: 'text-before-the-root-element', code: 'EBMS:0009', status: 400, send: (s) => built(s, editSoap(s.build(), (x) => x.replace('?>', '?>text'))) },
  { name: 'xml-declaration-version-3.0', code: 'EBMS:0009', status: 400, send: (s) => built(s, editSoap(s.build(), (x) => x.replace('version="1.0"', "version='3.0'"))) },
  {
    name: 'undeclared-namespace-prefix-on-an-attribute',
    code: 'EBMS:0009',
    status: 400,
    send: (s) => built(s, editSoap(s.build(), (x) => x.replace('<eb:Messaging ', '<eb:Messaging undeclared:flag="1" '))),
  },
  // Not MIME.
  {
    name: 'unknown-content-transfer-encoding-biniry',
    code: 'EBMS:0007',
    status: 400,
    send: (s) => framedThenEdited(s, (m) => m.replace(/(application\/octet-stream\r\nContent-Transfer-Encoding: )binary/, '$1biniry')),
  },
  {
    name: 'unknown-content-transfer-encoding-biniry-on-the-soap-part',
    code: 'EBMS:0007',
    status: 400,
    send: (s) => framedThenEdited(s, (m) => m.replace(/(charset=UTF-8\r\nContent-Transfer-Encoding: )binary/, '$1biniry')),
  },
  {
    name: 'malformed-mime-header-line',
    code: 'EBMS:0007',
    status: 400,
    send: (s) => framedThenEdited(s, (m) => m.replace('Content-Type: application/octet-stream\r\n', 'Content-Type: application/octet-stream\r\nthis line is no header\r\n')),
  },
  {
    name: 'control-character-in-a-mime-header',
    code: 'EBMS:0007',
    status: 400,
    send: (s) => framedThenEdited(s, (m) => m.replace(/Content-ID: <([^>]+)>/, 'Content-ID: <\u0001$1>')),
  },
  // A processing instruction is part of what exclusive C14N signs: inserting one changes a signed
  // byte and fails the signature (it gave an internal error before).
  {
    name: 'processing-instruction-inside-signed-message-id',
    code: 'EBMS:0101',
    send: (s) => built(s, editSoap(s.build(), (x) => x.replace(/(<eb:MessageId>[^<]{4})/, '$1<?pi?>'))),
  },
  {
    name: 'processing-instruction-with-data-inside-signed-conversation-id',
    code: 'EBMS:0101',
    send: (s) => built(s, editSoap(s.build({ conversationId: 'conv-1-tail' }), (x) => x.replace('>conv-1-tail<', '>conv-1<?x -tail?><'))),
  },
  {
    name: 'processing-instruction-inside-signed-to-party-id',
    code: 'EBMS:0101',
    send: (s) => built(s, editSoap(s.build(), (x) => x.replace(/(<eb:To><eb:PartyId [^>]*>[^<]{2})/, '$1<?pi data?>'))),
  },
  // A wsse:Security header that is not ours to process leaves the message without one.
  {
    name: 'security-header-for-another-soap-role',
    code: 'EBMS:0101',
    send: (s) => built(s, editSoap(s.build(), (x) => x.replace('<wsse:Security S12:mustUnderstand="true"', '<wsse:Security S12:role="urn:example:intermediary" S12:mustUnderstand="true"'))),
  },
  {
    name: 'security-header-must-understand-false',
    code: 'EBMS:0101',
    send: (s) => built(s, editSoap(s.build(), (x) => x.replace('<wsse:Security S12:mustUnderstand="true"', '<wsse:Security S12:mustUnderstand="false"'))),
  },
  {
    name: 'oversize-body',
    code: 'EBMS:0004',
    status: 413,
    env: { AS4_MAX_BODY_BYTES: '65536' },
    send: (s) => built(s, s.build({ payload: randomBytes(200_000) })),
  },
];
