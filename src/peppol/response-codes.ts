/**
 * Code lists of the Peppol BIS answers a back end receives: the Order Response (T76: the document's
 * `cbc:OrderResponseCode`, subset UNCL4343-T76, and a line's `cbc:LineStatusCode`, UNCL1229) and the
 * Catalogue Response (T58: `cbc:ResponseCode`, UNCL4343 subset), with what each means in plain words.
 */

/** `cac:DocumentResponse/cac:Response/cbc:ResponseCode` of a T58 Catalogue Response. */
export const CATALOGUE_RESPONSE_CODES = {
  accepted: 'AP',
  rejected: 'RE',
  /** Received; the decision follows later. */
  acknowledged: 'AB',
} as const;
export type CatalogueResponseOutcome = keyof typeof CATALOGUE_RESPONSE_CODES;

/** The outcome of a catalogue response from its code; undefined for a code outside the list. */
export function catalogueResponseOutcome(code: string): CatalogueResponseOutcome | undefined {
  const entry = Object.entries(CATALOGUE_RESPONSE_CODES).find(([, value]) => value === code.trim());
  return entry?.[0] as CatalogueResponseOutcome | undefined;
}

/** `cbc:OrderResponseCode` (UNCL4343-T76). */
export const ORDER_RESPONSE_CODES = {
  /** Accepted as ordered. */
  accepted: 'AP',
  /** Rejected as a whole. */
  rejected: 'RE',
  /** Conditionally accepted: accepted with the changes its lines give. */
  changed: 'CA',
  /** Received; the decision follows in a later response. */
  acknowledged: 'AB',
} as const;
export type OrderResponseCode = (typeof ORDER_RESPONSE_CODES)[keyof typeof ORDER_RESPONSE_CODES];
export type OrderResponseOutcome = keyof typeof ORDER_RESPONSE_CODES;

/** `cac:OrderLine/cac:LineItem/cbc:LineStatusCode` (UNCL1229) as the T76 uses it. */
export const ORDER_LINE_STATUS_CODES = {
  /** Line added by the seller. */
  added: '1',
  /** Line changed (quantity, price, delivery or item). */
  changed: '3',
  /** Accepted without amendment. */
  accepted: '5',
  /** Not accepted. */
  rejected: '7',
  /** Already delivered. */
  alreadyDelivered: '42',
} as const;
export type OrderLineStatusCode = (typeof ORDER_LINE_STATUS_CODES)[keyof typeof ORDER_LINE_STATUS_CODES];

/** What a response or line status means for one order line: kept, dropped or changed. */
export type OrderLineOutcome = 'accepted' | 'rejected' | 'changed';

/** The outcome of a whole response from its code; undefined for a code outside UNCL4343-T76. */
export function orderResponseOutcome(code: string): OrderResponseOutcome | undefined {
  const entry = Object.entries(ORDER_RESPONSE_CODES).find(([, value]) => value === code.trim());
  return entry?.[0] as OrderResponseOutcome | undefined;
}

/**
 * The outcome of one line from its status code: an added line changes the order, a line already
 * delivered stands as ordered; undefined for a code outside the list.
 */
export function orderLineOutcome(code: string): OrderLineOutcome | undefined {
  switch (code.trim()) {
    case ORDER_LINE_STATUS_CODES.accepted:
    case ORDER_LINE_STATUS_CODES.alreadyDelivered:
      return 'accepted';
    case ORDER_LINE_STATUS_CODES.rejected:
      return 'rejected';
    case ORDER_LINE_STATUS_CODES.changed:
    case ORDER_LINE_STATUS_CODES.added:
      return 'changed';
    default:
      return undefined;
  }
}
