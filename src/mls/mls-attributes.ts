import type { MessageStatusAttributes } from '../messages/message-attributes.js';

/*
 * What Message Level Status keeps on message records (their typed `attributes`, declared with the
 * message record): on a document we sent, what we asked for (`mlsRequested`) and the status that
 * came back (`mlsStatus`); on a document we received, the status decided for its sender
 * (`mlsResponse`); on a received MLS, what it was applied to or why not (`mlsApplied`).
 */
export type { MlsRequested, MlsResponseOfReceived, MlsStatusOfSent } from '../messages/message-attributes.js';
export type MlsAppliedState = NonNullable<MessageStatusAttributes['mlsApplied']>;

/** Timeline actor of everything Message Level Status records. */
export const MLS_ACTOR = 'mls';

export const MLS_REQUESTED_ATTRIBUTE = 'mlsRequested';
export const MLS_STATUS_ATTRIBUTE = 'mlsStatus';
export const MLS_RESPONSE_ATTRIBUTE = 'mlsResponse';
export const MLS_APPLIED_ATTRIBUTE = 'mlsApplied';
