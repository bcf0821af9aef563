import { Injectable } from '@nestjs/common';
import { DuplicateRegistry, type EarlierAcceptance, type MessageKey } from '../as4/receive/ports.js';
import { Database } from '../database/database.js';

/**
 * Duplicate detection in the database, shared by every API process: the receipt answered for each
 * (sending AP, MessageId) is kept for the window (written by the store in the commit that records
 * the message), so a retry gets the same answer.
 */
@Injectable()
export class DbDuplicateRegistry extends DuplicateRegistry {
  constructor(private readonly db: Database) {
    super();
  }

  async find(key: MessageKey, at: Date): Promise<EarlierAcceptance | undefined> {
    const [row] = await this.db.query<{ id: string; state: string; receipt: Uint8Array }>(
      `SELECT m.id, m.state, r.receipt FROM as4_receipts r
         JOIN messages m ON m.direction = 'inbound' AND m.sending_ap = r.sending_ap AND m.as4_message_id = r.message_id
        WHERE r.sending_ap = $1 AND r.message_id = $2 AND r.keep_until >= $3`,
      [key.senderPartyId, key.messageId, at.toISOString()],
    );
    return row ? { storedMessageId: row.id, receipt: Buffer.from(row.receipt), awaitingProcessing: row.state === 'received' } : undefined;
  }

  /** Forgets receipts past their window (housekeeping); the message records stay. */
  async purge(now: Date): Promise<number> {
    const rows = await this.db.query(`DELETE FROM as4_receipts WHERE keep_until < $1 RETURNING message_id`, [now.toISOString()]);
    return rows.length;
  }
}
