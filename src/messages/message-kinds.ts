import { PEPPOL_DOCUMENT_KINDS, type PeppolDocumentKind } from '../peppol/index.js';

/**
 * What a message carries: the kind of its Peppol document, from the transaction table's `kind`
 * column (cart T77, catalogue T19, catalogue response T58, order T01, order response T76, ...); a
 * document of a transaction without a kind of its own is `other`.
 */
export const MESSAGE_KINDS = PEPPOL_DOCUMENT_KINDS;
export type MessageKind = PeppolDocumentKind;

/** Which way a message travels: received, sent, or made here for the back end. */
export type Direction = 'inbound' | 'outbound' | 'internal';
