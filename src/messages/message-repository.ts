import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { Database, type SqlExecutor } from '../database/database.js';
import { canTransition, MESSAGE_STATES, type MessageState } from './message-states.js';

export type Direction = 'inbound' | 'outbound' | 'internal';

export interface MessageRecord {
  id: string;
  direction: Direction;
  kind: string;
  state: MessageState;
  as4MessageId: string | null;
  conversationId: string | null;
  sendingAp: string | null;
  receivingAp: string | null;
  senderId: string | null;
  receiverId: string | null;
  documentTypeId: string | null;
  processId: string | null;
  sbdhInstanceId: string | null;
  countryC1: string | null;
  rawSha256: string | null;
  payloadSha256: string | null;
  payloadSize: number | null;
  signalSha256: string | null;
  relatedMessageId: string | null;
  validation: unknown;
  failure: unknown;
  attributes: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewMessage {
  id?: string;
  direction: Direction;
  kind: string;
  state: MessageState;
  as4MessageId?: string | null;
  conversationId?: string | null;
  sendingAp?: string | null;
  receivingAp?: string | null;
  senderId?: string | null;
  receiverId?: string | null;
  documentTypeId?: string | null;
  processId?: string | null;
  sbdhInstanceId?: string | null;
  countryC1?: string | null;
  rawSha256?: string | null;
  payloadSha256?: string | null;
  payloadSize?: number | null;
  signalSha256?: string | null;
  relatedMessageId?: string | null;
  attributes?: Record<string, unknown>;
}

export interface TimelineEvent {
  id: string;
  at: Date;
  fromState: MessageState | null;
  toState: MessageState;
  actor: string;
  reason: string | null;
  data: unknown;
}

export interface MessageDocument {
  role: string;
  sha256: string;
  mediaType: string;
  size: number;
}

/** The transition was refused: the message is not in a state that allows it (or it changed meanwhile). */
export class StateConflictError extends Error {
  override name = 'StateConflictError';
  constructor(
    readonly messageId: string,
    readonly from: string | null,
    readonly to: string,
  ) {
    super(`message ${messageId} cannot go from ${from ?? 'nowhere'} to ${to}`);
  }
}

export class MessageNotFoundError extends Error {
  override name = 'MessageNotFoundError';
}

type Row = Record<string, unknown>;

function toRecord(r: Row): MessageRecord {
  return {
    id: String(r.id),
    direction: r.direction as Direction,
    kind: String(r.kind),
    state: r.state as MessageState,
    as4MessageId: (r.as4_message_id as string) ?? null,
    conversationId: (r.conversation_id as string) ?? null,
    sendingAp: (r.sending_ap as string) ?? null,
    receivingAp: (r.receiving_ap as string) ?? null,
    senderId: (r.sender_id as string) ?? null,
    receiverId: (r.receiver_id as string) ?? null,
    documentTypeId: (r.document_type_id as string) ?? null,
    processId: (r.process_id as string) ?? null,
    sbdhInstanceId: (r.sbdh_instance_id as string) ?? null,
    countryC1: (r.country_c1 as string) ?? null,
    rawSha256: (r.raw_sha256 as string) ?? null,
    payloadSha256: (r.payload_sha256 as string) ?? null,
    payloadSize: r.payload_size == null ? null : Number(r.payload_size),
    signalSha256: (r.signal_sha256 as string) ?? null,
    relatedMessageId: (r.related_message_id as string) ?? null,
    validation: r.validation ?? null,
    failure: r.failure ?? null,
    attributes: (r.attributes as Record<string, unknown>) ?? {},
    createdAt: new Date(r.created_at as string),
    updatedAt: new Date(r.updated_at as string),
  };
}

/** Columns of a new message row, in the order of `messageRowValues`. */
export const MESSAGE_COLUMNS =
  'id, direction, kind, state, as4_message_id, conversation_id, sending_ap, receiving_ap, sender_id, receiver_id, ' +
  'document_type_id, process_id, sbdh_instance_id, country_c1, raw_sha256, payload_sha256, payload_size, signal_sha256, ' +
  'related_message_id, attributes, created_at, updated_at';

/** The values of a new message row for `MESSAGE_COLUMNS` (for statements that insert more than the row). */
export function messageRowValues(message: NewMessage, id: string, now: Date): unknown[] {
  return [
    id, message.direction, message.kind, message.state, message.as4MessageId ?? null, message.conversationId ?? null,
    message.sendingAp ?? null, message.receivingAp ?? null, message.senderId ?? null, message.receiverId ?? null,
    message.documentTypeId ?? null, message.processId ?? null, message.sbdhInstanceId ?? null, message.countryC1 ?? null,
    message.rawSha256 ?? null, message.payloadSha256 ?? null, message.payloadSize ?? null, message.signalSha256 ?? null,
    message.relatedMessageId ?? null, JSON.stringify(message.attributes ?? {}), now.toISOString(), now.toISOString(),
  ];
}

/** Message records, their documents and their timeline; every state change is checked and recorded. */
@Injectable()
export class MessageRepository {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /**
   * Creates the record with its first timeline entry and documents, in the caller's transaction if
   * given. `validation`: a report the record starts with (a document we produced and checked).
   */
  async create(
    message: NewMessage,
    opts: { actor: string; reason?: string; documents?: MessageDocument[]; validation?: unknown; tx?: SqlExecutor },
  ): Promise<MessageRecord> {
    const run = async (tx: SqlExecutor) => {
      const now = this.clock.now();
      const id = message.id ?? randomUUID();
      const values = messageRowValues(message, id, now);
      let columns = MESSAGE_COLUMNS;
      if (opts.validation !== undefined) {
        columns += ', validation';
        values.push(JSON.stringify(opts.validation));
      }
      const placeholders = values.map((_, i) => `$${i + 1}`).join(',');
      values.push(opts.actor, opts.reason ?? null);
      // One statement for the row and its first event: each round trip costs, notably on the embedded engine.
      const [row] = await tx.query<Row>(
        `WITH created AS (INSERT INTO messages (${columns}) VALUES (${placeholders}) RETURNING *),
              logged AS (INSERT INTO message_events (message_id, at, from_state, to_state, actor, reason)
                         SELECT id, created_at, NULL, state, $${values.length - 1}, $${values.length} FROM created)
         SELECT * FROM created`,
        values,
      );
      for (const d of opts.documents ?? []) await this.addDocumentWith(tx, id, d);
      return toRecord(row!);
    };
    return opts.tx || !opts.documents?.length ? run(opts.tx ?? this.db) : this.db.transaction(run);
  }

  async get(id: string, tx: SqlExecutor = this.db): Promise<MessageRecord> {
    const found = await this.find(id, tx);
    if (!found) throw new MessageNotFoundError(`no message ${id}`);
    return found;
  }

  async find(id: string, tx: SqlExecutor = this.db): Promise<MessageRecord | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const [row] = await tx.query<Row>(`SELECT * FROM messages WHERE id = $1`, [id]);
    return row ? toRecord(row) : null;
  }

  async findInbound(sendingAp: string, as4MessageId: string): Promise<MessageRecord | null> {
    const [row] = await this.db.query<Row>(
      `SELECT * FROM messages WHERE direction = 'inbound' AND sending_ap = $1 AND as4_message_id = $2`,
      [sendingAp, as4MessageId],
    );
    return row ? toRecord(row) : null;
  }

  /**
   * Moves a message to `to` if the machine allows it from its current state (optionally only from one of
   * `from`), records the event, and merges `patch` into the row. Concurrent movers: exactly one wins.
   */
  async transition(
    id: string,
    to: MessageState,
    opts: {
      actor: string;
      reason?: string;
      data?: unknown;
      from?: MessageState[];
      patch?: { validation?: unknown; failure?: unknown; attributes?: Record<string, unknown>; relatedMessageId?: string };
      tx?: SqlExecutor;
    },
  ): Promise<MessageRecord> {
    const allowed = (opts.from ?? MESSAGE_STATES).filter((from) => canTransition(from, to));
    const move = async (tx: SqlExecutor, from: MessageState) => {
      const now = this.clock.now().toISOString();
      // Update and event in one statement; the row must still be in `from`, so of concurrent movers one wins.
      const [row] = await tx.query<Row>(
        `WITH moved AS (
           UPDATE messages SET state = $2, updated_at = $3,
             validation = COALESCE($4::jsonb, validation),
             failure = CASE WHEN $5::jsonb IS NULL THEN (CASE WHEN $2 = 'failed' THEN failure ELSE NULL END) ELSE $5::jsonb END,
             attributes = attributes || COALESCE($6::jsonb, '{}'::jsonb),
             related_message_id = COALESCE($7::uuid, related_message_id)
           WHERE id = $1 AND state = $8 RETURNING *),
         logged AS (
           INSERT INTO message_events (message_id, at, from_state, to_state, actor, reason, data)
           SELECT id, $3, $8, $2, $9, $10, $11::jsonb FROM moved)
         SELECT * FROM moved`,
        [
          id, to, now,
          opts.patch?.validation === undefined ? null : JSON.stringify(opts.patch.validation),
          opts.patch?.failure === undefined ? null : JSON.stringify(opts.patch.failure),
          opts.patch?.attributes === undefined ? null : JSON.stringify(opts.patch.attributes),
          opts.patch?.relatedMessageId ?? null,
          from, opts.actor, opts.reason ?? null, opts.data === undefined ? null : JSON.stringify(opts.data),
        ],
      );
      return row ? toRecord(row) : null;
    };
    const refuse = async (tx: SqlExecutor): Promise<never> => {
      const [current] = await tx.query<Row>(`SELECT state FROM messages WHERE id = $1`, [id]);
      if (!current) throw new MessageNotFoundError(`no message ${id}`);
      throw new StateConflictError(id, current.state as MessageState, to);
    };
    if (allowed.length === 1) {
      // A single state to leave: the conditional update alone decides, no lock to take beforehand.
      const tx = opts.tx ?? this.db;
      return (await move(tx, allowed[0]!)) ?? refuse(tx);
    }
    const run = async (tx: SqlExecutor) => {
      const [current] = await tx.query<Row>(`SELECT state FROM messages WHERE id = $1 FOR UPDATE`, [id]);
      if (!current) throw new MessageNotFoundError(`no message ${id}`);
      const from = current.state as MessageState;
      if (!allowed.includes(from)) throw new StateConflictError(id, from, to);
      return (await move(tx, from)) ?? refuse(tx);
    };
    return opts.tx ? run(opts.tx) : this.db.transaction(run);
  }

  /** Merges attributes without a state change (e.g. remembering the produced order's id). */
  async setAttributes(id: string, attributes: Record<string, unknown>, tx: SqlExecutor = this.db): Promise<void> {
    await tx.query(`UPDATE messages SET attributes = attributes || $2::jsonb WHERE id = $1`, [id, JSON.stringify(attributes)]);
  }

  async timeline(id: string): Promise<TimelineEvent[]> {
    const rows = await this.db.query<Row>(`SELECT * FROM message_events WHERE message_id = $1 ORDER BY id`, [id]);
    return rows.map((r) => ({
      id: String(r.id),
      at: new Date(r.at as string),
      fromState: (r.from_state as MessageState) ?? null,
      toState: r.to_state as MessageState,
      actor: String(r.actor),
      reason: (r.reason as string) ?? null,
      data: r.data ?? null,
    }));
  }

  async addDocument(messageId: string, doc: MessageDocument, tx: SqlExecutor = this.db): Promise<void> {
    await this.addDocumentWith(tx, messageId, doc);
  }

  private async addDocumentWith(tx: SqlExecutor, messageId: string, doc: MessageDocument): Promise<void> {
    await tx.query(
      `INSERT INTO message_documents (message_id, role, sha256, media_type, size) VALUES ($1,$2,$3,$4,$5)
       ON CONFLICT (message_id, role) DO UPDATE SET sha256 = EXCLUDED.sha256, media_type = EXCLUDED.media_type, size = EXCLUDED.size`,
      [messageId, doc.role, doc.sha256, doc.mediaType, doc.size],
    );
  }

  async documents(messageId: string): Promise<MessageDocument[]> {
    const rows = await this.db.query<Row>(
      `SELECT role, sha256, media_type, size FROM message_documents WHERE message_id = $1 ORDER BY created_at, role`,
      [messageId],
    );
    return rows.map((r) => ({ role: String(r.role), sha256: String(r.sha256), mediaType: String(r.media_type), size: Number(r.size) }));
  }

  /** Messages in `states` not updated since `before`: candidates for reconciliation. */
  async stale(states: readonly MessageState[], before: Date, limit: number): Promise<MessageRecord[]> {
    const rows = await this.db.query<Row>(
      `SELECT * FROM messages WHERE state = ANY($1::text[]) AND updated_at < $2 ORDER BY updated_at LIMIT $3`,
      [states as string[], before.toISOString(), limit],
    );
    return rows.map(toRecord);
  }

  /**
   * A timeline entry that changes no state (from and to are the current state): something happened
   * to the message, e.g. a status came back for it. False when there is no such message.
   */
  async annotate(id: string, opts: { actor: string; reason: string; data?: unknown; tx?: SqlExecutor }): Promise<boolean> {
    const rows = await (opts.tx ?? this.db).query(
      `INSERT INTO message_events (message_id, at, from_state, to_state, actor, reason, data)
       SELECT id, $2, state, state, $3, $4, $5::jsonb FROM messages WHERE id = $1 RETURNING id`,
      [id, this.clock.now().toISOString(), opts.actor, opts.reason, opts.data === undefined ? null : JSON.stringify(opts.data)],
    );
    return rows.length > 0;
  }

  /** Ties a message to the one it answers or belongs to (shown among its related messages). */
  async link(id: string, relatedMessageId: string, tx: SqlExecutor = this.db): Promise<void> {
    await tx.query(`UPDATE messages SET related_message_id = $2 WHERE id = $1`, [id, relatedMessageId]);
  }

  /** Reads a message and locks its row until the transaction ends (one writer decides at a time). */
  async lock(id: string, tx: SqlExecutor): Promise<MessageRecord | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const [row] = await tx.query<Row>(`SELECT * FROM messages WHERE id = $1 FOR UPDATE`, [id]);
    return row ? toRecord(row) : null;
  }

  /** The message we sent in an SBD with this InstanceIdentifier (compared as written, white space trimmed). */
  async findSentByInstanceId(instanceId: string, tx: SqlExecutor = this.db): Promise<MessageRecord | null> {
    const [row] = await tx.query<Row>(
      `SELECT * FROM messages WHERE direction = 'outbound' AND sbdh_instance_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [instanceId.trim()],
    );
    return row ? toRecord(row) : null;
  }

  /**
   * Sent documents whose SBDH asked for every status (ALWAYS_SEND) and that have none yet, sent
   * (receipt received) before `before`, oldest first: the overdue side of the MLS-2 service level.
   */
  async awaitingStatus(opts: { before: Date; limit: number }): Promise<Array<MessageRecord & { sentAt: Date }>> {
    const rows = await this.db.query<Row>(
      `SELECT m.*, e.at AS sent_at FROM messages m
         JOIN LATERAL (SELECT at FROM message_events WHERE message_id = m.id AND to_state = 'sent' ORDER BY id DESC LIMIT 1) e ON true
        WHERE m.direction = 'outbound' AND m.state = 'sent' AND m.attributes->'mlsRequested'->>'type' = 'ALWAYS_SEND'
          AND m.attributes->'mlsStatus' IS NULL AND e.at < $1
        ORDER BY e.at LIMIT $2`,
      [opts.before.toISOString(), opts.limit],
    );
    return rows.map((r) => ({ ...toRecord(r), sentAt: new Date(r.sent_at as string) }));
  }

  /**
   * Received documents whose status we owe and have not delivered (its MLS message not sent yet, or
   * none could be made), received before `before`, oldest first: the overdue side of MLS-1.
   */
  async owingStatus(opts: { before: Date; limit: number }): Promise<Array<MessageRecord & { statusState: MessageState | null }>> {
    const rows = await this.db.query<Row>(
      `SELECT m.*, s.state AS status_state FROM messages m
         LEFT JOIN messages s ON s.id::text = m.attributes->'mlsResponse'->>'statusMessageId'
        WHERE m.direction = 'inbound' AND m.attributes->'mlsResponse'->>'outcome' IN ('owed', 'unaddressable', 'invalid')
          AND (s.id IS NULL OR s.state <> 'sent') AND m.created_at < $1
        ORDER BY m.created_at LIMIT $2`,
      [opts.before.toISOString(), opts.limit],
    );
    return rows.map((r) => ({ ...toRecord(r), statusState: (r.status_state as MessageState) ?? null }));
  }

  async related(id: string): Promise<MessageRecord[]> {
    const rows = await this.db.query<Row>(
      `SELECT * FROM messages WHERE related_message_id = $1 OR id = (SELECT related_message_id FROM messages WHERE id = $1) ORDER BY created_at`,
      [id],
    );
    return rows.map(toRecord);
  }
}
