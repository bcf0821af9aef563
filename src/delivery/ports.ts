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
