import type { Identifier } from './model.js';

/**
 * What the envelope (SBDH) and AS4 need to send a document we produced: participant ids as
 * `scheme:value` (they must equal the UBL EndpointIDs), the document type and process ids, and the
 * country of the sending end user (SBDH `COUNTRY_C1`, mandatory) when it is known.
 */
export interface DocumentRouting {
  senderId: string;
  receiverId: string;
  documentTypeId: string;
  processId: string;
  countryC1?: string;
}

export function participantId(endpoint: Identifier): string {
  if (!endpoint.schemeId) throw new Error(`endpoint ${endpoint.value} has no scheme`);
  return `${endpoint.schemeId}:${endpoint.value}`;
}
