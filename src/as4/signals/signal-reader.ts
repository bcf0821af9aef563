import { NS } from '../protocol/namespaces.js';
import { attribute, childElements, optionalChild, requiredChild, text } from '../xml/dom.js';
import { indexUniqueIds, parseSafeXml, type XmlLimits } from '../xml/safe-xml.js';

export interface ParsedSignalEnvelope {
  readonly document: Document;
  readonly ids: Map<string, Element>;
  readonly security: Element | undefined;
  readonly messaging: Element;
  readonly body: Element;
  readonly signalMessage: Element;
  readonly refToMessageId: string | undefined;
  readonly messageId: string;
}

/** Parses a SOAP 1.2 reply carrying one eb:SignalMessage (receipt or errors). Throws on shape errors. */
export function readSignalEnvelope(xml: Uint8Array | string, limits: XmlLimits): ParsedSignalEnvelope {
  const document = parseSafeXml(xml, limits);
  const envelope = document.documentElement;
  if (envelope.namespaceURI !== NS.soap12 || envelope.localName !== 'Envelope') throw new Error('not a SOAP 1.2 envelope');
  const header = requiredChild(envelope, NS.soap12, 'Header');
  const body = requiredChild(envelope, NS.soap12, 'Body');
  const messaging = requiredChild(header, NS.eb, 'Messaging');
  const signals = childElements(messaging, NS.eb, 'SignalMessage');
  if (signals.length !== 1) throw new Error('expected exactly one eb:SignalMessage');
  const info = requiredChild(signals[0]!, NS.eb, 'MessageInfo');
  const ref = optionalChild(info, NS.eb, 'RefToMessageId');
  return {
    document,
    ids: indexUniqueIds(document),
    security: optionalChild(header, NS.wsse, 'Security'),
    messaging,
    body,
    signalMessage: signals[0]!,
    messageId: text(requiredChild(info, NS.eb, 'MessageId')),
    refToMessageId: ref ? text(ref) : undefined,
  };
}

export interface SignalError {
  readonly code: string;
  readonly severity: string;
  readonly shortDescription: string;
  readonly detail: string;
  readonly description: string;
}

export function readSignalErrors(signalMessage: Element): SignalError[] {
  return childElements(signalMessage, NS.eb, 'Error').map((e) => {
    const detail = optionalChild(e, NS.eb, 'ErrorDetail');
    const description = optionalChild(e, NS.eb, 'Description');
    return {
      code: attribute(e, null, 'errorCode') ?? '',
      severity: attribute(e, null, 'severity') ?? '',
      shortDescription: attribute(e, null, 'shortDescription') ?? '',
      detail: detail ? text(detail) : '',
      description: description ? text(description) : '',
    };
  });
}
