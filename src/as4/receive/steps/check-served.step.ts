import { EbmsError, PEPPOL_ERROR_DETAIL } from '../../protocol/ebms-errors.js';
import { formatSchemeAndValue } from '../../../peppol/index.js';
import type { ParticipantDirectory } from '../ports.js';
import type { ReceiveContext, ReceiveStep } from '../receive-context.js';
import { portFailure } from './port-failure.js';

/** Step 10: the final recipient must be served by us for this document type and process. */
export class CheckServedStep implements ReceiveStep {
  readonly name = 'check-served';

  constructor(private readonly directory: ParticipantDirectory) {}

  async run(ctx: ReceiveContext): Promise<void> {
    const h = ctx.header!;
    let lookup;
    try {
      lookup = await this.directory.lookup({ participant: h.finalRecipient, documentType: h.action, process: h.service });
    } catch (error) {
      throw portFailure('looking up the recipient', error);
    }
    if (lookup === 'served') return;
    const description =
      lookup === 'unknown-participant'
        ? `participant ${formatSchemeAndValue(h.finalRecipient)} is not served by this access point`
        : `participant ${formatSchemeAndValue(h.finalRecipient)} does not accept ${formatSchemeAndValue(h.action)} in process ${h.service.value}`;
    throw new EbmsError('EBMS:0004', PEPPOL_ERROR_DETAIL.notServiced, undefined, { description });
  }
}
