import { DEFAULT_MLS_TYPE, isMlsType, MLS_NO_LINE, MLS_RESPONSE_CODES, MLS_STATUS_REASONS, MLS_TYPES, type MlsResponseCode, type MlsType } from '../peppol/index.js';
import { LocalRuleId, type FiredRule } from '../validation/validation-report.js';
import type { MlsIssue } from './mls-model.js';

/** What became of a received document, as far as its sender's access point is concerned. */
export type DocumentFate =
  /** Refused by validation: the fired rules (fatal ones make it invalid; warnings come along). */
  | { kind: 'invalid'; fired: readonly FiredRule[] }
  /** Handed to the receiver's back end; `confirmed` when the back end acknowledged it (HTTP 2xx). */
  | { kind: 'handed-over'; confirmed: boolean }
  /** Could not be passed on to the receiver, finally. */
  | { kind: 'undeliverable'; reason: string };

/** The response part of an MLS: its code, overall description and issues. */
export interface MlsResponse {
  responseCode: MlsResponseCode;
  description?: string;
  issues: MlsIssue[];
}

export interface MlsLimits {
  /** Most issues written; the last one then says how many more there were. */
  maxIssues: number;
  /** Longest description or location, in characters. */
  maxTextLength: number;
}

export const DEFAULT_MLS_LIMITS: MlsLimits = { maxIssues: 100, maxTextLength: 1_000 };

/** Findings of the validator itself that concern the syntax (well-formedness, schema, which document it is). */
const SYNTAX_IDS: ReadonlySet<string> = new Set([
  LocalRuleId.tooLarge,
  LocalRuleId.doctype,
  LocalRuleId.notWellFormed,
  LocalRuleId.unknownCustomization,
  LocalRuleId.envelopeMismatch,
  LocalRuleId.rootMismatch,
  LocalRuleId.xsd,
]);

/**
 * The MLS response a fate calls for: RE with a line per problem for an invalid or undeliverable
 * document, AP for one the back end confirmed, AB for one handed on without confirmation.
 * Warnings are reported only beside errors (a valid document gets a plain AP or AB).
 */
export function mlsResponseFor(fate: DocumentFate, limits: MlsLimits = DEFAULT_MLS_LIMITS): MlsResponse {
  switch (fate.kind) {
    case 'handed-over':
      return { responseCode: fate.confirmed ? MLS_RESPONSE_CODES.accepted : MLS_RESPONSE_CODES.acknowledged, issues: [] };
    case 'undeliverable':
      return {
        responseCode: MLS_RESPONSE_CODES.rejected,
        description: 'Rejected: the document could not be delivered to its receiver',
        issues: [{ reason: MLS_STATUS_REASONS.deliveryFailure, location: MLS_NO_LINE, description: clip(fate.reason.trim() || 'delivery failed', limits) }],
      };
    case 'invalid':
      return invalidResponse(fate.fired, limits);
  }
}

function invalidResponse(fired: readonly FiredRule[], limits: MlsLimits): MlsResponse {
  const errors = fired.filter((f) => f.flag === 'fatal');
  if (errors.length === 0) throw new Error('an invalid document has at least one fatal finding');
  const warnings = fired.filter((f) => f.flag === 'warning');
  const issues = [...errors, ...warnings].map((f) => issueOf(f, limits));
  const syntax = issues.filter((i) => i.reason === MLS_STATUS_REASONS.syntax).length;
  const rules = issues.filter((i) => i.reason === MLS_STATUS_REASONS.businessRule).length;
  const parts = [syntax ? `${syntax} syntax error${syntax === 1 ? '' : 's'}` : '', rules ? `${rules} business rule error${rules === 1 ? '' : 's'}` : ''].filter(Boolean);
  return { responseCode: MLS_RESPONSE_CODES.rejected, description: `Rejected by validation: ${parts.join(' and ')}`, issues: bound(issues, limits) };
}

function issueOf(f: FiredRule, limits: MlsLimits): MlsIssue {
  const reason = f.flag === 'warning' ? MLS_STATUS_REASONS.businessWarning : SYNTAX_IDS.has(f.id) ? MLS_STATUS_REASONS.syntax : MLS_STATUS_REASONS.businessRule;
  const text = f.text.trim().replace(/\s+/g, ' ');
  // Official rule texts often start with their id already; it is written once.
  const description = text.startsWith(`[${f.id}]`) ? text : `[${f.id}] ${text}`;
  return { reason, location: clip(f.location.trim(), limits) || MLS_NO_LINE, description: clip(description, limits), ruleId: f.id };
}

/** Keeps the first issues; past the limit the last line counts the rest (as a failure, errors come first). */
function bound(issues: MlsIssue[], limits: MlsLimits): MlsIssue[] {
  if (issues.length <= limits.maxIssues) return issues;
  const kept = issues.slice(0, limits.maxIssues - 1);
  const rest = issues.length - kept.length;
  return [...kept, { reason: issues[kept.length]!.reason, location: MLS_NO_LINE, description: `... and ${rest} more issues not listed` }];
}

function clip(text: string, limits: MlsLimits): string {
  const chars = [...text];
  return chars.length > limits.maxTextLength ? `${chars.slice(0, limits.maxTextLength - 1).join('')}…` : text;
}

/**
 * Whether a status goes to the sender: a rejection always; AP and AB only when the sender asked
 * for every status (`ALWAYS_SEND`).
 */
export function mlsIsWanted(code: MlsResponseCode, requested: MlsType): boolean {
  return code === MLS_RESPONSE_CODES.rejected || requested === MLS_TYPES.alwaysSend;
}

/** The MLS_TYPE a sender asked for: absent → FAILURE_ONLY; an unknown value → FAILURE_ONLY with a note saying so. */
export function requestedMlsType(raw: string | undefined): { type: MlsType; note?: string } {
  const value = raw?.trim();
  if (!value) return { type: DEFAULT_MLS_TYPE };
  if (isMlsType(value)) return { type: value };
  return { type: DEFAULT_MLS_TYPE, note: `MLS_TYPE ${JSON.stringify(value.slice(0, 64))} is not ${Object.values(MLS_TYPES).join(' or ')}; taken as ${DEFAULT_MLS_TYPE}` };
}
