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

/** Document type id value (scheme `busdox-docid-qns`) of a UBL 2.1 document. */
export function documentTypeId(rootNamespace: string, rootName: string, customizationId: string): string {
  return `${rootNamespace}::${rootName}##${customizationId}::2.1`;
}

export function participantId(endpoint: Identifier): string {
  if (!endpoint.schemeId) throw new Error(`endpoint ${endpoint.value} has no scheme`);
  return `${endpoint.schemeId}:${endpoint.value}`;
}
