import type { Direction, MessageKind } from './message-kinds.js';
import type { MessageState } from './message-states.js';

/** The steps of processing a message can fail at (also the `stage` of the OMS's `message.failed` event). */
export const FAILURE_STAGES = ['reception', 'validation', 'approval', 'conversion', 'catalogue', 'response', 'sending', 'delivery'] as const;
export type FailureStage = (typeof FAILURE_STAGES)[number];

/** Why a message failed: the one shape every writer stores and every reader (admin API, OMS events) reads. */
export interface MessageFailure {
  /** Which step failed. */
  stage: FailureStage;
  /** Stable, for programs: an ebMS code, a punch-out error code, `retries-exhausted`, `delivery-failed`, ... */
  code: string;
  /** For people: what went wrong. */
  message: string;
  /** The attempt of the queued job that failed, when one did. */
  attempt?: number;
}

export const MAX_FAILURE_CODE_CHARS = 64;
export const MAX_FAILURE_MESSAGE_CHARS = 4_096;

export function isFailureStage(value: unknown): value is FailureStage {
  return typeof value === 'string' && (FAILURE_STAGES as readonly string[]).includes(value);
}

/** The failure as stored: code and message bounded, an attempt only when it is a positive integer. */
export function boundedFailure(failure: MessageFailure): MessageFailure {
  const attempt = failure.attempt;
  const code = failure.code.slice(0, MAX_FAILURE_CODE_CHARS) || 'failed';
  return {
    stage: failure.stage,
    code,
    message: failure.message.slice(0, MAX_FAILURE_MESSAGE_CHARS) || code,
    ...(typeof attempt === 'number' && Number.isInteger(attempt) && attempt > 0 ? { attempt } : {}),
  };
}

/** The facts of a message that say where it most likely failed when its failure does not. */
export interface FailureContext {
  direction: Direction;
  kind: MessageKind;
  state: MessageState;
  /** The stored validation report, if any. */
  validation: unknown;
}

/**
 * The stage a failure without one belongs to: a failed send or delivery says so in its state, an
 * invalid document failed validation, other received documents failed turning into what follows.
 */
export function presumedStage(m: FailureContext): FailureStage {
  if (m.state === 'send-failed') return 'sending';
  if (m.state === 'delivery-failed') return 'delivery';
  if (isInvalid(m.validation)) return 'validation';
  return m.direction === 'inbound' ? 'conversion' : 'sending';
}

/**
 * A stored failure in the one shape. Migration 007 rewrote the shapes written before it; a value
 * that still does not fit (e.g. written by an older process during an upgrade) is read as far as
 * it goes: its stage if known, else the presumed one; `reason` of the old workflow shape as message.
 */
export function failureFromStored(stored: unknown, context: FailureContext): MessageFailure | null {
  if (stored == null || typeof stored !== 'object' || Array.isArray(stored)) return null;
  const value = stored as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : undefined);
  const attempt = typeof value.attempt === 'number' ? value.attempt : undefined;
  const code = text(value.code) ?? 'failed';
  return {
    stage: isFailureStage(value.stage) ? value.stage : presumedStage(context),
    code,
    message: text(value.message) ?? text(value.reason) ?? code,
    ...(attempt !== undefined && Number.isInteger(attempt) && attempt > 0 ? { attempt } : {}),
  };
}

function isInvalid(validation: unknown): boolean {
  return !!validation && typeof validation === 'object' && (validation as { valid?: unknown }).valid === false;
}
