import type { EbmsError } from '../protocol/ebms-errors.js';
import { signalEnvelope, type SignalSigner } from './signal-envelope.js';

export interface ErrorSignalToBuild {
  readonly errors: readonly EbmsError[];
  /** MessageId of the message in error, when it could be read. */
  readonly refToMessageId?: string;
  /** Given when the request was trustworthy enough to sign the reply. */
  readonly signer?: SignalSigner;
  readonly now: Date;
  readonly messageIdDomain: string;
}

/** Control characters copied from the input into a description are shown as `\xNN`, never sent as such. */
function visible(text: string): string {
  return text.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** ebMS Error signal: ErrorDetail is an element, never an attribute. */
export async function buildErrorSignal(input: ErrorSignalToBuild): Promise<{ xml: string; messageId: string }> {
  const envelope = signalEnvelope({ now: input.now, refToMessageId: input.refToMessageId, messageIdDomain: input.messageIdDomain });
  const { b } = envelope;
  for (const error of input.errors) {
    const d = error.definition;
    envelope.signalMessage.appendChild(
      b.el(
        'eb:Error',
        {
          errorCode: d.code,
          severity: d.severity,
          category: d.category,
          shortDescription: d.shortDescription,
          origin: d.origin,
          refToMessageInError: error.refToMessageId ?? input.refToMessageId,
        },
        b.el('eb:Description', { 'xml:lang': 'en' }, visible(error.description)),
        b.el('eb:ErrorDetail', {}, visible(error.detail)),
      ),
    );
  }
  return { xml: await envelope.finish(input.signer), messageId: envelope.messageId };
}
