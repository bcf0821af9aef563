import { Inject, Injectable } from '@nestjs/common';
import { type DuplicateClaim, DuplicateRegistry, type MessageKey } from '../as4/inbound/ports.js';
import type { ConfigOf } from '../config/define-config.js';
import { Database } from '../database/database.js';
import { inboundConfig } from './inbound.config.js';

/**
 * Duplicate detection in the database, shared by every API process: one claim per (sending AP,
 * MessageId). A finished claim keeps its receipt for the window, so a retry gets the same answer.
 */
@Injectable()
export class DbDuplicateRegistry extends DuplicateRegistry {
  constructor(
    private readonly db: Database,
    @Inject(inboundConfig.KEY) private readonly cfg: ConfigOf<typeof inboundConfig>,
  ) {
    super();
  }

  async claim(key: MessageKey, receivedAt: Date): Promise<DuplicateClaim> {
    const staleBefore = new Date(receivedAt.getTime() - this.cfg.claimTimeoutMs);
    const taken = await this.db.query(
      `INSERT INTO as4_receipts (sending_ap, message_id, state, claimed_at) VALUES ($1, $2, 'in-progress', $3)
       ON CONFLICT (sending_ap, message_id) DO UPDATE SET state = 'in-progress', claimed_at = $3, receipt = NULL, keep_until = NULL
         WHERE (as4_receipts.state = 'done' AND as4_receipts.keep_until < $3)
            OR (as4_receipts.state = 'in-progress' AND as4_receipts.claimed_at < $4)
       RETURNING state`,
      [key.senderPartyId, key.messageId, receivedAt.toISOString(), staleBefore.toISOString()],
    );
    if (taken.length > 0) return { status: 'new' };
    const [existing] = await this.db.query<{ state: string; receipt: Uint8Array | null }>(
      `SELECT state, receipt FROM as4_receipts WHERE sending_ap = $1 AND message_id = $2`,
      [key.senderPartyId, key.messageId],
    );
    if (existing?.state === 'done' && existing.receipt) return { status: 'duplicate', receipt: Buffer.from(existing.receipt) };
    return { status: 'in-progress' };
  }

  async complete(key: MessageKey, receipt: Buffer, keepUntil: Date): Promise<void> {
    await this.db.query(
      `UPDATE as4_receipts SET state = 'done', receipt = $3, keep_until = $4 WHERE sending_ap = $1 AND message_id = $2`,
      [key.senderPartyId, key.messageId, receipt, keepUntil.toISOString()],
    );
  }

  async release(key: MessageKey): Promise<void> {
    await this.db.query(`DELETE FROM as4_receipts WHERE sending_ap = $1 AND message_id = $2 AND state = 'in-progress'`, [key.senderPartyId, key.messageId]);
  }

  /** Forgets finished claims past their window (housekeeping). */
  async purge(now: Date): Promise<number> {
    const rows = await this.db.query(`DELETE FROM as4_receipts WHERE state = 'done' AND keep_until < $1 RETURNING message_id`, [now.toISOString()]);
    return rows.length;
  }
}
