import { signalEnvelope, type SignalSigner } from './signal-envelope.js';

export interface ReceiptToBuild {
  readonly refToMessageId: string;
  /** The ds:Reference elements of the received message's SignedInfo, copied unchanged. */
  readonly receivedReferences: readonly Element[];
  readonly signer: SignalSigner;
  readonly now: Date;
  readonly messageIdDomain: string;
}

/** Signed non-repudiation Receipt: one MessagePartNRInformation per received ds:Reference. */
export async function buildReceipt(input: ReceiptToBuild): Promise<{ xml: string; messageId: string }> {
  const envelope = signalEnvelope({ now: input.now, refToMessageId: input.refToMessageId, messageIdDomain: input.messageIdDomain });
  const { b } = envelope;
  const nri = b.el('ebbp:NonRepudiationInformation');
  for (const reference of input.receivedReferences) {
    nri.appendChild(b.el('ebbp:MessagePartNRInformation', {}, b.doc.importNode(reference, true) as Element));
  }
  envelope.signalMessage.appendChild(b.el('eb:Receipt', {}, nri));
  return { xml: await envelope.finish(input.signer), messageId: envelope.messageId };
}
