import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';
import type { MessageState } from '../messages/message-states.js';
import type { PendingMessage } from './pending-work.js';

export interface PendingRow extends PendingMessage {
  updatedAt: Date;
  requeues: number;
  /** Position of the row in the scan (updated_at exact to the microsecond, as the database keeps it). */
  cursor: PendingCursor;
}

/** Where a pass stopped: the next page starts after this (updated_at as database text, id). */
export interface PendingCursor {
  updatedAt: string;
  id: string;
}

type Row = {
  id: string;
  direction: string;
  kind: string;
  state: MessageState;
  transaction: string | null;
  related_message_id: string | null;
  updated_at: string | Date;
  exact_updated_at: string;
  requeues: string | number | null;
};

/** Reads messages in reconciled states page by page, oldest change first, with only the columns the reconciler needs. */
@Injectable()
export class PendingMessages {
  constructor(private readonly db: Database) {}

  async page(states: readonly MessageState[], changedBefore: Date, after: PendingCursor | null, limit: number): Promise<PendingRow[]> {
    const rows = await this.db.query<Row>(
      `SELECT id, direction, kind, state, attributes->>'transaction' AS transaction, related_message_id, updated_at, updated_at::text AS exact_updated_at,
              attributes->'reconciler'->>'requeues' AS requeues
         FROM messages
        WHERE state = ANY($1::text[]) AND updated_at < $2
          AND ($3::timestamptz IS NULL OR (updated_at, id) > ($3::timestamptz, $4::uuid))
        ORDER BY updated_at, id
        LIMIT $5`,
      [states as string[], changedBefore.toISOString(), after?.updatedAt ?? null, after?.id ?? null, limit],
    );
    return rows.map((r) => ({
      id: String(r.id),
      direction: r.direction,
      kind: r.kind,
      state: r.state,
      transaction: r.transaction ?? null,
      relatedMessageId: r.related_message_id == null ? null : String(r.related_message_id),
      updatedAt: new Date(r.updated_at),
      requeues: r.requeues == null ? 0 : Number(r.requeues),
      cursor: { updatedAt: r.exact_updated_at, id: String(r.id) },
    }));
  }
}
