import {
  AS4_TRANSPORT_PROFILE,
  countryOfParticipant,
  normalizeParticipant,
  REPORTING_TRANSACTIONS,
  TRANSACTIONS,
  UNKNOWN_COUNTRY,
  valueWithoutScheme,
  IDENTIFIER_SCHEMES,
  type PeppolIdentifier,
  type ReportingDirection,
} from '../peppol/index.js';

/**
 * One transmission as Peppol Reporting counts it (TSR/EUSR BIS §2, the fields of an SP's reporting
 * item): one AS4 exchange that got a positive receipt, seen from this access point.
 */
export interface TransmissionRecord {
  /** The message row it belongs to (one record per message: a retried send counts once). */
  messageId: string;
  /** UTC time of the exchange: receipt verified (sending) or message received (receiving); decides the period. */
  exchangedAt: Date;
  direction: ReportingDirection;
  /** Seat id of the sending access point (C2). */
  c2SeatId: string;
  /** Seat id of the receiving access point (C3). */
  c3SeatId: string;
  documentType: PeppolIdentifier;
  process: PeppolIdentifier;
  transportProfile: string;
  /** C1's country (SBDH COUNTRY_C1), `ZZ` when a received SBDH had none. */
  c1Country: string;
  /** C4's country: receiving only, null when neither our data nor the receiver's id scheme names it. */
  c4Country: string | null;
  /** The end user: C1 when sending, C4 when receiving (lower-cased participant id). Never in a report. */
  endUserId: string;
  /** Whether the EUSR counts its end user: not for Message Level Status (counted in the TSR only). */
  countsEndUser: boolean;
}

const REPORT_DOCUMENT_TYPES = new Set<string>(REPORTING_TRANSACTIONS.map((t) => t.documentTypeId));
const END_USER_EXCLUDED = new Set<string>([TRANSACTIONS.messageLevelStatus.documentTypeId]);

/** Whether a document type is counted at all: the reports never count themselves (BIS §2). */
export function isReportable(documentType: PeppolIdentifier): boolean {
  return !REPORT_DOCUMENT_TYPES.has(documentTypeValue(documentType));
}

function documentTypeValue(documentType: PeppolIdentifier): string {
  return valueWithoutScheme(documentType.value, IDENTIFIER_SCHEMES.documentType);
}

function country(code: string | null | undefined): string | undefined {
  const trimmed = code?.trim().toUpperCase();
  return trimmed && /^[A-Z0-9]{2}$/.test(trimmed) ? trimmed : undefined;
}

/** What the receive pipeline knows of a message it has just stored with its receipt. */
export interface ReceivedTransmission {
  messageId: string;
  receivedAt: Date;
  /** CN of the AS4 signing certificate of the message (the sending AP), else its eb:From PartyId. */
  sendingSeatId: string;
  /** Our seat id (the eb:To PartyId the message was addressed to). */
  ourSeatId: string;
  sender: PeppolIdentifier;
  receiver: PeppolIdentifier;
  documentType: PeppolIdentifier;
  process: PeppolIdentifier;
  countryC1: string | undefined;
  /** C4's country from our own data, when we have it. */
  receiverCountry?: string;
  /** Country of served participants whose id scheme names none (REPORTING_END_USER_COUNTRY). */
  defaultEndUserCountry?: string;
}

/** The record of a received message (we are C3), or undefined when it is not counted (a report). */
export function receivedTransmission(m: ReceivedTransmission): TransmissionRecord | undefined {
  if (!isReportable(m.documentType)) return undefined;
  const receiver = normalizeParticipant(m.receiver.value);
  return {
    messageId: m.messageId,
    exchangedAt: m.receivedAt,
    direction: 'receiving',
    c2SeatId: m.sendingSeatId,
    c3SeatId: m.ourSeatId,
    documentType: m.documentType,
    process: m.process,
    transportProfile: AS4_TRANSPORT_PROFILE,
    c1Country: country(m.countryC1) ?? UNKNOWN_COUNTRY,
    c4Country: country(m.receiverCountry) ?? country(countryOfParticipant(receiver)) ?? country(m.defaultEndUserCountry) ?? null,
    endUserId: receiver,
    countsEndUser: !END_USER_EXCLUDED.has(documentTypeValue(m.documentType)),
  };
}

/** What the send path knows once the receiver's receipt is verified. */
export interface SentTransmission {
  messageId: string;
  receiptVerifiedAt: Date;
  /** Our seat id (the CN of the certificate we signed with). */
  ourSeatId: string;
  /** The receiving AP's seat id (CN of its certificate from the SMP, which signed the receipt). */
  receivingSeatId: string;
  sender: PeppolIdentifier;
  documentType: PeppolIdentifier;
  process: PeppolIdentifier;
  transportProfile?: string;
  /** The COUNTRY_C1 we put in the SBDH. */
  countryC1: string;
}

/** The record of a sent message (we are C2), or undefined when it is not counted (a report). */
export function sentTransmission(m: SentTransmission): TransmissionRecord | undefined {
  if (!isReportable(m.documentType)) return undefined;
  return {
    messageId: m.messageId,
    exchangedAt: m.receiptVerifiedAt,
    direction: 'sending',
    c2SeatId: m.ourSeatId,
    c3SeatId: m.receivingSeatId,
    documentType: m.documentType,
    process: m.process,
    transportProfile: m.transportProfile ?? AS4_TRANSPORT_PROFILE,
    c1Country: country(m.countryC1) ?? UNKNOWN_COUNTRY,
    c4Country: null,
    endUserId: normalizeParticipant(m.sender.value),
    countsEndUser: !END_USER_EXCLUDED.has(documentTypeValue(m.documentType)),
  };
}
