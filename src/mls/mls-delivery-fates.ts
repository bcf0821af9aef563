import { Injectable } from '@nestjs/common';
import { ReceivedDocumentFates, type ReceivedDocumentFate } from '../delivery/ports.js';
import { MlsResponder } from './mls-responder.js';

/**
 * The delivery flow's ReceivedDocumentFates port: once a received document is handed to its back end
 * (every webhook answered 2xx: AP) or cannot be (RE with a delivery failure), its sender's access
 * point is told by a Message Level Status, as the punch-out and catalogue flows do for theirs.
 */
@Injectable()
export class MlsDeliveryFates extends ReceivedDocumentFates {
  constructor(private readonly responder: MlsResponder) {
    super();
  }

  fateKnown(messageId: string, fate: ReceivedDocumentFate): Promise<void> {
    return this.responder.fateKnown(messageId, fate);
  }
}
