/** What went wrong with a cart, its changes or its conversion to an order. */
export type PunchoutErrorCode =
  | 'not-a-cart'
  | 'invalid-cart'
  | 'too-many-lines'
  | 'mixed-currency'
  | 'unit-mismatch'
  | 'cart-expired'
  | 'line-expired'
  | 'complete-cart'
  | 'component-alone'
  | 'unknown-line'
  | 'invalid-change'
  | 'empty-order'
  | 'negative-total'
  | 'missing-configuration';

/**
 * A typed, specific failure: `code` for programs, `lineId` and `field` (a UBL path relative to the
 * cart or order) for people fixing the input.
 */
export class PunchoutError extends Error {
  override name = 'PunchoutError';

  constructor(
    readonly code: PunchoutErrorCode,
    message: string,
    readonly details: { lineId?: string; field?: string } = {},
  ) {
    super(
      [details.lineId !== undefined ? `line ${details.lineId}` : undefined, details.field, message]
        .filter(Boolean)
        .join(': '),
    );
  }

  get lineId(): string | undefined {
    return this.details.lineId;
  }

  get field(): string | undefined {
    return this.details.field;
  }
}
