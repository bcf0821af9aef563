import type { MlsResponseCode, MlsStatusReason } from '../peppol/index.js';

/** One problem an MLS reports: a `cac:LineResponse` with one `cac:Response`. */
export interface MlsIssue {
  reason: MlsStatusReason;
  /** Where in the document (an XPath), or `NA` when it has no place. */
  location: string;
  /** What went wrong; we write `[rule id] text` when a rule fired. */
  description: string;
  /** The id of the rule that fired (reader: taken from a leading `[id]` of the description). */
  ruleId?: string;
}

/** A Message Level Status as built or read: what C3 tells C2 about one received document. */
export interface MessageLevelStatus {
  /** `cbc:ID` of the MLS itself. */
  id: string;
  /** `YYYY-MM-DD`, no time zone. */
  issueDate: string;
  /** `hh:mm:ss` with `Z` or an offset. */
  issueTime: string;
  /** SPID of the sender (C3), the `0242` EndpointID value without the scheme. */
  senderSpid: string;
  /** SPID of the receiver (C2). */
  receiverSpid: string;
  responseCode: MlsResponseCode;
  /** Required (non-empty) for RE. */
  description?: string;
  /** The SBDH InstanceIdentifier of the document this status is about. */
  referencedInstanceId: string;
  issues: MlsIssue[];
}
