import { EbmsError } from '../../protocol/ebms-errors.js';
import { NS } from '../../protocol/namespaces.js';
import { attribute } from '../../xml/dom.js';
import type { XmlLimits } from '../../xml/safe-xml.js';
import { UnsafeXmlError } from '../../xml/safe-xml.js';
import { attachmentContentDigest } from '../../wss/attachment-digest.js';
import { verifySignature } from '../../wss/verify.js';
import { contentIdFromCidUri } from '../../mime/media-type.js';
import type { ReceiveContext, ReceiveStep } from '../receive-context.js';

/**
 * Step 6: verifies the signature over eb:Messaging, the Body and every attachment (digest of the
 * decrypted, still compressed octets per the Attachment-Content-Signature-Transform). A valid
 * signature that leaves any of them out is a forgery attempt: EBMS:0101.
 */
export class VerifySignatureStep implements ReceiveStep {
  readonly name = 'verify-signature';

  constructor(private readonly xmlAttachmentLimits: XmlLimits) {}

  async run(ctx: ReceiveContext): Promise<void> {
    const { signature } = ctx.security!;
    const soap = ctx.soap!;
    const attachmentDigests = new Map<string, Buffer>();
    for (const ref of signature.references) {
      if (ref.kind !== 'attachment') continue;
      const contentId = contentIdFromCidUri(ref.uri);
      const decrypted = contentId === undefined ? undefined : ctx.decrypted.get(contentId);
      if (!decrypted) throw new EbmsError('EBMS:0101', `signed attachment ${ref.uri} is not an encrypted attachment of this message`);
      try {
        attachmentDigests.set(ref.uri, await attachmentContentDigest(decrypted.content, decrypted.mimeType, decrypted.sha256, this.xmlAttachmentLimits));
      } catch (error) {
        if (error instanceof UnsafeXmlError || error instanceof RangeError) {
          throw new EbmsError('EBMS:0101', `attachment ${ref.uri} cannot be canonicalised for its digest: ${error.message}`);
        }
        throw error;
      }
    }
    verifySignature(signature, soap.ids, (uri) => attachmentDigests.get(uri));

    const signed = new Set(signature.references.map((r) => r.uri));
    const required: Array<[string, string | undefined]> = [
      ['eb:Messaging', attribute(soap.messaging, NS.wsu, 'Id') ?? attribute(soap.messaging, null, 'Id')],
      ['S12:Body', attribute(soap.body, NS.wsu, 'Id') ?? attribute(soap.body, null, 'Id')],
    ];
    for (const [what, id] of required) {
      if (!id || !signed.has(`#${id}`)) throw new EbmsError('EBMS:0101', `${what} is not covered by the signature`);
    }
    for (const part of ctx.header!.parts) {
      const covered = signature.references.some((r) => r.kind === 'attachment' && contentIdFromCidUri(r.uri) === part.contentId);
      if (!covered) throw new EbmsError('EBMS:0101', `attachment ${part.href} is not covered by the signature`);
    }
    ctx.senderAuthenticated = true;
  }
}
