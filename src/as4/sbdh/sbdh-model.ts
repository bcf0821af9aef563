import type { PeppolIdentifier } from '../../peppol/index.js';

/** The Peppol Business Message Envelope (SBDH) fields the AP uses. */
export interface SbdhData {
  readonly sender: PeppolIdentifier;
  readonly receiver: PeppolIdentifier;
  /** Document type id with scheme (DOCUMENTID scope; scheme defaults to busdox-docid-qns). */
  readonly documentType: PeppolIdentifier;
  /** Process id with scheme (PROCESSID scope; scheme defaults to cenbii-procid-ubl). */
  readonly process: PeppolIdentifier;
  readonly countryC1: string;
  readonly instanceIdentifier: string;
  readonly standard: string;
  readonly typeVersion: string;
  readonly type: string;
  readonly creationDateAndTime: string;
  readonly mlsTo?: string;
  /** The `Identifier` (participant scheme) of the MLS_TO scope. */
  readonly mlsToScheme?: string;
  readonly mlsType?: string;
  /** Root element of the business document that follows the header. */
  readonly businessRoot: { readonly namespaceURI: string; readonly localName: string };
}
