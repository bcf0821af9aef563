import { Decimal as DecimalBase } from 'decimal.js';

/**
 * Decimal arithmetic for money and quantities: enough precision that a division by a price base
 * quantity never loses a cent, and half-up rounding as the Peppol BIS rules expect.
 */
export const Decimal = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

const DECIMAL_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** True when `value` is a plain XSD decimal (no exponent, no spaces, no thousands separators). */
export function isDecimalText(value: string): boolean {
  return DECIMAL_TEXT.test(value) && value.length <= 40;
}

/** A Decimal from a checked decimal string. */
export function toDecimal(value: string): Decimal {
  if (!isDecimalText(value)) throw new RangeError(`not a decimal number: "${value}"`);
  return new Decimal(value);
}

/** An amount as the BIS wants it: rounded half-up to 2 decimals, always with 2 decimals. */
export function formatAmount(value: Decimal): string {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/** Number of digits after the decimal point as written. */
export function decimalPlaces(value: string): number {
  const dot = value.indexOf('.');
  return dot < 0 ? 0 : value.length - dot - 1;
}
