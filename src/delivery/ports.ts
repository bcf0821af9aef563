/** What the delivery stage hands to the AS4 sender when a supplier's route says "onward over AS4". */
export interface OnwardAs4Request {
  /** The produced document's message (e.g. the order), in state `created`. */
  messageId: string;
  /** Participant id of the supplier (C4), `scheme:value`. */
  supplierId: string;
  documentTypeId: string | null;
  /** The AS4 route that chose this way; null when the document goes back over Peppol as a matter of course (a catalogue response). */
  routeId: string | null;
}

/**
 * Sends a produced document onward to the supplier's own access point over AS4. Bound by the AS4
 * sending module; it owns the message's states from `created` on (`sending` → `sent` | `send-failed`).
 * Resolves once the send is durably scheduled, not when it is done.
 */
export abstract class OutboundAs4Sender {
  abstract sendOnward(request: OnwardAs4Request): Promise<void>;
}

/** What became of a received document at its back end. */
export type ReceivedDocumentFate =
  /** The back end took it (every webhook route answered 2xx). */
  | { kind: 'handed-over'; confirmed: boolean }
  /** It could not be handed over, for good (no readable document, deliveries failed after their retries). */
  | { kind: 'undeliverable'; reason: string };

/**
 * Hears when a received document's fate at its back end is known, so its sender's access point can
 * be told (Message Level Status). Bound by the MLS module in the worker; optional. Safe to call again
 * for the same document: the listener keeps what it decided.
 */
export abstract class ReceivedDocumentFates {
  abstract fateKnown(messageId: string, fate: ReceivedDocumentFate): Promise<void>;
}

/**
 * Hears when an outbound send is settled (`sent` with its receipt, or `send-failed` for good), to
 * tell the sending participant's back end. Bound by this module, called by the AS4 sending module
 * after the message's state is committed; safe to call again (one event per send run). It reads
 * what to say from the message, and never fails the send for a report it cannot make from the data.
 */
export abstract class SendOutcomeReports {
  abstract sendSettled(messageId: string): Promise<void>;
}
