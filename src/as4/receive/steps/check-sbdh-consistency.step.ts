import { EbmsError } from '../../protocol/ebms-errors.js';
import { formatSchemeAndValue, sameIdentifier, sameParticipant, type PeppolIdentifier } from '../../../peppol/index.js';
import type { ReceiveContext, ReceiveStep } from '../receive-context.js';

/**
 * Step 9: the SBDH must agree with the ebMS header: Sender = originalSender,
 * Receiver = finalRecipient, DOCUMENTID = Action, PROCESSID = Service. Mismatch → EBMS:0003.
 */
export class CheckSbdhConsistencyStep implements ReceiveStep {
  readonly name = 'check-sbdh-consistency';

  async run(ctx: ReceiveContext): Promise<void> {
    const h = ctx.header!;
    const s = ctx.sbdh!;
    const pairs: Array<[string, PeppolIdentifier, PeppolIdentifier, boolean]> = [
      ['SBDH Sender vs originalSender', s.sender, h.originalSender, sameParticipant(s.sender, h.originalSender)],
      ['SBDH Receiver vs finalRecipient', s.receiver, h.finalRecipient, sameParticipant(s.receiver, h.finalRecipient)],
      ['SBDH DOCUMENTID vs Action', s.documentType, h.action, sameIdentifier(s.documentType, h.action)],
      ['SBDH PROCESSID vs Service', s.process, h.service, sameIdentifier(s.process, h.service)],
    ];
    for (const [what, inSbdh, inHeader, same] of pairs) {
      if (!same) {
        throw new EbmsError('EBMS:0003', `${what} differ: ${formatSchemeAndValue(inSbdh)} ≠ ${formatSchemeAndValue(inHeader)}`);
      }
    }
  }
}
