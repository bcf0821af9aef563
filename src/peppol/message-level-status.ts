/**
 * Message Level Status (MLS 1.0): the codes of the ApplicationResponse a receiving access point
 * (C3) sends the sending one (C2), the SBDH scopes through which C2 asks for it, and the Service
 * Provider Identifier (SPID) syntax of the SPIS scheme (`0242`) both parties are addressed by.
 */
import { SEAT_ID_PATTERN, SPIS_ICD } from './seat-ids.js';
import { PROCESSES } from './transactions.js';

/** Response codes (`cac:DocumentResponse/cac:Response/cbc:ResponseCode`). */
export const MLS_RESPONSE_CODES = {
  /** Delivered to C4 with confirmation. */
  accepted: 'AP',
  /** Handed on towards C4 without a confirmation of delivery. */
  acknowledged: 'AB',
  /** Rejected: invalid, or C3 cannot deliver it. */
  rejected: 'RE',
} as const;
export type MlsResponseCode = (typeof MLS_RESPONSE_CODES)[keyof typeof MLS_RESPONSE_CODES];

/** Line status reasons (`cac:LineResponse/cac:Response/cac:Status/cbc:StatusReasonCode`). */
export const MLS_STATUS_REASONS = {
  /** Syntax violation (not well-formed, XML schema). */
  syntax: 'SV',
  /** Business rule violation, fatal. */
  businessRule: 'BV',
  /** Business rule violation, warning. */
  businessWarning: 'BW',
  /** Failure of delivery to C4. */
  deliveryFailure: 'FD',
} as const;
export type MlsStatusReason = (typeof MLS_STATUS_REASONS)[keyof typeof MLS_STATUS_REASONS];

/** Reasons that make a document rejected; a positive MLS may carry only warnings. */
export const MLS_FAILURE_REASONS: readonly MlsStatusReason[] = [MLS_STATUS_REASONS.syntax, MLS_STATUS_REASONS.businessRule, MLS_STATUS_REASONS.deliveryFailure];

/** `cbc:LineID` of an issue without a location in the document. */
export const MLS_NO_LINE = 'NA';

/** SBDH BusinessScope types (Business Message Envelope 2.0.2) by which C2 asks for an MLS. */
export const MLS_SCOPES = {
  /** Where the MLS goes: `0242:` + an SPID of the sending provider, with Identifier `iso6523-actorid-upis`. */
  to: 'MLS_TO',
  /** Which MLS are wanted: one of MLS_TYPES. */
  type: 'MLS_TYPE',
} as const;

/** MLS_TYPE values. An absent scope means FAILURE_ONLY. */
export const MLS_TYPES = {
  failureOnly: 'FAILURE_ONLY',
  alwaysSend: 'ALWAYS_SEND',
} as const;
export type MlsType = (typeof MLS_TYPES)[keyof typeof MLS_TYPES];
export const DEFAULT_MLS_TYPE: MlsType = MLS_TYPES.failureOnly;

export function isMlsType(value: string): value is MlsType {
  return (Object.values(MLS_TYPES) as string[]).includes(value);
}

/**
 * A Service Provider Identifier (SPIS 1.0): six digits (the main id: the seat id without its
 * three letters), then optionally `-` a use case id and `.` a suffix. Case-insensitive.
 */
export const SPID_PATTERN = /^[0-9]{6}(-[0-9A-Z_]{3,12}(\.[0-9A-Z\-._~]{3,24})?)?$/i;

export function isSpid(value: string): boolean {
  return SPID_PATTERN.test(value);
}

/** The main id of an SPID (`000123-MLS.X1` → `000123`), undefined when it is not an SPID. */
export function mainIdOfSpid(spid: string): string | undefined {
  return isSpid(spid) ? spid.slice(0, 6) : undefined;
}

/** The main id of a seat id (`POP000123` → `000123`), undefined when it is not a seat id. */
export function mainIdOfSeat(seatId: string): string | undefined {
  return SEAT_ID_PATTERN.test(seatId) ? seatId.slice(3) : undefined;
}

/** The SPID of an SPIS participant value (`0242:000123` → `000123`), undefined for any other value. */
export function spidOfSpisParticipant(value: string): string | undefined {
  const prefix = `${SPIS_ICD}:`;
  if (!value.startsWith(prefix)) return undefined;
  const spid = value.slice(prefix.length);
  return isSpid(spid) ? spid : undefined;
}

/** Process of the Peppol Reporting documents (TSR, EUSR), sent to OpenPeppol. */
export const PEPPOL_REPORTING_PROCESS = 'urn:fdc:peppol.eu:edec:bis:reporting:1.0';

/** Processes whose documents never get an MLS (process id values): MLS itself and the reports. */
export const MLS_PROCESSES_WITHOUT_STATUS: readonly string[] = [PROCESSES.messageLevelStatus, PEPPOL_REPORTING_PROCESS];
