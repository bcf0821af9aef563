import { randomBytes, sign as rsaSign, type KeyObject } from 'node:crypto';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import type { BuiltUserMessage } from '../../../src/as4/outbound/user-message-builder.js';
import { NS } from '../../../src/as4/protocol/namespaces.js';
import { digestBytes } from '../../../src/as4/wss/sign.js';
import { canonicalizeExclusive, parsePrefixList } from '../../../src/as4/xml/exc-c14n.js';

/**
 * Legal wire forms other access points send, made from a correctly signed and encrypted message.
 * MIME and unsigned-XML variants change no signed byte; the two "other stack" serialisations
 * (prefixes, indentation) are signed anew, as that stack would have signed them.
 */
export interface WireVariant {
  readonly name: string;
  readonly body: Buffer<ArrayBuffer>;
  readonly contentType: string;
  /** The references the sender signed (changed only for the re-signed serialisations). */
  readonly signedReferences: BuiltUserMessage['signedReferences'];
  /** Tolerated though not legal: counted by the receiver. */
  readonly tolerated?: 'bare-lf';
}

interface Part {
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body: Buffer;
}

interface Framing {
  readonly boundary?: string;
  readonly preamble?: string;
  readonly epilogue?: string;
  /** Line end of the MIME structure (delimiters, headers). */
  readonly eol?: string;
  /** Text after each delimiter on its line (transport padding). */
  readonly padding?: string;
  /** The HTTP Content-Type, given the boundary. */
  readonly contentType?: (boundary: string) => string;
}

function frame(parts: readonly Part[], f: Framing = {}): { body: Buffer<ArrayBuffer>; contentType: string } {
  const boundary = f.boundary ?? `----=_Part_${randomBytes(8).toString('hex')}`;
  const eol = f.eol ?? '\r\n';
  const pieces: Buffer[] = [Buffer.from(f.preamble ?? '', 'latin1')];
  for (const part of parts) {
    const head = part.headers.map(([k, v]) => `${k}: ${v}${eol}`).join('');
    pieces.push(Buffer.from(`--${boundary}${f.padding ?? ''}${eol}${head}${eol}`, 'latin1'), part.body, Buffer.from(eol, 'latin1'));
  }
  pieces.push(Buffer.from(`--${boundary}--${f.padding ?? ''}${f.epilogue ?? eol}`, 'latin1'));
  const contentType = f.contentType?.(boundary) ?? `multipart/related; boundary="${boundary}"; type="application/soap+xml"`;
  return { body: Buffer.concat(pieces), contentType };
}

const soapHeaders = [['Content-Type', 'application/soap+xml;charset=UTF-8'], ['Content-Transfer-Encoding', 'binary']] as const;
const attachmentHeaders = (m: BuiltUserMessage) =>
  [['Content-Type', m.attachments[0]!.contentType], ['Content-Transfer-Encoding', 'binary'], ['Content-ID', `<${m.attachments[0]!.contentId}>`]] as const;

const base64Lines = (bytes: Buffer) => bytes.toString('base64').replace(/.{76}/g, '$&\r\n');

/** RFC 2045 §6.7 quoted-printable with 76-character lines (every octet that is not safe as =XX). */
export function quotedPrintable(bytes: Buffer): Buffer {
  let out = '';
  let line = '';
  for (const byte of bytes) {
    const safe = (byte >= 33 && byte <= 60) || (byte >= 62 && byte <= 126);
    const token = safe ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    if (line.length + token.length > 75) {
      out += `${line}=\r\n`;
      line = '';
    }
    line += token;
  }
  return Buffer.from(out + line, 'latin1');
}

/** The same UserMessage as another stack would serialise it; every reference and the signature made anew. */
export function resign(message: BuiltUserMessage, soapXml: string, key: KeyObject): Pick<BuiltUserMessage, 'soapXml' | 'signedReferences'> {
  const doc = new DOMParser().parseFromString(soapXml, 'text/xml');
  const byId = new Map<string, Element>();
  const all = doc.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) {
    const id = all[i]!.getAttributeNS(NS.wsu, 'Id');
    if (id) byId.set(id, all[i]!);
  }
  const signature = doc.getElementsByTagNameNS(NS.ds, 'Signature')[0]!;
  const signedInfo = signature.getElementsByTagNameNS(NS.ds, 'SignedInfo')[0]!;
  const prefixesOf = (parent: Element) => parsePrefixList(parent.getElementsByTagNameNS(NS.ec, 'InclusiveNamespaces')[0]?.getAttribute('PrefixList'));
  const signedReferences: BuiltUserMessage['signedReferences'] = [];
  const references = signedInfo.getElementsByTagNameNS(NS.ds, 'Reference');
  for (let i = 0; i < references.length; i++) {
    const reference = references[i]!;
    const uri = reference.getAttribute('URI')!;
    const digestValue = reference.getElementsByTagNameNS(NS.ds, 'DigestValue')[0]!;
    if (uri.startsWith('#')) {
      const digest = digestBytes(canonicalizeExclusive(byId.get(uri.slice(1))!, prefixesOf(reference))).toString('base64');
      digestValue.textContent = digest;
    }
    signedReferences.push({ uri, digestValue: digestValue.textContent! });
  }
  const c14nMethod = signedInfo.getElementsByTagNameNS(NS.ds, 'CanonicalizationMethod')[0]!;
  const value = rsaSign('sha256', Buffer.from(canonicalizeExclusive(signedInfo, prefixesOf(c14nMethod)), 'utf8'), key);
  signature.getElementsByTagNameNS(NS.ds, 'SignatureValue')[0]!.textContent = value.toString('base64');
  if (signedReferences.length !== message.signedReferences.length) throw new Error('a reference was lost while signing anew');
  return { soapXml: new XMLSerializer().serializeToString(doc), signedReferences };
}

/** Prefixes as Domibus/CXF-style stacks write them: `env`, `eb3`, `wsse`, `dsig`, declared where used. */
function otherPrefixes(soapXml: string): string {
  const rename: Array<[string, string]> = [['S12', 'env'], ['eb', 'eb3'], ['ds', 'dsig'], ['wsu', 'wsu1']];
  let xml = soapXml;
  for (const [from, to] of rename) {
    xml = xml
      .replace(new RegExp(`(<\\/?|\\s)${from}:`, 'g'), `$1${to}:`)
      .replace(new RegExp(`xmlns:${from}=`, 'g'), `xmlns:${to}=`)
      .replace(new RegExp(`PrefixList="([^"]*)\\b${from}\\b`, 'g'), `PrefixList="$1${to}`);
  }
  return xml;
}

/** Indented as a pretty-printing serialiser writes it (whitespace inside the signed elements too). */
function indented(soapXml: string): string {
  let depth = 0;
  return soapXml.replace(/(<\/?[A-Za-z][^>]*?\/?>)/g, (tag, _m, offset: number, whole: string) => {
    const closing = tag.startsWith('</');
    const selfClosing = tag.endsWith('/>');
    if (closing) depth--;
    const previous = whole[offset - 1];
    // Only between tags (never inside text, which would change the values).
    const indent = offset > 0 && previous === '>' ? `\n${'  '.repeat(Math.max(depth, 0))}` : '';
    if (!closing && !selfClosing) depth++;
    return `${indent}${tag}`;
  }).replace(/>\n\s+([^<\s])/g, '>$1');
}

/** Every wire variant of one built message; `signingKey` re-signs the other-stack serialisations. */
export function wireVariants(m: BuiltUserMessage, signingKey: KeyObject): WireVariant[] {
  const soap = Buffer.from(m.soapXml, 'utf8');
  const att = m.attachments[0]!;
  const strict = (parts: readonly Part[], f?: Framing) => frame(parts, f);
  const standard = (): Part[] => [
    { headers: soapHeaders, body: soap },
    { headers: attachmentHeaders(m), body: att.bytes },
  ];
  const withAttachment = (headers: ReadonlyArray<readonly [string, string]>, body: Buffer): Part[] => [
    { headers: soapHeaders, body: soap },
    { headers, body },
  ];
  const withSoap = (xml: string | Buffer, headers: ReadonlyArray<readonly [string, string]> = soapHeaders): Part[] => [
    { headers, body: typeof xml === 'string' ? Buffer.from(xml, 'utf8') : xml },
    { headers: attachmentHeaders(m), body: att.bytes },
  ];
  const cid = att.contentId;
  const octet = att.contentType;
  const v = (name: string, framed: { body: Buffer<ArrayBuffer>; contentType: string }, extra: Partial<WireVariant> = {}): WireVariant => ({
    name,
    ...framed,
    signedReferences: m.signedReferences,
    ...extra,
  });
  const resigned = (xml: string) => resign(m, xml, signingKey);
  const prefixed = resigned(otherPrefixes(m.soapXml));
  const pretty = resigned(indented(m.soapXml));
  const securityOpen = /<wsse:Security [^>]*>/.exec(m.soapXml)![0];

  return [
    v('strict-form-as-we-send-it', strict(standard())),
    v('preamble-text', strict(standard(), { preamble: 'This is a multi-part message in MIME format.\r\n' })),
    v('preamble-leading-crlf', strict(standard(), { preamble: '\r\n' })),
    v('epilogue-text', strict(standard(), { epilogue: '\r\nThis is the epilogue.\r\n' })),
    v('close-delimiter-without-crlf', strict(standard(), { epilogue: '' })),
    v('transport-padding-after-delimiters', strict(standard(), { padding: '  \t' })),
    v('bare-lf-line-breaks', strict(standard(), { eol: '\n' }), { tolerated: 'bare-lf' }),
    v('attachment-base64', strict(withAttachment([['Content-Type', octet], ['Content-Transfer-Encoding', 'base64'], ['Content-ID', `<${cid}>`]], Buffer.from(base64Lines(att.bytes))))),
    v('attachment-base64-one-line', strict(withAttachment([['Content-Type', octet], ['Content-Transfer-Encoding', 'BASE64'], ['Content-ID', `<${cid}>`]], Buffer.from(att.bytes.toString('base64'))))),
    v('attachment-quoted-printable', strict(withAttachment([['Content-Type', octet], ['Content-Transfer-Encoding', 'quoted-printable'], ['Content-ID', `<${cid}>`]], quotedPrintable(att.bytes)))),
    v('attachment-8bit', strict(withAttachment([['Content-Type', octet], ['Content-Transfer-Encoding', '8bit'], ['Content-ID', `<${cid}>`]], att.bytes))),
    v('attachment-without-transfer-encoding', strict(withAttachment([['Content-Type', octet], ['Content-ID', `<${cid}>`]], att.bytes))),
    v('soap-part-base64', strict(withSoap(Buffer.from(base64Lines(soap)), [['Content-Type', 'application/soap+xml; charset=UTF-8'], ['Content-Transfer-Encoding', 'base64']]))),
    v('soap-part-quoted-printable', strict(withSoap(quotedPrintable(soap), [['Content-Type', 'application/soap+xml; charset=UTF-8'], ['Content-Transfer-Encoding', 'quoted-printable']]))),
    v('soap-part-8bit-charset-quoted', strict(withSoap(soap, [['Content-Type', 'application/soap+xml; charset="utf-8"'], ['Content-Transfer-Encoding', '8bit']]))),
    v('header-names-lower-case', strict([
      { headers: [['content-type', 'application/soap+xml;charset=UTF-8'], ['content-transfer-encoding', 'binary']], body: soap },
      { headers: [['content-type', octet], ['content-transfer-encoding', 'binary'], ['content-id', `<${cid}>`]], body: att.bytes },
    ])),
    v('header-names-upper-case-and-extra-headers', strict([
      { headers: [['CONTENT-TYPE', 'APPLICATION/SOAP+XML; CHARSET=UTF-8'], ['CONTENT-TRANSFER-ENCODING', 'BINARY'], ['Content-Description', 'SOAP envelope']], body: soap },
      { headers: [['Content-Disposition', 'attachment'], ['CONTENT-ID', `<${cid}>`], ['CONTENT-TYPE', octet.toUpperCase()], ['MIME-Version', '1.0']], body: att.bytes },
    ])),
    v('headers-folded', strict([
      { headers: [['Content-Type', 'application/soap+xml;\r\n\tcharset=UTF-8;\r\n action="urn:example:action"'], ['Content-Transfer-Encoding', '\r\n binary']], body: soap },
      { headers: [['Content-Type', octet], ['Content-ID', `\r\n <${cid}>`]], body: att.bytes },
    ])),
    v('content-type-parameters-reordered-and-unquoted', strict(standard(), {
      boundary: `MIMEBoundary_${randomBytes(6).toString('hex')}`,
      contentType: (b) => `Multipart/Related; TYPE=application/soap+xml; start-info=application/soap+xml; Boundary=${b}`,
    })),
    v('start-parameter-names-the-root', strict(
      [{ headers: [...soapHeaders, ['Content-ID', '<root.message@peer.example>']], body: soap }, { headers: attachmentHeaders(m), body: att.bytes }],
      { contentType: (b) => `multipart/related; type="application/soap+xml"; start="<root.message@peer.example>"; boundary="${b}"; action="urn:example"` },
    )),
    v('root-after-the-attachment-named-by-start', strict(
      [{ headers: attachmentHeaders(m), body: att.bytes }, { headers: [...soapHeaders, ['Content-ID', '<soap@peer.example>']], body: soap }],
      { contentType: (b) => `multipart/related; boundary="${b}"; type="application/soap+xml"; start=soap@peer.example` },
    )),
    v('content-id-without-angle-brackets', strict(withAttachment([['Content-Type', octet], ['Content-Transfer-Encoding', 'binary'], ['Content-ID', cid]], att.bytes))),
    v('soap-utf8-bom', strict(withSoap(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), soap])))),
    v('xml-declaration-single-quotes-standalone', strict(withSoap(m.soapXml.replace(/^<\?xml[^?]*\?>/, "<?xml version='1.0' encoding='utf-8' standalone='yes' ?>\r\n")))),
    v('no-xml-declaration', strict(withSoap(m.soapXml.replace(/^<\?xml[^?]*\?>/, '')))),
    v('comment-inside-signed-message-id', strict(withSoap(m.soapXml.replace(/(<eb:MessageId>[^<]{3})/, '$1<!-- exclusive C14N without comments leaves this out -->')))),
    v('security-header-must-understand-1', strict(withSoap(m.soapXml.replace(securityOpen, securityOpen.replace('S12:mustUnderstand="true"', 'S12:mustUnderstand="1"'))))),
    v('extra-security-header-for-another-role', strict(withSoap(m.soapXml.replace(
      securityOpen,
      `<wsse:Security S12:role="urn:example:intermediary" S12:mustUnderstand="true"><wsse:UsernameToken><wsse:Username>hop</wsse:Username></wsse:UsernameToken></wsse:Security>${securityOpen}`,
    )))),
    v('encrypted-data-mime-type-of-the-payload', strict(withSoap(m.soapXml.replace(/(<xenc:EncryptedData [^>]*MimeType=")application\/gzip"/, '$1application/xml"')))),
    v('other-stack-prefixes-signed-so', strict(withSoap(prefixed.soapXml)), { signedReferences: prefixed.signedReferences }),
    v('other-stack-indentation-signed-so', strict(withSoap(pretty.soapXml)), { signedReferences: pretty.signedReferences }),
  ];
}
