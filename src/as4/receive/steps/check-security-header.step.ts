import { EbmsError } from '../../protocol/ebms-errors.js';
import { DomShapeError } from '../../xml/dom.js';
import { readSecurityHeader } from '../../wss/security-header.js';
import type { SenderCertificateValidator } from '../ports.js';
import type { ReceiveContext, ReceiveStep } from '../receive-context.js';
import { portFailure } from './port-failure.js';

/**
 * Step 4: WS-Security policy — only the pinned algorithms and BST direct references (else
 * EBMS:0103), every attachment encrypted (else EBMS:0102), and the signing certificate accepted by
 * the certificate validator: Peppol AP CA chain, validity, revocation (else EBMS:0101).
 */
export class CheckSecurityHeaderStep implements ReceiveStep {
  readonly name = 'check-security-header';

  constructor(
    private readonly validator: SenderCertificateValidator,
    private readonly maxReferences: number,
  ) {}

  async run(ctx: ReceiveContext): Promise<void> {
    if (!ctx.soap!.security && ctx.soap!.securityIgnored) {
      throw new EbmsError('EBMS:0101', `the message has no wsse:Security header for this receiver: ${ctx.soap!.securityIgnored}`);
    }
    let model;
    try {
      model = readSecurityHeader(ctx.soap!.security, ctx.soap!.ids, this.maxReferences);
    } catch (error) {
      if (error instanceof DomShapeError) throw new EbmsError('EBMS:0009', `wsse:Security: ${error.message}`);
      throw error;
    }
    ctx.security = model;
    // One content key per message; more would only multiply RSA work for us.
    if (model.encryptedKeys.length > 1) throw new EbmsError('EBMS:0103', `${model.encryptedKeys.length} EncryptedKeys; the profile uses exactly one`);
    if (model.encryptedData.length > ctx.header!.parts.length) {
      throw new EbmsError('EBMS:0103', 'more EncryptedData elements than payload parts');
    }
    for (const part of ctx.header!.parts) {
      const encrypted = model.encryptedData.find((d) => d.contentId === part.contentId);
      if (!encrypted) throw new EbmsError('EBMS:0102', `attachment ${part.href} is not encrypted`);
      if (!model.encryptedKeys.some((k) => k.dataReferences.includes(encrypted.id))) {
        throw new EbmsError('EBMS:0102', `no EncryptedKey lists EncryptedData ${encrypted.id}`);
      }
    }
    const certificate = model.signature.token.certificate;
    let verdict;
    try {
      verdict = await this.validator.validate(certificate, ctx.receivedAt);
    } catch (error) {
      throw portFailure('checking the sender certificate', error);
    }
    if (!verdict.valid) throw new EbmsError('EBMS:0101', `sender certificate ${certificate.subject.replace(/\n/g, ', ')} is not accepted: ${verdict.reason}`);
    ctx.senderCertificate = certificate;
  }
}
