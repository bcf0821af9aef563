import { commonName } from '../../crypto/certificates.js';
import { EbmsError } from '../../protocol/ebms-errors.js';
import type { AccessPointKeys } from '../ports.js';
import type { ReceiveContext, ReceiveStep } from '../receive-context.js';
import { readUserMessage } from '../user-message.js';

/**
 * Step 3: the Peppol ebMS header rules and the PartInfo ↔ MIME part mapping:
 * every PartInfo names an attachment (else EBMS:0011), every attachment is listed (else EBMS:0007),
 * and the SBD is the first attachment.
 */
export class PeppolHeaderStep implements ReceiveStep {
  readonly name = 'peppol-header';

  constructor(
    private readonly keys: AccessPointKeys,
    private readonly checkToParty: boolean,
  ) {}

  async run(ctx: ReceiveContext): Promise<void> {
    const header = readUserMessage(ctx.soap!.userMessage);
    ctx.header = header;
    if (this.checkToParty) {
      const ours = commonName(this.keys.signing().certificate);
      if (ours !== undefined && header.toPartyId.toLowerCase() !== ours.toLowerCase()) {
        throw new EbmsError('EBMS:0010', `To/PartyId ${header.toPartyId} is not this access point (${ours})`);
      }
    }
    for (const part of header.parts) {
      if (!ctx.attachments.some((a) => a.contentId === part.contentId)) {
        throw new EbmsError('EBMS:0011', `PartInfo ${part.href} names no MIME part of this message`);
      }
    }
    for (const attachment of ctx.attachments) {
      if (!header.parts.some((p) => p.contentId === attachment.contentId)) {
        throw new EbmsError('EBMS:0007', `MIME part <${attachment.contentId}> is not listed in PayloadInfo`, undefined, { httpStatus: 400 });
      }
    }
    if (ctx.attachments[0]!.contentId !== header.parts[0]!.contentId) {
      throw new EbmsError('EBMS:0007', 'the SBD must be the first MIME attachment after the SOAP part', undefined, { httpStatus: 400 });
    }
  }
}
