import type { MlsResponseCode, MlsType } from '../peppol/index.js';
import type { MlsIssue } from './mls-model.js';

/*
 * What Message Level Status keeps on message records (their `attributes`), by role:
 * - a document we sent (C2): what we asked for, and the status that came back;
 * - a document we received (C3): the status we owe or decided not to send;
 * - a received MLS: what it was applied to, or why it was not.
 */

/** Timeline actor of everything Message Level Status records. */
export const MLS_ACTOR = 'mls';

/** On a sent document: the MLS_TO and MLS_TYPE its SBDH carried. */
export const MLS_REQUESTED_ATTRIBUTE = 'mlsRequested';
export interface MlsRequested {
  to: string;
  type: MlsType | string;
}

/** On a sent document: the status its receiving access point reported. */
export const MLS_STATUS_ATTRIBUTE = 'mlsStatus';
export interface MlsStatusOfSent {
  code: MlsResponseCode;
  /** The received MLS message (its record). */
  statusMessageId: string;
  /** `cbc:ID` of that MLS. */
  mlsId: string;
  receivedAt: string;
  description?: string;
  issues: MlsIssue[];
}

/** On a received document: the status decided for its sender. */
export const MLS_RESPONSE_ATTRIBUTE = 'mlsResponse';
export interface MlsResponseOfReceived {
  code: MlsResponseCode;
  /** `owed` (the MLS message is being sent), `not-wanted` (AP/AB under FAILURE_ONLY), or a reason it cannot be sent. */
  outcome: 'owed' | 'not-wanted' | 'unaddressable' | 'invalid' | 'disabled';
  decidedAt: string;
  requestedType: MlsType;
  /** The MLS message we send (outbound record), when there is one. */
  statusMessageId?: string;
  /** The 0242 participant it goes to. */
  to?: string;
  note?: string;
}

/** On a received MLS: whether and to what it was applied. */
export const MLS_APPLIED_ATTRIBUTE = 'mlsApplied';
export interface MlsAppliedState {
  outcome: 'applied' | 'duplicate' | 'unknown-reference' | 'invalid' | 'unreadable';
  /** The sent document it is about, when found. */
  subjectMessageId?: string;
  referencedInstanceId?: string;
  reason?: string;
}
