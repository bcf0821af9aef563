/**
 * Typed failures of routes, deliveries and replays. `code` is stable for programs; the admin API
 * maps `status` and the message into problem+json.
 */
export type DeliveryErrorCode =
  | 'invalid-route'
  | 'unknown-supplier'
  | 'route-not-found'
  | 'route-conflict'
  | 'route-in-use'
  | 'delivery-not-found'
  | 'delivery-in-progress'
  | 'invalid-replay'
  | 'message-not-deliverable';

const STATUS: Record<DeliveryErrorCode, number> = {
  'invalid-route': 400,
  'unknown-supplier': 422,
  'route-not-found': 404,
  'route-conflict': 409,
  'route-in-use': 409,
  'delivery-not-found': 404,
  'delivery-in-progress': 409,
  'invalid-replay': 400,
  'message-not-deliverable': 409,
};

export class DeliveryError extends Error {
  override name = 'DeliveryError';

  constructor(
    readonly code: DeliveryErrorCode,
    message: string,
    /** The request field at fault, when one is (e.g. `url`, `supplierId`). */
    readonly field?: string,
  ) {
    super(message);
  }

  /** The HTTP status that fits this failure. */
  get status(): number {
    return STATUS[this.code];
  }
}
