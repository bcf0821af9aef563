import { EbmsError } from '../../protocol/ebms-errors.js';
import { NS, SOAP12_OUR_ROLES } from '../../protocol/namespaces.js';
import { attribute, childElements, text } from '../../xml/dom.js';
import { indexUniqueIds, parseSafeXml, UnsafeXmlError, type XmlLimits } from '../../xml/safe-xml.js';
import type { ReceiveContext, ReceiveStep } from '../receive-context.js';
import { soap11Rejected } from './receive-mime.step.js';

const header = (detail: string, httpStatus?: number) => new EbmsError('EBMS:0009', detail, undefined, { httpStatus });
const isTrue = (value: string | undefined) => value?.trim() === 'true' || value?.trim() === '1';

/** Whether a header block is addressed to us (no role, `next` or `ultimateReceiver`). */
function addressedToUs(block: Element): boolean {
  const role = attribute(block, NS.soap12, 'role');
  return role === undefined || SOAP12_OUR_ROLES.includes(role.trim());
}

/** Header blocks this receiver processes; any other block marked mustUnderstand is refused. */
const UNDERSTOOD = new Set([`${NS.wsse}|Security`, `${NS.eb}|Messaging`]);

/**
 * Step 2: parses the SOAP part with the hardened parser (no DTD, bounded) and locates exactly one
 * eb:Messaging with exactly one eb:UserMessage, the Security header and the empty Body.
 */
export class ParseEnvelopeStep implements ReceiveStep {
  readonly name = 'parse-envelope';

  constructor(private readonly limits: XmlLimits) {}

  async run(ctx: ReceiveContext): Promise<void> {
    let document: Document;
    try {
      document = parseSafeXml(ctx.soapPart!, this.limits);
    } catch (error) {
      if (error instanceof UnsafeXmlError) throw header(`SOAP envelope refused: ${error.message}`, 400);
      throw error;
    }
    const envelope = document.documentElement;
    if (envelope.localName === 'Envelope' && envelope.namespaceURI === NS.soap11) throw soap11Rejected();
    if (envelope.localName !== 'Envelope' || envelope.namespaceURI !== NS.soap12) throw header('root element is not a SOAP 1.2 Envelope', 400);
    const parts = childElements(envelope);
    const soapHeader = parts[0];
    const body = parts[1];
    if (parts.length !== 2 || soapHeader?.namespaceURI !== NS.soap12 || soapHeader.localName !== 'Header' || body?.namespaceURI !== NS.soap12 || body.localName !== 'Body') {
      throw header('the Envelope must contain exactly a SOAP Header followed by a Body');
    }
    let ids: Map<string, Element>;
    try {
      ids = indexUniqueIds(document);
    } catch (error) {
      throw new EbmsError('EBMS:0101', `signature wrapping defence: ${(error as Error).message}`);
    }
    const messagings = childElements(soapHeader, NS.eb, 'Messaging');
    if (messagings.length !== 1) throw header(`expected exactly one eb:Messaging header, found ${messagings.length}`);
    const messaging = messagings[0]!;
    const userMessages = childElements(messaging, NS.eb, 'UserMessage');
    const firstId = userMessages[0] && childElements(userMessages[0], NS.eb, 'MessageInfo')[0];
    const idElement = firstId && childElements(firstId, NS.eb, 'MessageId')[0];
    if (idElement) ctx.messageIdHint = text(idElement).slice(0, 255);
    if (userMessages.length + childElements(messaging, NS.eb, 'SignalMessage').length > 1) {
      throw new EbmsError('EBMS:0003', 'eb:Messaging must carry exactly one UserMessage and no SignalMessage');
    }
    if (userMessages.length !== 1) throw header('eb:Messaging carries no UserMessage');
    if (!isTrue(attribute(messaging, NS.soap12, 'mustUnderstand'))) throw header('eb:Messaging must be marked S12:mustUnderstand="true"');
    for (const block of childElements(soapHeader)) {
      if (!addressedToUs(block)) continue;
      if (isTrue(attribute(block, NS.soap12, 'mustUnderstand')) && !UNDERSTOOD.has(`${block.namespaceURI}|${block.localName}`)) {
        throw header(`header block {${block.namespaceURI}}${block.localName} is marked mustUnderstand but is not understood`);
      }
    }
    const securities = childElements(soapHeader, NS.wsse, 'Security');
    const ours = securities.filter(addressedToUs);
    if (ours.length > 1) throw header('more than one wsse:Security header is addressed to this receiver');
    let security: Element | undefined = ours[0];
    let securityIgnored: string | undefined;
    if (security && !isTrue(attribute(security, NS.soap12, 'mustUnderstand'))) {
      // Peppol marks it mustUnderstand="true"; a block we may ignore is not one we rely on.
      securityIgnored = 'its wsse:Security header is not marked S12:mustUnderstand="true", as the Peppol AS4 profile requires';
      security = undefined;
    } else if (!security && securities.length > 0) {
      securityIgnored = `its wsse:Security header is addressed to the SOAP role ${JSON.stringify(attribute(securities[0]!, NS.soap12, 'role')!.slice(0, 200))}, not to this receiver`;
    }
    if (childElements(body).length > 0 || text(body).length > 0) throw header('the SOAP Body must be empty: Peppol payloads travel as attachments');
    ctx.soap = { document, ids, envelope, header: soapHeader, body, messaging, userMessage: userMessages[0]!, security, securityIgnored };
  }
}
