import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { As4Sender } from '../outbound/as4-sender.js';
import { ParticipantRepository } from '../participants/participant-repository.js';
import { mainIdOfSeat, SPIS_ICD, transactionRegistry, TRANSACTIONS } from '../peppol/index.js';

/**
 * Serves our own SPIS participant (`0242:` + our seat's six digits) for the MLS document type, so
 * the statuses other access points send about our documents are received. Added at start when
 * missing; an existing entry keeps what an operator gave it and gains the MLS document type.
 */
@Injectable()
export class OwnSpisParticipant implements OnApplicationBootstrap {
  private readonly logger = new Logger('OwnSpisParticipant');

  constructor(
    private readonly participants: ParticipantRepository,
    private readonly sender: As4Sender,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const mainId = mainIdOfSeat(this.sender.partyId());
    if (!mainId) {
      this.logger.warn(`our certificate CN ${JSON.stringify(this.sender.partyId().slice(0, 64))} is not a Peppol seat id: no SPIS participant served, no MLS received`);
      return;
    }
    await this.ensure(`${SPIS_ICD}:${mainId}`);
  }

  /** Makes sure the participant exists, is served and accepts MLS; returns its id. */
  async ensure(participantId: string): Promise<string> {
    const mls = transactionRegistry.acceptedDocuments([TRANSACTIONS.messageLevelStatus]);
    const existing = await this.participants.get(participantId);
    const documents = existing?.documents ?? [];
    const missing = mls.filter((d) => !documents.some((e) => e.documentTypeId === d.documentTypeId && e.processId === d.processId));
    if (existing && missing.length === 0) return existing.id;
    const saved = await this.participants.upsert(participantId, {
      name: existing?.name || 'This access point (Message Level Status)',
      enabled: existing?.enabled ?? true,
      documents: [...documents, ...missing.map(({ documentTypeId, processId }) => ({ documentTypeId, processId }))],
    });
    this.logger.log(`serving ${saved.id} for Message Level Status`);
    return saved.id;
  }
}
