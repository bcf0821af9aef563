import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { Database, type SqlExecutor } from '../database/database.js';
import type { AttributePatch } from './message-attributes.js';
import { boundedFailure } from './message-failure.js';
import type { MessageKind } from './message-kinds.js';
import {
  toRecord,
  toTimelineEvent,
  type Direction,
  type MessageDocument,
  type MessagePatch,
  type MessageRecord,
  type NewMessage,
  type Row,
  type TimelineEvent,
} from './message-record.js';
import { canTransition, MESSAGE_STATES, type MessageState } from './message-states.js';

export type { AttributePatch, CartApproval, CatalogueOutcome, MessageAttributes } from './message-attributes.js';
export type { FailureStage, MessageFailure } from './message-failure.js';
export type { MessageKind } from './message-kinds.js';
export type { Direction, MessageDocument, MessagePatch, MessageRecord, MessageRecordOf, NewMessage, NewMessageOf, TimelineEvent } from './message-record.js';
export { recordAs } from './message-record.js';

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

/**
 * A message's creation as common table expressions, for a statement that writes more than the
 * message (e.g. the AS4 receipt kept for duplicates): `created` holds the new row, or no row when
 * an inbound duplicate was skipped. Parameters are numbered from the `firstParam` given.
 */
export interface CreationStatement {
  ctes: string;
  params: unknown[];
}

export interface CreateOptions {
  actor: string;
  reason?: string;
  documents?: MessageDocument[];
  /** A report the record starts with (a document we produced and checked). */
  validation?: unknown;
  tx?: SqlExecutor;
}

/** Where a page of messages in given states stopped: the next page starts after this. */
export interface StateScanCursor {
  /** updated_at as the database prints it (exact to the microsecond). */
  updatedAt: string;
  id: string;
}

/** The facts the reconciler needs of a message whose state says work is pending. */
export interface PendingMessageRow {
  id: string;
  direction: Direction;
  kind: MessageKind;
  state: MessageState;
  transaction: string | null;
  /** The message it was made from (the cart of an order, the catalogue of a catalogue response). */
  relatedMessageId: string | null;
  updatedAt: Date;
  /** Times the reconciler queued its work again. */
  requeues: number;
  cursor: StateScanCursor;
}

/** The facts of a message retention judges it by (besides those of other tables). */
export interface RetentionRow {
  id: string;
  kind: MessageKind;
  direction: Direction;
  state: MessageState;
  transaction: string | null;
  as4MessageId: string | null;
  relatedMessageId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Filter of the admin listing; every value is bound, never spliced into the SQL. */
export interface MessageQuery {
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
  /** Continue after this (created_at exact to the microsecond, id), newest first. */
  after?: { at: string; id: string };
  limit: number;
}

/** Columns of a new message row, in the order of `newRowValues`. */
const MESSAGE_COLUMNS =
  'id, direction, kind, state, as4_message_id, conversation_id, sending_ap, receiving_ap, sender_id, receiver_id, ' +
  'document_type_id, process_id, sbdh_instance_id, country_c1, raw_sha256, payload_sha256, payload_size, signal_sha256, ' +
  'related_message_id, attributes, created_at, updated_at';

function newRowValues(message: NewMessage, id: string, now: Date): unknown[] {
  return [
    id, message.direction, message.kind, message.state, message.as4MessageId ?? null, message.conversationId ?? null,
    message.sendingAp ?? null, message.receivingAp ?? null, message.senderId ?? null, message.receiverId ?? null,
    message.documentTypeId ?? null, message.processId ?? null, message.sbdhInstanceId ?? null, message.countryC1 ?? null,
    message.rawSha256 ?? null, message.payloadSha256 ?? null, message.payloadSize ?? null, message.signalSha256 ?? null,
    message.relatedMessageId ?? null, JSON.stringify(message.attributes ?? {}), now.toISOString(), now.toISOString(),
  ];
}

/**
 * The columns a patch may set, as `column = expression` with the parameter numbers of
 * `patchValues` from `first` on. Absent values leave the column as it is.
 */
function patchAssignments(first: number): string {
  const p = (n: number) => `$${first + n}`;
  return [
    `validation = COALESCE(${p(0)}::jsonb, validation)`,
    `attributes = attributes || COALESCE(${p(1)}::jsonb, '{}'::jsonb)`,
    `related_message_id = COALESCE(${p(2)}::uuid, related_message_id)`,
    `signal_sha256 = COALESCE(${p(3)}::text, signal_sha256)`,
    `sending_ap = COALESCE(${p(4)}::text, sending_ap)`,
    `receiving_ap = COALESCE(${p(5)}::text, receiving_ap)`,
    `sbdh_instance_id = COALESCE(${p(6)}::text, sbdh_instance_id)`,
    `as4_message_id = COALESCE(as4_message_id, ${p(7)}::text)`,
    `conversation_id = COALESCE(conversation_id, ${p(8)}::text)`,
  ].join(', ');
}

function patchValues(patch: MessagePatch | undefined): unknown[] {
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
  return [
    json(patch?.validation),
    json(patch?.attributes),
    patch?.relatedMessageId ?? null,
    patch?.signalSha256 ?? null,
    patch?.sendingAp ?? null,
    patch?.receivingAp ?? null,
    patch?.sbdhInstanceId ?? null,
    patch?.as4MessageIdIfUnset ?? null,
    patch?.conversationIdIfUnset ?? null,
  ];
}

// Parameters 1-8 of the transition, then the patch's.
const TRANSITION_SQL = `WITH moved AS (
   UPDATE messages SET state = $2, updated_at = $3,
     failure = CASE WHEN $4::jsonb IS NULL THEN (CASE WHEN $2 = 'failed' THEN failure ELSE NULL END) ELSE $4::jsonb END,
     ${patchAssignments(9)}
   WHERE id = $1 AND state = $5 RETURNING *),
 logged AS (
   INSERT INTO message_events (message_id, at, from_state, to_state, actor, reason, data)
   SELECT id, $3, $5, $2, $6, $7, $8::jsonb FROM moved)
 SELECT * FROM moved`;

const UPDATE_SQL = `UPDATE messages SET ${patchAssignments(2)} WHERE id = $1`;

/** created_at with microseconds in UTC, as cursors carry it. */
const CREATED_AT_TEXT = `to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** `%` and `_` in a search term are literal, not wildcards. */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Message records, their documents and their timeline: the only code that reads or writes these
 * tables. Every state change is checked against the state machine and recorded in the timeline.
 */
@Injectable()
export class MessageRepository {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** Creates the record with its first timeline entry and documents, in the caller's transaction if given. */
  async create(message: NewMessage, opts: CreateOptions): Promise<MessageRecord> {
    const { ctes, params } = this.creationStatement(message, { ...opts, id: message.id ?? randomUUID() });
    // One statement for the row, its first event and its documents: each round trip costs, notably on the embedded engine.
    const [row] = await (opts.tx ?? this.db).query<Row>(`WITH ${ctes} SELECT * FROM created`, params);
    return toRecord(row!);
  }

  /**
   * The creation of `message` (row, first event, documents) as CTEs for one statement. With
   * `skipInboundDuplicate`, an inbound message whose sending AP and AS4 MessageId have a record
   * already is not created (the unique index decides, also between concurrent requests).
   */
  creationStatement(
    message: NewMessage,
    opts: Omit<CreateOptions, 'tx'> & { id: string; skipInboundDuplicate?: boolean },
    firstParam = 1,
  ): CreationStatement {
    const params = newRowValues(message, opts.id, this.clock.now());
    let columns = MESSAGE_COLUMNS;
    if (opts.validation !== undefined) {
      columns += ', validation';
      params.push(JSON.stringify(opts.validation));
    }
    const p = (value: unknown) => {
      params.push(value);
      return `$${firstParam + params.length - 1}`;
    };
    const placeholders = params.map((_, i) => `$${firstParam + i}`).join(',');
    const onConflict = opts.skipInboundDuplicate ? `ON CONFLICT (sending_ap, as4_message_id) WHERE direction = 'inbound' DO NOTHING` : '';
    let ctes =
      `created AS (INSERT INTO messages (${columns}) VALUES (${placeholders}) ${onConflict} RETURNING *), ` +
      `created_event AS (INSERT INTO message_events (message_id, at, from_state, to_state, actor, reason) ` +
      `SELECT id, created_at, NULL, state, ${p(opts.actor)}::text, ${p(opts.reason ?? null)}::text FROM created)`;
    const documents = opts.documents ?? [];
    if (documents.length > 0) {
      const rows = documents.map((d) => `(${p(d.role)}::text, ${p(d.sha256)}::text, ${p(d.mediaType)}::text, ${p(d.size)}::bigint)`);
      ctes +=
        `, created_documents AS (INSERT INTO message_documents (message_id, role, sha256, media_type, size) ` +
        `SELECT created.id, d.role, d.sha256, d.media_type, d.size FROM created, (VALUES ${rows.join(', ')}) AS d(role, sha256, media_type, size))`;
    }
    return { ctes, params };
  }

  async get(id: string, tx: SqlExecutor = this.db): Promise<MessageRecord> {
    const found = await this.find(id, tx);
    if (!found) throw new MessageNotFoundError(`no message ${id}`);
    return found;
  }

  async find(id: string, tx: SqlExecutor = this.db): Promise<MessageRecord | null> {
    if (!isUuid(id)) return null;
    const [row] = await tx.query<Row>(`SELECT * FROM messages WHERE id = $1`, [id]);
    return row ? toRecord(row) : null;
  }

  /** The inbound message a sending AP's AS4 MessageId was recorded as. */
  async findInbound(sendingAp: string, as4MessageId: string, tx: SqlExecutor = this.db): Promise<MessageRecord | null> {
    const [row] = await tx.query<Row>(
      `SELECT * FROM messages WHERE direction = 'inbound' AND sending_ap = $1 AND as4_message_id = $2`,
      [sendingAp, as4MessageId],
    );
    return row ? toRecord(row) : null;
  }

  /**
   * Reads the message and locks its row until `tx` ends: callers that decide on its state or
   * attributes and then change it are serialised.
   */
  async lock(id: string, tx: SqlExecutor): Promise<MessageRecord | null> {
    if (!isUuid(id)) return null;
    const [row] = await tx.query<Row>(`SELECT * FROM messages WHERE id = $1 FOR UPDATE`, [id]);
    return row ? toRecord(row) : null;
  }

  /**
   * Moves a message to `to` if the machine allows it from its current state (optionally only from one of
   * `from`), records the event, and applies `patch`. Concurrent movers: exactly one wins.
   */
  async transition(
    id: string,
    to: MessageState,
    opts: {
      actor: string;
      reason?: string;
      data?: unknown;
      from?: MessageState[];
      patch?: MessagePatch;
      tx?: SqlExecutor;
    },
  ): Promise<MessageRecord> {
    const allowed = (opts.from ?? MESSAGE_STATES).filter((from) => canTransition(from, to));
    const failure = opts.patch?.failure === undefined ? null : JSON.stringify(boundedFailure(opts.patch.failure));
    const patch = patchValues(opts.patch);
    const move = async (tx: SqlExecutor, from: MessageState) => {
      const now = this.clock.now().toISOString();
      // Update and event in one statement; the row must still be in `from`, so of concurrent movers one wins.
      const [row] = await tx.query<Row>(TRANSITION_SQL, [
        id, to, now, failure, from, opts.actor, opts.reason ?? null, opts.data === undefined ? null : JSON.stringify(opts.data),
        ...patch,
      ]);
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

  /** Changes a message without a state change (no timeline event): facts learnt on the way. */
  async update(id: string, patch: Omit<MessagePatch, 'failure'>, tx: SqlExecutor = this.db): Promise<void> {
    await tx.query(UPDATE_SQL, [id, ...patchValues(patch)]);
  }

  /** Merges attributes without a state change (e.g. remembering the produced order's id). */
  async setAttributes(id: string, attributes: AttributePatch, tx: SqlExecutor = this.db): Promise<void> {
    await this.update(id, { attributes }, tx);
  }

  async timeline(id: string): Promise<TimelineEvent[]> {
    const rows = await this.db.query<Row>(`SELECT * FROM message_events WHERE message_id = $1 ORDER BY id`, [id]);
    return rows.map(toTimelineEvent);
  }

  /** Adds a document to the message, or replaces the one it has in that role. */
  async addDocument(messageId: string, doc: MessageDocument, tx: SqlExecutor = this.db): Promise<void> {
    await tx.query(
      `INSERT INTO message_documents (message_id, role, sha256, media_type, size) VALUES ($1,$2,$3,$4,$5)
       ON CONFLICT (message_id, role) DO UPDATE SET sha256 = EXCLUDED.sha256, media_type = EXCLUDED.media_type, size = EXCLUDED.size`,
      [messageId, doc.role, doc.sha256, doc.mediaType, doc.size],
    );
  }

  /** Which of `sha256s` a message or one of its documents refers to (blob garbage collection keeps those). */
  async referencedBlobs(sha256s: readonly string[]): Promise<Set<string>> {
    const rows = await this.db.query<{ sha256: string }>(
      `SELECT sha256 FROM message_documents WHERE sha256 = ANY($1::text[])
       UNION SELECT raw_sha256 FROM messages WHERE raw_sha256 = ANY($1::text[])
       UNION SELECT payload_sha256 FROM messages WHERE payload_sha256 = ANY($1::text[])
       UNION SELECT signal_sha256 FROM messages WHERE signal_sha256 = ANY($1::text[])`,
      [sha256s],
    );
    return new Set(rows.map((r) => r.sha256));
  }

  async documents(messageId: string): Promise<MessageDocument[]> {
    const rows = await this.db.query<Row>(
      `SELECT role, sha256, media_type, size FROM message_documents WHERE message_id = $1 ORDER BY created_at, role`,
      [messageId],
    );
    return rows.map((r) => ({ role: String(r.role), sha256: String(r.sha256), mediaType: String(r.media_type), size: Number(r.size) }));
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

  /**
   * The order we produced under this number from `buyerId` to `sellerId` (participant ids as the
   * messages keep them), the newest if several: what an Order Response's OrderReference names.
   */
  async findProducedOrder(orderNumber: string, buyerId: string, sellerId: string, tx: SqlExecutor = this.db): Promise<MessageRecord | null> {
    const [row] = await tx.query<Row>(
      `SELECT * FROM messages
        WHERE kind = 'order' AND direction = 'outbound' AND attributes->>'orderNumber' = $1 AND sender_id = $2 AND receiver_id = $3
        ORDER BY created_at DESC LIMIT 1`,
      [orderNumber.trim(), buyerId, sellerId],
    );
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

  /** The message's related messages (what it was made from, what was made from it), oldest first. */
  async related(id: string): Promise<MessageRecord[]> {
    const rows = await this.db.query<Row>(
      `SELECT * FROM messages WHERE related_message_id = $1 OR id = (SELECT related_message_id FROM messages WHERE id = $1) ORDER BY created_at`,
      [id],
    );
    return rows.map(toRecord);
  }

  /**
   * Messages in `states` not changed since `changedBefore`, page by page, oldest change first, with
   * only the columns the reconciler needs.
   */
  async pendingPage(states: readonly MessageState[], changedBefore: Date, after: StateScanCursor | null, limit: number): Promise<PendingMessageRow[]> {
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
      direction: r.direction as Direction,
      kind: r.kind as MessageKind,
      state: r.state as MessageState,
      transaction: (r.transaction as string | null) ?? null,
      relatedMessageId: r.related_message_id == null ? null : String(r.related_message_id),
      updatedAt: new Date(r.updated_at as string),
      requeues: r.requeues == null ? 0 : Number(r.requeues),
      cursor: { updatedAt: String(r.exact_updated_at), id: String(r.id) },
    }));
  }

  /**
   * Retention: messages in `states` whose kind has a cutoff and that were last changed before it,
   * oldest change first, after the `after` position.
   */
  async retentionCandidates(q: {
    cutoffs: ReadonlyArray<{ kind: MessageKind; before: Date }>;
    states: readonly MessageState[];
    after: StateScanCursor | null;
    limit: number;
  }): Promise<Array<{ id: string; cursor: StateScanCursor }>> {
    if (q.cutoffs.length === 0) return [];
    const rows = await this.db.query<{ id: string; exact_updated_at: string }>(
      `SELECT m.id, m.updated_at::text AS exact_updated_at
         FROM messages m JOIN unnest($1::text[], $2::timestamptz[]) AS r(kind, before) ON m.kind = r.kind AND m.updated_at < r.before
        WHERE m.state = ANY($3::text[])
          AND ($4::timestamptz IS NULL OR (m.updated_at, m.id) > ($4::timestamptz, $5::uuid))
        ORDER BY m.updated_at, m.id
        LIMIT $6`,
      [q.cutoffs.map((c) => c.kind), q.cutoffs.map((c) => c.before.toISOString()), [...q.states], q.after?.updatedAt ?? null, q.after?.id ?? null, q.limit],
    );
    return rows.map((r) => ({ id: String(r.id), cursor: { updatedAt: String(r.exact_updated_at), id: String(r.id) } }));
  }

  /** `ids` and every message tied to one of them by related_message_id, either way and through any number of links. */
  async relatedClosure(ids: readonly string[], tx: SqlExecutor = this.db): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await tx.query<{ id: string }>(
      `WITH RECURSIVE g(id) AS (
         SELECT unnest($1::uuid[])
         UNION
         SELECT n.id FROM g JOIN messages m ON m.related_message_id = g.id OR m.id = g.id
           CROSS JOIN LATERAL (VALUES (m.id), (m.related_message_id)) AS n(id)
          WHERE n.id IS NOT NULL)
       SELECT g.id FROM g JOIN messages m ON m.id = g.id`,
      [[...ids]],
    );
    return rows.map((r) => String(r.id));
  }

  /**
   * What retention judges a message by. With `lock`, the rows are locked until `tx` ends, and rows
   * another transaction holds are left out (not waited for: whoever holds one is working on it).
   */
  async retentionFacts(ids: readonly string[], opts: { tx?: SqlExecutor; lock?: boolean } = {}): Promise<RetentionRow[]> {
    if (ids.length === 0) return [];
    const rows = await (opts.tx ?? this.db).query<Row>(
      `SELECT id, kind, direction, state, attributes->>'transaction' AS transaction, as4_message_id, related_message_id, created_at, updated_at FROM messages WHERE id = ANY($1::uuid[]) ORDER BY id ${opts.lock ? 'FOR UPDATE SKIP LOCKED' : ''}`,
      [[...ids]],
    );
    return rows.map((r) => ({
      id: String(r.id),
      kind: r.kind as MessageKind,
      direction: r.direction as Direction,
      state: r.state as MessageState,
      transaction: (r.transaction as string | null) ?? null,
      as4MessageId: (r.as4_message_id as string | null) ?? null,
      relatedMessageId: r.related_message_id == null ? null : String(r.related_message_id),
      createdAt: new Date(r.created_at as string),
      updatedAt: new Date(r.updated_at as string),
    }));
  }

  /**
   * Retention: deletes the messages with their timeline and documents in the caller's transaction
   * (the rows of other tables that hang off a message go by their ON DELETE CASCADE: cart approvals,
   * catalogue versions and lines, back-end API submissions). Returns the blobs they referred to.
   */
  async purge(ids: readonly string[], tx: SqlExecutor): Promise<{ messages: number; events: number; documents: number; blobs: string[] }> {
    if (ids.length === 0) return { messages: 0, events: 0, documents: 0, blobs: [] };
    const list = [...ids];
    const events = await tx.query(`DELETE FROM message_events WHERE message_id = ANY($1::uuid[]) RETURNING 1`, [list]);
    const documents = await tx.query<{ sha256: string }>(`DELETE FROM message_documents WHERE message_id = ANY($1::uuid[]) RETURNING sha256`, [list]);
    // One statement for all: relations among the purged messages are checked at its end.
    const messages = await tx.query<{ raw_sha256: string | null; payload_sha256: string | null; signal_sha256: string | null }>(
      `DELETE FROM messages WHERE id = ANY($1::uuid[]) RETURNING raw_sha256, payload_sha256, signal_sha256`,
      [list],
    );
    const blobs = new Set<string>(documents.map((d) => d.sha256));
    for (const m of messages) for (const sha of [m.raw_sha256, m.payload_sha256, m.signal_sha256]) if (sha) blobs.add(sha);
    return { messages: messages.length, events: events.length, documents: documents.length, blobs: [...blobs] };
  }

  /** Ids of the messages in a state, longest there first (only a transition sets updated_at). */
  async idsInState(state: MessageState, opts: { limit: number; offset?: number }): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `SELECT id FROM messages WHERE state = $1 ORDER BY updated_at, id LIMIT $2 OFFSET $3`,
      [state, opts.limit, opts.offset ?? 0],
    );
    return rows.map((r) => String(r.id));
  }

  /** How many messages are in each direction and state. */
  async countByDirectionAndState(): Promise<Array<{ direction: Direction; state: MessageState; count: number }>> {
    const rows = await this.db.query<{ direction: string; state: string; n: string }>(
      `SELECT direction, state, count(*)::text AS n FROM messages GROUP BY direction, state`,
    );
    return rows.map((r) => ({ direction: r.direction as Direction, state: r.state as MessageState, count: Number(r.n) }));
  }

  /**
   * A back end's documents, oldest first for polling: sent by one of `participants` (outbound) or
   * received for one of them (inbound), from `since` and after the `after` position; `limit + 1`
   * rows so the caller can tell whether more follow.
   */
  async forParticipants(query: {
    participants: readonly string[];
    direction: 'inbound' | 'outbound';
    since?: Date;
    after?: { at: string; id: string };
    limit: number;
  }): Promise<Array<{ record: MessageRecord; createdAt: string }>> {
    const column = query.direction === 'outbound' ? 'sender_id' : 'receiver_id';
    const params: unknown[] = [query.direction, [...query.participants]];
    const bind = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = [`direction = $1`, `${column} = ANY($2::text[])`];
    if (query.since) where.push(`created_at >= ${bind(query.since.toISOString())}::timestamptz`);
    if (query.after) where.push(`(created_at, id) > (${bind(query.after.at)}::timestamptz, ${bind(query.after.id)}::uuid)`);
    const rows = await this.db.query<Row>(
      `SELECT *, ${CREATED_AT_TEXT} AS cursor_at FROM messages WHERE ${where.join(' AND ')} ORDER BY created_at, id LIMIT ${bind(query.limit + 1)}`,
      params,
    );
    return rows.map((row) => ({ record: toRecord(row), createdAt: String(row.cursor_at) }));
  }

  /**
   * The admin listing: `limit + 1` records (so the caller can tell whether another page exists),
   * newest first, each with its created_at exact to the microsecond for the next page's cursor.
   */
  async search(query: MessageQuery): Promise<Array<{ record: MessageRecord; createdAt: string }>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const bind = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.direction) where.push(`direction = ${bind(query.direction)}`);
    if (query.state) where.push(`state = ${bind(query.state)}`);
    if (query.kind) where.push(`kind = ${bind(query.kind)}`);
    if (query.sender) where.push(`sender_id = ${bind(query.sender)}`);
    if (query.receiver) where.push(`receiver_id = ${bind(query.receiver)}`);
    if (query.documentType) where.push(`document_type_id = ${bind(query.documentType)}`);
    if (query.from) where.push(`created_at >= ${bind(query.from.toISOString())}::timestamptz`);
    if (query.to) where.push(`created_at < ${bind(query.to.toISOString())}::timestamptz`);
    if (query.q) {
      const term = bind(`%${escapeLike(query.q)}%`);
      where.push(
        `(id::text ILIKE ${term} ESCAPE '\\' OR as4_message_id ILIKE ${term} ESCAPE '\\' OR conversation_id ILIKE ${term} ESCAPE '\\' OR sbdh_instance_id ILIKE ${term} ESCAPE '\\'
          OR attributes->>'orderNumber' ILIKE ${term} ESCAPE '\\' OR attributes->>'cartId' ILIKE ${term} ESCAPE '\\')`,
      );
    }
    if (query.after) where.push(`(created_at, id) < (${bind(query.after.at)}::timestamptz, ${bind(query.after.id)}::uuid)`);
    const rows = await this.db.query<Row>(
      `SELECT *, ${CREATED_AT_TEXT} AS cursor_at FROM messages
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY created_at DESC, id DESC LIMIT ${bind(query.limit + 1)}`,
      params,
    );
    return rows.map((row) => ({ record: toRecord(row), createdAt: String(row.cursor_at) }));
  }
}

function isUuid(id: string): boolean {
  return /^[0-9a-f-]{36}$/i.test(id);
}
