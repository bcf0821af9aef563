import { Injectable } from '@nestjs/common';
import { Database } from '../../database/database.js';
import type { Direction, MessageRecord } from '../../messages/message-repository.js';
import { MessageRepository } from '../../messages/message-repository.js';
import type { MessageState } from '../../messages/message-states.js';
import { CURSOR_AT_SQL, type CursorPosition } from '../http/cursor.js';

export interface MessageFilter {
  direction?: Direction;
  state?: MessageState;
  kind?: string;
  sender?: string;
  receiver?: string;
  documentType?: string;
  from?: Date;
  to?: Date;
  /** Substring of the message id, AS4 message id, conversation id, SBDH instance id, order number or cart id. */
  q?: string;
  after?: CursorPosition;
  limit: number;
}

/** `%` and `_` in a search term are literal, not wildcards. */
function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Read-side listing of messages, newest first, for the admin API. Every value is a bound parameter;
 * only fixed column names are ever spliced into the SQL.
 */
@Injectable()
export class MessageSearch {
  constructor(
    private readonly db: Database,
    private readonly messages: MessageRepository,
  ) {}

  /** `limit + 1` rows (so the caller can tell whether another page exists), each with its cursor position. */
  async search(filter: MessageFilter): Promise<Array<{ record: MessageRecord; position: CursorPosition }>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const bind = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.direction) where.push(`direction = ${bind(filter.direction)}`);
    if (filter.state) where.push(`state = ${bind(filter.state)}`);
    if (filter.kind) where.push(`kind = ${bind(filter.kind)}`);
    if (filter.sender) where.push(`sender_id = ${bind(filter.sender)}`);
    if (filter.receiver) where.push(`receiver_id = ${bind(filter.receiver)}`);
    if (filter.documentType) where.push(`document_type_id = ${bind(filter.documentType)}`);
    if (filter.from) where.push(`created_at >= ${bind(filter.from.toISOString())}::timestamptz`);
    if (filter.to) where.push(`created_at < ${bind(filter.to.toISOString())}::timestamptz`);
    if (filter.q) {
      const term = bind(`%${escapeLike(filter.q)}%`);
      where.push(
        `(id::text ILIKE ${term} ESCAPE '\\' OR as4_message_id ILIKE ${term} ESCAPE '\\' OR conversation_id ILIKE ${term} ESCAPE '\\' OR sbdh_instance_id ILIKE ${term} ESCAPE '\\'
          OR attributes->>'orderNumber' ILIKE ${term} ESCAPE '\\' OR attributes->>'cartId' ILIKE ${term} ESCAPE '\\')`,
      );
    }
    if (filter.after) where.push(`(created_at, id) < (${bind(filter.after.at)}::timestamptz, ${bind(filter.after.id)}::uuid)`);
    const rows = await this.db.query<{ id: string; cursor_at: string }>(
      `SELECT id, ${CURSOR_AT_SQL('created_at')} AS cursor_at FROM messages
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY created_at DESC, id DESC LIMIT ${bind(filter.limit + 1)}`,
      params,
    );
    // Records are read through the repository (one mapping of rows to records), concurrently.
    const records = await Promise.all(rows.map((row) => this.messages.find(String(row.id))));
    return rows.flatMap((row, i) => (records[i] ? [{ record: records[i], position: { at: String(row.cursor_at), id: String(row.id) } }] : []));
  }
}
