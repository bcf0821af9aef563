/**
 * Peppol Reporting (TSR 1.0 / EUSR 1.1, mandatory since 2024-01-01): the facts an access point
 * needs to record its transmissions and to build, address and send the two monthly reports.
 * The transactions themselves are rows of transactions.ts (`TRANSACTIONS.transactionStatisticsReport`,
 * `TRANSACTIONS.endUserStatisticsReport`).
 */
import { IDENTIFIER_SCHEMES } from './identifiers.js';

/** OpenPeppol AISBL: the only receiver of TSR and EUSR (production network). */
export const REPORTING_RECEIVER = `${IDENTIFIER_SCHEMES.participant}::9925:be0848934496`;

/** `@schemeID` of `ReporterID` and of the `SP` subtotal keys: the value is the CN of an AP certificate (a seat id). */
export const REPORTER_ID_SCHEME = 'CertSubjectCN';

/** C1 country when a received SBDH has no `COUNTRY_C1` (TSR allows it since schematron 1.0.4; EUSR does not). */
export const UNKNOWN_COUNTRY = 'ZZ';

/** Subtotal types of a TSR, in the order we write them. */
export const TSR_SUBTOTAL_TYPES = {
  perTransportProfile: 'PerTP',
  perProviderDocumentProcess: 'PerSP-DT-PR',
  /** Incoming only: a sending AP cannot know C4's country. */
  perProviderDocumentProcessCountries: 'PerSP-DT-PR-CC',
} as const;

/** Subset types of an EUSR, in the order we write them. */
export const EUSR_SUBSET_TYPES = {
  perDocumentProcess: 'PerDT-PR',
  perDocumentProcessCountry: 'PerDT-PR-EUC',
  perDocumentCountry: 'PerDT-EUC',
  perCountry: 'PerEUC',
} as const;

/** `metaSchemeID` of report keys, with the fixed `schemeID`s that go with them. */
export const REPORT_KEYS = {
  transportProfile: { metaSchemeID: 'TP', schemeID: 'Peppol' },
  serviceProvider: { metaSchemeID: 'SP', schemeID: REPORTER_ID_SCHEME },
  /** schemeID: the document type scheme of the transmission. */
  documentType: { metaSchemeID: 'DT' },
  /** schemeID: the process scheme of the transmission. */
  process: { metaSchemeID: 'PR' },
  senderCountry: { metaSchemeID: 'CC', schemeID: 'SenderCountry' },
  receiverCountry: { metaSchemeID: 'CC', schemeID: 'ReceiverCountry' },
  endUserCountry: { metaSchemeID: 'CC', schemeID: 'EndUserCountry' },
} as const;

/** Which way a counted transmission went, seen from this access point. */
export type ReportingDirection = 'sending' | 'receiving';

/**
 * Last day of the submission window: reports for a month are sent between day 1 and day 15 of the
 * next one; OpenPeppol ignores later ones, and of several for one period only the latest counts.
 */
export const REPORTING_LAST_DAY = 15;
/** Default day of the month the reports of the previous month are sent (as phoss-ap does). */
export const REPORTING_DEFAULT_DAY = 2;

/**
 * Countries the report rules accept (schematron `let` lists): ISO 3166-1 alpha-2 plus `EL`
 * (Greece), `XK` and `1A` (Kosovo) and `XI` (Northern Ireland); the TSR also accepts `ZZ`.
 */
const ISO_3166_ALPHA_2 =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW';
const REPORT_COUNTRIES = new Set([...ISO_3166_ALPHA_2.split(' '), 'EL', 'XK', '1A', 'XI']);

/** Whether an EUSR may name this end-user country (no `ZZ`). */
export function isEusrCountry(code: string): boolean {
  return REPORT_COUNTRIES.has(code);
}

/** Whether a TSR may name this sender or receiver country (`ZZ` allowed). */
export function isTsrCountry(code: string): boolean {
  return code === UNKNOWN_COUNTRY || REPORT_COUNTRIES.has(code);
}
