import { MLS_FAILURE_REASONS, MLS_RESPONSE_CODES, PROCESSES, SPIS_ICD, isSpid, TRANSACTIONS } from '../peppol/index.js';
import { appendAggregate, appendBasic, createUblDocument, serializeUbl } from '../ubl/builder.js';
import { NS } from '../ubl/namespaces.js';
import type { MessageLevelStatus } from './mls-model.js';

/** The status cannot be written as a valid MLS; the message says which rule of MLS 1.0 it breaks. */
export class MlsBuildError extends Error {
  override name = 'MlsBuildError';
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME_WITH_ZONE = /^\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Writes a Message Level Status (UBL 2.1 ApplicationResponse, MLS 1.0). Refuses what the official
 * MLS rules would refuse, so a status that cannot be valid is never written.
 */
export function buildMls(status: MessageLevelStatus): string {
  checkStatus(status);
  const { document, root } = createUblDocument('ApplicationResponse', NS.applicationResponse);
  appendBasic(root, 'cbc:CustomizationID', TRANSACTIONS.messageLevelStatus.customizationId);
  appendBasic(root, 'cbc:ProfileID', PROCESSES.messageLevelStatus);
  appendBasic(root, 'cbc:ID', status.id);
  appendBasic(root, 'cbc:IssueDate', status.issueDate);
  appendBasic(root, 'cbc:IssueTime', status.issueTime);
  appendBasic(appendAggregate(root, 'cac:SenderParty'), 'cbc:EndpointID', status.senderSpid, { schemeID: SPIS_ICD });
  appendBasic(appendAggregate(root, 'cac:ReceiverParty'), 'cbc:EndpointID', status.receiverSpid, { schemeID: SPIS_ICD });
  const documentResponse = appendAggregate(root, 'cac:DocumentResponse');
  const response = appendAggregate(documentResponse, 'cac:Response');
  appendBasic(response, 'cbc:ResponseCode', status.responseCode);
  appendBasic(response, 'cbc:Description', status.description);
  appendBasic(appendAggregate(documentResponse, 'cac:DocumentReference'), 'cbc:ID', status.referencedInstanceId);
  for (const issue of status.issues) {
    const line = appendAggregate(documentResponse, 'cac:LineResponse');
    appendBasic(appendAggregate(line, 'cac:LineReference'), 'cbc:LineID', issue.location);
    const issueResponse = appendAggregate(line, 'cac:Response');
    appendBasic(issueResponse, 'cbc:Description', issue.description);
    appendBasic(appendAggregate(issueResponse, 'cac:Status'), 'cbc:StatusReasonCode', issue.reason);
  }
  return serializeUbl(document);
}

function checkStatus(s: MessageLevelStatus): void {
  const blank = (v: string | undefined) => v === undefined || v.trim() === '';
  if (blank(s.id)) throw new MlsBuildError('the MLS needs an id (SCH-MLS-03)');
  if (!DATE.test(s.issueDate)) throw new MlsBuildError(`issue date must be YYYY-MM-DD without a time zone, got ${JSON.stringify(s.issueDate)} (SCH-MLS-04)`);
  if (!TIME_WITH_ZONE.test(s.issueTime)) throw new MlsBuildError(`issue time must be hh:mm:ss with Z or an offset, got ${JSON.stringify(s.issueTime)} (SCH-MLS-06)`);
  if (!isSpid(s.senderSpid)) throw new MlsBuildError(`sender ${JSON.stringify(s.senderSpid)} is not a Service Provider Id (SCH-MLS-09)`);
  if (!isSpid(s.receiverSpid)) throw new MlsBuildError(`receiver ${JSON.stringify(s.receiverSpid)} is not a Service Provider Id (SCH-MLS-14)`);
  if (blank(s.referencedInstanceId)) throw new MlsBuildError('the MLS must name the SBDH InstanceIdentifier it is about (SCH-MLS-26)');
  const failures = s.issues.filter((i) => MLS_FAILURE_REASONS.includes(i.reason));
  if (s.responseCode === MLS_RESPONSE_CODES.rejected) {
    if (blank(s.description)) throw new MlsBuildError('a rejection needs a description (SCH-MLS-21)');
    if (failures.length === 0) throw new MlsBuildError('a rejection needs at least one issue with SV, BV or FD (SCH-MLS-24)');
  } else if (failures.length > 0) {
    throw new MlsBuildError(`${s.responseCode} may carry warnings (BW) only, not ${failures[0]!.reason} (SCH-MLS-25)`);
  }
  for (const issue of s.issues) {
    if (blank(issue.location)) throw new MlsBuildError('every issue needs a location, NA when it has none (SCH-MLS-27)');
    if (blank(issue.description)) throw new MlsBuildError('every issue needs a description (SCH-MLS-29)');
  }
}
