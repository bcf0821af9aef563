/**
 * What a message carries. The document kinds are the Peppol transactions this access point
 * processes (cart T77, catalogue T19, catalogue response T58, order T01, order response T76); a
 * document of any other transaction is `other`. When the Peppol fact module names its document
 * kinds, `DOCUMENT_KINDS` becomes that list and `MessageKind` its union plus `other`.
 */
export const DOCUMENT_KINDS = ['cart', 'catalogue', 'catalogue-response', 'order', 'order-response'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const MESSAGE_KINDS = [...DOCUMENT_KINDS, 'other'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export function isMessageKind(value: unknown): value is MessageKind {
  return typeof value === 'string' && (MESSAGE_KINDS as readonly string[]).includes(value);
}

/** Which way a message travels: received, sent, or made here for the back end. */
export type Direction = 'inbound' | 'outbound' | 'internal';
