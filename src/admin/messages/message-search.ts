import { Injectable } from '@nestjs/common';
import { MessageRepository, type MessageQuery, type MessageRecord } from '../../messages/message-repository.js';
import type { CursorPosition } from '../http/cursor.js';

export type MessageFilter = Omit<MessageQuery, 'after'> & { after?: CursorPosition };

/** Read-side listing of messages, newest first, for the admin API. */
@Injectable()
export class MessageSearch {
  constructor(private readonly messages: MessageRepository) {}

  /** `limit + 1` records (so the caller can tell whether another page exists), each with its cursor position. */
  async search(filter: MessageFilter): Promise<Array<{ record: MessageRecord; position: CursorPosition }>> {
    const found = await this.messages.search(filter);
    return found.map(({ record, createdAt }) => ({ record, position: { at: createdAt, id: record.id } }));
  }
}
