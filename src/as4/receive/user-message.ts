import { EbmsError, type EbmsErrorCode } from '../protocol/ebms-errors.js';
import { IDENTIFIER_SCHEMES, isParticipantValue, parseSchemeAndValue, type PeppolIdentifier } from '../../peppol/index.js';
import { NS } from '../protocol/namespaces.js';
import { PEPPOL } from '../protocol/peppol-profile.js';
import { contentIdFromCidUri } from '../mime/media-type.js';
import { attribute, childElements, DomShapeError, optionalChild, text } from '../xml/dom.js';

interface PartInfo {
  readonly href: string;
  readonly contentId: string;
  readonly mimeType: string;
  readonly compressionType: string | undefined;
  readonly characterSet: string | undefined;
}

/** The validated eb:UserMessage header. */
export interface UserMessageHeader {
  readonly messageId: string;
  readonly timestamp: string;
  readonly conversationId: string;
  readonly fromPartyId: string;
  readonly toPartyId: string;
  readonly agreementRef: string;
  /** Process: Service value with its `type` as scheme. */
  readonly service: PeppolIdentifier;
  /** Document type parsed from Action (`scheme::value`). */
  readonly action: PeppolIdentifier;
  readonly originalSender: PeppolIdentifier;
  readonly finalRecipient: PeppolIdentifier;
  readonly parts: readonly PartInfo[];
}

const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const DOT_ATOM = `${ATEXT}(?:\\.${ATEXT})*`;
const MESSAGE_ID = new RegExp(`^${DOT_ATOM}@${DOT_ATOM}$`);
const XSD_DATE_TIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?$/;

/** RFC 2822 msg-id without brackets, as Oxalis checks it. */
export function isValidMessageId(value: string): boolean {
  return value.length <= 255 && MESSAGE_ID.test(value);
}

function fail(code: EbmsErrorCode, detail: string): never {
  throw new EbmsError(code, detail);
}

function one(parent: Element, name: string, code: EbmsErrorCode = 'EBMS:0009'): Element {
  const found = childElements(parent, NS.eb, name);
  if (found.length !== 1) fail(code, `eb:${parent.localName} must contain exactly one eb:${name} (found ${found.length})`);
  return found[0]!;
}

function requiredText(parent: Element, name: string): string {
  const value = text(one(parent, name));
  if (value.length === 0) fail('EBMS:0009', `eb:${name} is empty`);
  if (value.length > 2048) fail('EBMS:0009', `eb:${name} is longer than 2048 characters`);
  return value;
}

function party(partyInfo: Element, side: 'From' | 'To', role: string): string {
  const element = one(partyInfo, side);
  const partyId = one(element, 'PartyId');
  const type = attribute(partyId, null, 'type');
  if (type !== PEPPOL.partyIdType) fail('EBMS:0010', `${side}/PartyId type must be ${PEPPOL.partyIdType}, not ${type ?? '(none)'}`);
  const value = text(partyId);
  if (!value) fail('EBMS:0009', `${side}/PartyId is empty`);
  const actualRole = requiredText(element, 'Role');
  if (actualRole !== role) fail('EBMS:0010', `${side}/Role must be ${role}`);
  return value;
}

function messageProperties(userMessage: Element): Map<string, { value: string; type: string | undefined }> {
  const container = optionalChild(userMessage, NS.eb, 'MessageProperties');
  const result = new Map<string, { value: string; type: string | undefined }>();
  for (const p of container ? childElements(container, NS.eb, 'Property') : []) {
    const name = attribute(p, null, 'name') ?? '';
    if (result.has(name)) fail('EBMS:0009', `message property ${name} appears twice`);
    result.set(name, { value: text(p), type: attribute(p, null, 'type') });
  }
  return result;
}

function participantProperty(props: Map<string, { value: string; type: string | undefined }>, name: string): PeppolIdentifier {
  const p = props.get(name);
  if (!p) fail('EBMS:0009', `message property ${name} is required`);
  if (p.type !== IDENTIFIER_SCHEMES.participant) fail('EBMS:0010', `message property ${name} must have type ${IDENTIFIER_SCHEMES.participant}`);
  if (!isParticipantValue(p.value)) fail('EBMS:0009', `message property ${name} "${p.value}" is not a participant identifier`);
  return { scheme: p.type, value: p.value };
}

function isKnownCharset(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

function partInfo(element: Element): PartInfo {
  const href = attribute(element, null, 'href') ?? '';
  const contentId = contentIdFromCidUri(href);
  if (!contentId) fail('EBMS:0009', `PartInfo href "${href}" must be a cid: reference to a MIME part`);
  const props = new Map<string, string>();
  const container = optionalChild(element, NS.eb, 'PartProperties');
  for (const p of container ? childElements(container, NS.eb, 'Property') : []) {
    const name = attribute(p, null, 'name') ?? '';
    if (props.has(name)) fail('EBMS:0009', `part property ${name} appears twice in ${href}`);
    props.set(name, text(p));
  }
  const mimeType = props.get('MimeType');
  if (!mimeType) fail('EBMS:0009', `PartInfo ${href} lacks the MimeType property`);
  const compressionType = props.get('CompressionType');
  if (compressionType !== undefined && compressionType !== PEPPOL.gzipCompression) {
    fail('EBMS:0303', `CompressionType ${compressionType} is not supported; only ${PEPPOL.gzipCompression}`);
  }
  const characterSet = props.get('CharacterSet');
  if (characterSet !== undefined && !isKnownCharset(characterSet)) fail('EBMS:0009', `CharacterSet "${characterSet}" is not a character set`);
  return { href, contentId, mimeType, compressionType, characterSet };
}

/** Reads eb:UserMessage and applies every Peppol header rule; throws the matching EbmsError. */
export function readUserMessage(userMessage: Element): UserMessageHeader {
  try {
    const mpc = attribute(userMessage, null, 'mpc');
    if (mpc !== undefined && mpc !== PEPPOL.defaultMpc) fail('EBMS:0001', `MPC ${mpc} is not recognised`);
    const info = one(userMessage, 'MessageInfo');
    const messageId = requiredText(info, 'MessageId');
    if (!isValidMessageId(messageId)) fail('EBMS:0009', `MessageId "${messageId}" is not of the form local@domain (RFC 2822 msg-id)`);
    const timestamp = requiredText(info, 'Timestamp');
    if (!XSD_DATE_TIME.test(timestamp) || Number.isNaN(Date.parse(timestamp))) fail('EBMS:0009', `Timestamp "${timestamp}" is not an xsd:dateTime`);
    if (optionalChild(info, NS.eb, 'RefToMessageId')) fail('EBMS:0010', 'RefToMessageId is not used on One-Way Push UserMessages');

    const partyInfo = one(userMessage, 'PartyInfo');
    const fromPartyId = party(partyInfo, 'From', PEPPOL.initiatorRole);
    const toPartyId = party(partyInfo, 'To', PEPPOL.responderRole);

    const collaboration = one(userMessage, 'CollaborationInfo');
    const agreement = optionalChild(collaboration, NS.eb, 'AgreementRef');
    if (!agreement) fail('EBMS:0009', 'AgreementRef is required');
    if (text(agreement) !== PEPPOL.agreementRef) fail('EBMS:0010', `AgreementRef must be ${PEPPOL.agreementRef}, not "${text(agreement)}"`);
    if (attribute(agreement, null, 'type') !== undefined || attribute(agreement, null, 'pmode') !== undefined) {
      fail('EBMS:0010', 'AgreementRef must carry neither type nor pmode');
    }
    const serviceElement = one(collaboration, 'Service');
    const service: PeppolIdentifier = { scheme: attribute(serviceElement, null, 'type') ?? IDENTIFIER_SCHEMES.process, value: text(serviceElement) };
    if (!service.value) fail('EBMS:0009', 'Service is empty');
    let action: PeppolIdentifier;
    try {
      action = parseSchemeAndValue(requiredText(collaboration, 'Action'));
    } catch (error) {
      fail('EBMS:0009', `Action is not a document type identifier: ${(error as Error).message}`);
    }
    const conversationId = requiredText(collaboration, 'ConversationId');

    const props = messageProperties(userMessage);
    for (const forbidden of PEPPOL.forbiddenProperties) {
      if (props.has(forbidden)) fail('EBMS:0009', `message property ${forbidden} must not be used`);
    }
    const originalSender = participantProperty(props, PEPPOL.originalSenderProperty);
    const finalRecipient = participantProperty(props, PEPPOL.finalRecipientProperty);

    const payloadInfo = optionalChild(userMessage, NS.eb, 'PayloadInfo');
    const parts = payloadInfo ? childElements(payloadInfo, NS.eb, 'PartInfo').map(partInfo) : [];
    if (parts.length === 0) fail('EBMS:0009', 'PayloadInfo must list the SBD attachment');
    if (parts.length > 1) fail('EBMS:0010', `Peppol messages carry exactly one payload, not ${parts.length}`);

    return { messageId, timestamp, conversationId, fromPartyId, toPartyId, agreementRef: PEPPOL.agreementRef, service, action, originalSender, finalRecipient, parts };
  } catch (error) {
    if (error instanceof DomShapeError) fail('EBMS:0009', error.message);
    throw error;
  }
}
