import type { MessageState } from '../../messages/message-states.js';

/** Stages a failed message can be processed again from: each has a job that carries it on. (A leaf: the console imports it.) */
export const REPROCESS_STAGES = ['received', 'validated', 'approved', 'changed', 'created'] as const satisfies readonly MessageState[];
export type ReprocessStage = (typeof REPROCESS_STAGES)[number];
