/**
 * Peppol BIS Order Response (T76, process ordering:3): the codes a seller answers an order with.
 * The order as a whole: `cbc:OrderResponseCode` (UNCL4343 subset of T76); each line:
 * `cac:OrderLine/cac:LineItem/cbc:LineStatusCode` (UNCL1229 subset).
 */

export const ORDER_RESPONSE_CODES = {
  /** Accepted as ordered; no lines (PEPPOL-T76-R008). */
  accepted: 'AP',
  /** Rejected as a whole; no lines (PEPPOL-T76-R009). */
  rejected: 'RE',
  /** Accepted with changes; lines tell which (PEPPOL-T76-R007). */
  conditionallyAccepted: 'CA',
  /** Received, not yet processed; no lines (PEPPOL-T76-R010). */
  acknowledged: 'AB',
} as const;
export type OrderResponseCode = (typeof ORDER_RESPONSE_CODES)[keyof typeof ORDER_RESPONSE_CODES];

export const ORDER_LINE_STATUS_CODES = {
  added: '1',
  changed: '3',
  accepted: '5',
  notAccepted: '7',
  alreadyDelivered: '42',
} as const;
export type OrderLineStatusCode = (typeof ORDER_LINE_STATUS_CODES)[keyof typeof ORDER_LINE_STATUS_CODES];

