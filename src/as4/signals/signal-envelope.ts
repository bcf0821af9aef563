import type { KeyObject, X509Certificate } from 'node:crypto';
import { appendSignatureAsync, binarySecurityToken } from '../wss/sign.js';
import { XmlBuilder } from '../xml/xml-build.js';
import { newMessageId, newXmlId } from '../outbound/ids.js';

export interface SignalSigner {
  readonly privateKey: KeyObject;
  readonly certificate: X509Certificate;
}

export interface SignalEnvelope {
  readonly b: XmlBuilder;
  readonly signalMessage: Element;
  readonly messageId: string;
  /** Signs (when a signer is given) and serialises the envelope. */
  finish(signer: SignalSigner | undefined): Promise<string>;
}

/**
 * A SOAP 1.2 envelope with `eb:Messaging/eb:SignalMessage` and its MessageInfo; the caller adds the
 * Receipt or Error children. Signing covers Messaging and the empty Body.
 */
export function signalEnvelope(options: { now: Date; refToMessageId?: string; messageIdDomain: string }): SignalEnvelope {
  const b = new XmlBuilder('S12:Envelope', ['soap12', 'eb', 'ebbp', 'wsse', 'wsu', 'ds', 'ec']);
  const messageId = newMessageId(options.messageIdDomain);
  const messagingId = newXmlId('msg');
  const bodyId = newXmlId('body');
  const signalMessage = b.el(
    'eb:SignalMessage',
    {},
    b.el(
      'eb:MessageInfo',
      {},
      b.el('eb:Timestamp', {}, options.now.toISOString()),
      b.el('eb:MessageId', {}, messageId),
      options.refToMessageId ? b.el('eb:RefToMessageId', {}, options.refToMessageId) : undefined,
    ),
  );
  const messaging = b.el('eb:Messaging', { 'S12:mustUnderstand': 'true', 'wsu:Id': messagingId }, signalMessage);
  const header = b.el('S12:Header', {}, messaging);
  const body = b.el('S12:Body', { 'wsu:Id': bodyId });
  b.root.appendChild(header);
  b.root.appendChild(body);
  return {
    b,
    signalMessage,
    messageId,
    async finish(signer) {
      if (signer) {
        const security = b.el('wsse:Security', { 'S12:mustUnderstand': 'true' });
        header.insertBefore(security, messaging);
        const tokenId = newXmlId('X509');
        security.appendChild(binarySecurityToken(b, tokenId, signer.certificate.raw));
        await appendSignatureAsync(b, security, {
          signatureId: newXmlId('SIG'),
          tokenId,
          privateKey: signer.privateKey,
          xmlReferences: [
            { id: messagingId, element: messaging, inclusivePrefixes: ['S12'] },
            { id: bodyId, element: body, inclusivePrefixes: [] },
          ],
          signedInfoPrefixes: ['S12'],
        });
      }
      return `<?xml version="1.0" encoding="UTF-8"?>${b.serialize()}`;
    },
  };
}
