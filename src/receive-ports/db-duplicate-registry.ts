import { Injectable } from '@nestjs/common';
import { DuplicateRegistry, type EarlierAcceptance, type MessageKey } from '../as4/receive/ports.js';
import { Database } from '../database/database.js';
import { MessageRepository } from '../messages/message-repository.js';

/**
 * Duplicate detection in the database, shared by every API process: the receipt answered for each
 * (sending AP, MessageId) is kept for the window (written by the store in the commit that records
 * the message), so a retry gets the same answer.
 */
@Injectable()
export class DbDuplicateRegistry extends DuplicateRegistry {
  constructor(
    private readonly db: Database,
    private readonly messages: MessageRepository,
  ) {
    super();
  }

  async find(key: MessageKey, at: Date): Promise<EarlierAcceptance | undefined> {
    const [kept] = await this.db.query<{ receipt: Uint8Array }>(
      `SELECT receipt FROM as4_receipts WHERE sending_ap = $1 AND message_id = $2 AND keep_until >= $3`,
      [key.senderPartyId, key.messageId, at.toISOString()],
    );
    // A first delivery ends here; only a duplicate costs the second read, for its record.
    if (!kept) return undefined;
    const message = await this.messages.findInbound(key.senderPartyId, key.messageId);
    return message ? { storedMessageId: message.id, receipt: Buffer.from(kept.receipt), awaitingProcessing: message.state === 'received' } : undefined;
  }

  /** Forgets receipts past their window (housekeeping); the message records stay. */
  async purge(now: Date): Promise<number> {
    const rows = await this.db.query(`DELETE FROM as4_receipts WHERE keep_until < $1 RETURNING message_id`, [now.toISOString()]);
    return rows.length;
  }
}
