import type { X509Certificate } from 'node:crypto';
import { EbmsError } from '../protocol/ebms-errors.js';
import { NS } from '../protocol/namespaces.js';
import { attribute, childElements, optionalChild, requiredChild, text } from '../xml/dom.js';
import type { XmlLimits } from '../xml/safe-xml.js';
import { readSecurityHeader } from '../wss/security-header.js';
import { verifySignature } from '../wss/verify.js';
import { readSignalEnvelope, readSignalErrors, type SignalError } from './signal-reader.js';

export interface ReceiptExpectation {
  readonly sentMessageId: string;
  /** The references we signed in the UserMessage (URI and base64 digest). */
  readonly sentReferences: ReadonlyArray<{ uri: string; digestValue: string }>;
  readonly limits: XmlLimits;
  /** Throws when the receiver's signing certificate is not an acceptable Peppol AP certificate. */
  readonly checkCertificate: (certificate: X509Certificate) => Promise<void>;
  readonly maxReferences?: number;
}

export type ReplyOutcome =
  | { readonly kind: 'receipt'; readonly receiptMessageId: string; readonly signer: X509Certificate }
  | { readonly kind: 'error'; readonly errors: SignalError[]; readonly signed: boolean };

const invalid = (detail: string, cause?: unknown) => new EbmsError('EBMS:0302', detail, undefined, { cause });

/**
 * Sender side: reads the synchronous reply. A Receipt must be signed over its
 * Messaging and Body by a valid AP certificate, refer to our MessageId and repeat every reference
 * we signed with the same digest; anything else is EBMS:0302. Error signals are returned as such.
 */
export async function verifyReply(xml: Uint8Array | string, expected: ReceiptExpectation): Promise<ReplyOutcome> {
  let parsed: ReturnType<typeof readSignalEnvelope>;
  try {
    parsed = readSignalEnvelope(xml, expected.limits);
  } catch (error) {
    throw invalid(`reply is not an ebMS signal: ${(error as Error).message}`, error);
  }
  const errors = readSignalErrors(parsed.signalMessage);
  if (errors.length > 0) return { kind: 'error', errors, signed: parsed.security !== undefined };
  const receipt = optionalChild(parsed.signalMessage, NS.eb, 'Receipt');
  if (!receipt) throw invalid('signal carries neither a Receipt nor Errors');
  if (parsed.refToMessageId !== expected.sentMessageId) {
    throw invalid(`receipt refers to ${parsed.refToMessageId ?? '(nothing)'}, not to ${expected.sentMessageId}`);
  }
  let signer: X509Certificate;
  try {
    const model = readSecurityHeader(parsed.security, parsed.ids, expected.maxReferences ?? 8);
    verifySignature(model.signature, parsed.ids, () => undefined);
    const signedUris = new Set(model.signature.references.map((r) => r.uri));
    for (const [what, element] of [['Messaging', parsed.messaging], ['Body', parsed.body]] as const) {
      const id = attribute(element, NS.wsu, 'Id');
      if (!id || !signedUris.has(`#${id}`)) throw invalid(`receipt signature does not cover its ${what}`);
    }
    signer = model.signature.token.certificate;
  } catch (error) {
    if (error instanceof EbmsError && error.code === 'EBMS:0302') throw error;
    throw invalid(`receipt signature is not valid: ${(error as Error).message}`, error);
  }
  try {
    await expected.checkCertificate(signer);
  } catch (error) {
    throw invalid(`receipt signer is not acceptable: ${(error as Error).message}`, error);
  }
  const nri = optionalChild(receipt, NS.ebbp, 'NonRepudiationInformation');
  if (!nri) throw invalid('receipt has no NonRepudiationInformation');
  const returned = new Map<string, string>();
  for (const part of childElements(nri, NS.ebbp, 'MessagePartNRInformation')) {
    const ref = optionalChild(part, NS.ds, 'Reference');
    if (ref) returned.set(attribute(ref, null, 'URI') ?? '', text(requiredChild(ref, NS.ds, 'DigestValue')).replace(/\s+/g, ''));
  }
  for (const sent of expected.sentReferences) {
    const digest = returned.get(sent.uri);
    if (digest === undefined) throw invalid(`receipt does not acknowledge ${sent.uri}`);
    if (digest !== sent.digestValue.replace(/\s+/g, '')) throw invalid(`receipt digest for ${sent.uri} differs from what we signed`);
  }
  return { kind: 'receipt', receiptMessageId: parsed.messageId, signer };
}
