import { isSpid, MLS_RESPONSE_CODES, MLS_STATUS_REASONS, SPIS_ICD, TRANSACTIONS, type MlsResponseCode, type MlsStatusReason } from '../peppol/index.js';
import { NS } from '../ubl/namespaces.js';
import { find, findAll } from '../ubl/reader.js';
import { parseXmlSafely, XmlParseError, type XmlLimits } from '../ubl/safe-parse.js';
import type { MessageLevelStatus, MlsIssue } from './mls-model.js';

/** The document is not a readable MLS; the message says what is missing or wrong. */
export class MlsReadError extends Error {
  override name = 'MlsReadError';
}

/** An MLS is small: a few issues. These bounds refuse anything that is not one before it is parsed. */
export const MLS_XML_LIMITS: XmlLimits = { maxBytes: 2 * 1024 * 1024, maxDepth: 16, maxElements: 20_000 };

const RESPONSE_CODES: readonly string[] = Object.values(MLS_RESPONSE_CODES);
const STATUS_REASONS: readonly string[] = Object.values(MLS_STATUS_REASONS);
/** A rule id in brackets inside an issue text, e.g. `[BR-T01-R001] ...` or `error [CL-T77-R002]- ...`. */
const RULE_ID = /\[([A-Za-z0-9][A-Za-z0-9._-]{0,99})\]/;

/** Whitespace collapsed as the MLS rules compare (normalize-space). */
function normalized(element: Element | undefined): string | undefined {
  const value = element?.textContent?.replace(/[ \t\n\r]+/g, ' ').trim();
  return value ? value : undefined;
}

/**
 * Reads a received MLS into its parts (values whitespace-normalised), for correlation and for the
 * sender's back end. Throws MlsReadError when the document is not an MLS or lacks what correlation
 * needs; whether it keeps every MLS rule is the validator's verdict, not the reader's.
 */
export function readMls(xml: string | Uint8Array, limits: XmlLimits = MLS_XML_LIMITS): MessageLevelStatus {
  let document: Document;
  try {
    document = parseXmlSafely(xml, limits);
  } catch (error) {
    if (error instanceof XmlParseError) throw new MlsReadError(`not readable XML: ${error.message}`);
    throw error;
  }
  const root = document.documentElement;
  if (root.namespaceURI !== NS.applicationResponse || root.localName !== 'ApplicationResponse') {
    throw new MlsReadError(`the document is {${root.namespaceURI ?? ''}}${root.localName}, not a UBL ApplicationResponse`);
  }
  const customization = normalized(find(root, 'cbc:CustomizationID'));
  if (customization !== TRANSACTIONS.messageLevelStatus.customizationId) {
    throw new MlsReadError(`CustomizationID ${JSON.stringify(customization ?? '')} is not ${TRANSACTIONS.messageLevelStatus.customizationId}`);
  }
  const responses = findAll(root, 'cac:DocumentResponse');
  if (responses.length !== 1) throw new MlsReadError(`an MLS has exactly one DocumentResponse, this one ${responses.length}`);
  const documentResponse = responses[0]!;
  const references = findAll(documentResponse, 'cac:DocumentReference');
  const referencedInstanceId = references.length === 1 ? normalized(find(references[0]!, 'cbc:ID')) : undefined;
  if (!referencedInstanceId) throw new MlsReadError('the MLS names no single DocumentReference ID (the SBDH InstanceIdentifier it is about)');
  const code = normalized(find(documentResponse, 'cac:Response/cbc:ResponseCode'));
  if (!code || !RESPONSE_CODES.includes(code)) throw new MlsReadError(`response code ${JSON.stringify(code ?? '')} is not one of ${RESPONSE_CODES.join(' ')}`);
  return {
    id: normalized(find(root, 'cbc:ID')) ?? '',
    issueDate: normalized(find(root, 'cbc:IssueDate')) ?? '',
    issueTime: normalized(find(root, 'cbc:IssueTime')) ?? '',
    senderSpid: endpoint(root, 'cac:SenderParty'),
    receiverSpid: endpoint(root, 'cac:ReceiverParty'),
    responseCode: code as MlsResponseCode,
    description: normalized(find(documentResponse, 'cac:Response/cbc:Description')),
    referencedInstanceId,
    issues: findAll(documentResponse, 'cac:LineResponse').flatMap(issuesOf),
  };
}

function endpoint(root: Element, party: 'cac:SenderParty' | 'cac:ReceiverParty'): string {
  const element = find(root, `${party}/cbc:EndpointID`);
  const value = normalized(element) ?? '';
  return element?.getAttribute('schemeID')?.trim() === SPIS_ICD && isSpid(value) ? value : '';
}

function issuesOf(line: Element): MlsIssue[] {
  const location = normalized(find(line, 'cac:LineReference/cbc:LineID')) ?? '';
  return findAll(line, 'cac:Response').map((response) => {
    const description = normalized(find(response, 'cbc:Description')) ?? '';
    const reason = normalized(find(response, 'cac:Status/cbc:StatusReasonCode')) ?? '';
    if (!STATUS_REASONS.includes(reason)) throw new MlsReadError(`status reason ${JSON.stringify(reason.slice(0, 32))} is not one of ${STATUS_REASONS.join(' ')}`);
    const ruleId = RULE_ID.exec(description)?.[1];
    return {
      reason: reason as MlsStatusReason,
      location,
      description,
      ...(ruleId ? { ruleId } : {}),
    };
  });
}
