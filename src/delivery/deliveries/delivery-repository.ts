import { Injectable } from '@nestjs/common';
import { Database, type SqlExecutor } from '../../database/database.js';
import type { DeliveryAttemptRecord } from '../webhook/attempt-record.js';
import type { WebhookEventType } from '../webhook/events.js';
import type { Delivery, DeliveryState, StoredAttempt, StoredWebhookEvent } from './delivery.model.js';

type Row = Record<string, unknown>;

const date = (v: unknown) => (v == null ? null : new Date(v as string));

function toDelivery(r: Row): Delivery {
  return {
    id: String(r.id),
    eventId: String(r.event_id),
    routeId: String(r.route_id),
    eventType: r.event_type as WebhookEventType,
    webhookId: String(r.webhook_id),
    state: r.state as DeliveryState,
    generation: Number(r.generation),
    attempts: Number(r.attempts),
    jobSeq: Number(r.job_seq),
    nextAttemptAt: date(r.next_attempt_at),
    leaseUntil: date(r.lease_until),
    lastError: (r.last_error as string | null) ?? null,
    createdAt: new Date(r.created_at as string),
    updatedAt: new Date(r.updated_at as string),
    deliveredAt: date(r.delivered_at),
    failedAt: date(r.failed_at),
  };
}

function toEvent(r: Row): StoredWebhookEvent {
  return {
    id: String(r.id),
    type: r.type as WebhookEventType,
    supplierId: r.supplier_id == null ? null : String(r.supplier_id),
    documentTypeId: (r.document_type_id as string | null) ?? null,
    messageId: (r.message_id as string | null) ?? null,
    bodySha256: String(r.body_sha256),
    bodySize: Number(r.body_size),
    occurredAt: new Date(r.occurred_at as string),
  };
}

/**
 * Webhook events, their deliveries and every attempt. Each change of a delivery names the job
 * sequence number it expects, so a stale or duplicated queue job can never act on it.
 */
@Injectable()
export class DeliveryRepository {
  constructor(private readonly db: Database) {}

  /** Stores the event unless it exists; returns the stored one either way. */
  async insertEvent(event: StoredWebhookEvent, at: Date, tx: SqlExecutor): Promise<StoredWebhookEvent> {
    const [inserted] = await tx.query<Row>(
      `INSERT INTO webhook_events (id, type, supplier_id, document_type_id, message_id, body_sha256, body_size, occurred_at, created_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) ON CONFLICT (id) DO NOTHING RETURNING *`,
      [event.id, event.type, event.supplierId, event.documentTypeId, event.messageId, event.bodySha256, event.bodySize, event.occurredAt.toISOString(), at.toISOString()],
    );
    return inserted ? toEvent(inserted) : (await this.event(event.id, tx))!;
  }

  /** Which of `sha256s` a webhook event's body is (blob garbage collection keeps those). */
  async referencedBlobs(sha256s: readonly string[]): Promise<Set<string>> {
    const rows = await this.db.query<{ sha256: string }>('SELECT DISTINCT body_sha256 AS sha256 FROM webhook_events WHERE body_sha256 = ANY($1::text[])', [sha256s]);
    return new Set(rows.map((r) => r.sha256));
  }

  /** Which of `messageIds` have an event with a delivery still pending or being sent (retention keeps those). */
  async withUnsettledDeliveries(messageIds: readonly string[], tx: SqlExecutor = this.db): Promise<Set<string>> {
    if (messageIds.length === 0) return new Set();
    const rows = await tx.query<{ message_id: string }>(
      `SELECT DISTINCT e.message_id FROM webhook_events e JOIN webhook_deliveries d ON d.event_id = e.id
        WHERE e.message_id = ANY($1::uuid[]) AND d.state IN ('pending', 'sending')`,
      [[...messageIds]],
    );
    return new Set(rows.map((r) => String(r.message_id)));
  }

  /** Retention: deletes the events of these messages with their deliveries and attempts; returns the event bodies' blobs. */
  async purgeForMessages(messageIds: readonly string[], tx: SqlExecutor): Promise<{ events: number; deliveries: number; attempts: number; blobs: string[] }> {
    if (messageIds.length === 0) return { events: 0, deliveries: 0, attempts: 0, blobs: [] };
    const ids = [...messageIds];
    const attempts = await tx.query(
      `DELETE FROM webhook_delivery_attempts a USING webhook_deliveries d, webhook_events e
        WHERE a.delivery_id = d.id AND d.event_id = e.id AND e.message_id = ANY($1::uuid[]) RETURNING 1`,
      [ids],
    );
    const deliveries = await tx.query(`DELETE FROM webhook_deliveries d USING webhook_events e WHERE d.event_id = e.id AND e.message_id = ANY($1::uuid[]) RETURNING 1`, [ids]);
    const events = await tx.query<{ body_sha256: string }>(`DELETE FROM webhook_events WHERE message_id = ANY($1::uuid[]) RETURNING body_sha256`, [ids]);
    return { events: events.length, deliveries: deliveries.length, attempts: attempts.length, blobs: [...new Set(events.map((e) => e.body_sha256))] };
  }

  async event(id: string, tx: SqlExecutor = this.db): Promise<StoredWebhookEvent | null> {
    const [row] = await tx.query<Row>(`SELECT * FROM webhook_events WHERE id = $1`, [id]);
    return row ? toEvent(row) : null;
  }

  /** Creates the delivery of an event to a route unless it exists; `created` tells which. */
  async insertDelivery(
    d: { id: string; eventId: string; routeId: string; eventType: WebhookEventType; webhookId: string },
    at: Date,
    tx: SqlExecutor,
  ): Promise<{ delivery: Delivery; created: boolean }> {
    const inserted = await tx.query<Row>(
      `INSERT INTO webhook_deliveries (id, event_id, route_id, event_type, webhook_id, state, next_attempt_at, created_at, updated_at)
       VALUES ($1,$2,$3,$4,$5,'pending',$6,$6,$6) ON CONFLICT (event_id, route_id) DO NOTHING RETURNING *`,
      [d.id, d.eventId, d.routeId, d.eventType, d.webhookId, at.toISOString()],
    );
    if (inserted[0]) return { delivery: toDelivery(inserted[0]), created: true };
    const [row] = await tx.query<Row>(`SELECT * FROM webhook_deliveries WHERE event_id = $1 AND route_id = $2`, [d.eventId, d.routeId]);
    return { delivery: toDelivery(row!), created: false };
  }

  async get(id: string, tx: SqlExecutor = this.db): Promise<Delivery | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const [row] = await tx.query<Row>(`SELECT * FROM webhook_deliveries WHERE id = $1`, [id]);
    return row ? toDelivery(row) : null;
  }

  /**
   * Takes the delivery for one attempt: only the current job may, and only when nobody else holds
   * it (or their claim ran out, e.g. the worker died mid-request).
   */
  async claim(id: string, jobSeq: number, now: Date, leaseUntil: Date): Promise<{ delivery: Delivery; event: StoredWebhookEvent } | null> {
    // The event to send comes with the claim: one round trip instead of two.
    const [row] = await this.db.query<Row & { event: Row }>(
      `WITH claimed AS (
         UPDATE webhook_deliveries SET state = 'sending', lease_until = $4, updated_at = $3
          WHERE id = $1 AND job_seq = $2 AND (state = 'pending' OR (state = 'sending' AND lease_until < $3))
          RETURNING *)
       SELECT claimed.*, to_jsonb(e) AS event FROM claimed JOIN webhook_events e ON e.id = claimed.event_id`,
      [id, jobSeq, now.toISOString(), leaseUntil.toISOString()],
    );
    return row ? { delivery: toDelivery(row), event: toEvent(row.event) } : null;
  }

  async recordAttempt(deliveryId: string, attempt: DeliveryAttemptRecord & { generation: number; number: number }, tx: SqlExecutor): Promise<void> {
    await tx.query(
      `INSERT INTO webhook_delivery_attempts (delivery_id, generation, number, attempted_at, latency_ms, status, network_error,
         response_excerpt, response_truncated, retry_after, verdict, reason)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
      [
        deliveryId, attempt.generation, attempt.number, attempt.attemptedAt, attempt.latencyMs, attempt.status, attempt.networkError,
        attempt.responseExcerpt, attempt.responseTruncated, attempt.retryAfter, attempt.verdict, attempt.reason,
      ],
    );
  }

  /**
   * Ends the claim of job `jobSeq`: delivered, failed, or pending again at `nextAttemptAt` under the
   * next job sequence number. Returns the updated delivery, or null if the job lost it meanwhile.
   */
  async settle(
    id: string,
    jobSeq: number,
    outcome:
      | { state: 'delivered'; attempts: number }
      | { state: 'failed'; attempts: number; error: string }
      | { state: 'pending'; attempts: number; nextAttemptAt: Date; error: string | null },
    now: Date,
    tx: SqlExecutor = this.db,
  ): Promise<Delivery | null> {
    const at = now.toISOString();
    const [row] = await tx.query<Row>(
      `UPDATE webhook_deliveries SET
         state = $3, attempts = $4, updated_at = $5, lease_until = NULL,
         job_seq = CASE WHEN $3 = 'pending' THEN job_seq + 1 ELSE job_seq END,
         next_attempt_at = $6,
         last_error = $7,
         delivered_at = CASE WHEN $3 = 'delivered' THEN $5::timestamptz ELSE delivered_at END,
         failed_at = CASE WHEN $3 = 'failed' THEN $5::timestamptz ELSE NULL END
       WHERE id = $1 AND job_seq = $2 AND state = 'sending'
       RETURNING *`,
      [
        id, jobSeq, outcome.state, outcome.attempts, at,
        outcome.state === 'pending' ? outcome.nextAttemptAt.toISOString() : null,
        outcome.state === 'delivered' ? null : outcome.error?.slice(0, 2000) ?? null,
      ],
    );
    return row ? toDelivery(row) : null;
  }

  /** Starts a finished delivery again (same event, same webhook-id) as a new generation. */
  async restart(id: string, now: Date, tx: SqlExecutor = this.db): Promise<Delivery | null> {
    const [row] = await tx.query<Row>(
      `UPDATE webhook_deliveries SET state = 'pending', generation = generation + 1, attempts = 0, job_seq = job_seq + 1,
         next_attempt_at = $2, lease_until = NULL, last_error = NULL, failed_at = NULL, updated_at = $2
       WHERE id = $1 AND state IN ('failed', 'delivered') RETURNING *`,
      [id, now.toISOString()],
    );
    return row ? toDelivery(row) : null;
  }

  /** Failed deliveries of a route whose failure falls in [from, to), oldest first. */
  async failedOfRoute(routeId: string, from: Date, to: Date, limit: number): Promise<Delivery[]> {
    const rows = await this.db.query<Row>(
      `SELECT * FROM webhook_deliveries WHERE route_id = $1 AND state = 'failed' AND failed_at >= $2 AND failed_at < $3
        ORDER BY failed_at, id LIMIT $4`,
      [routeId, from.toISOString(), to.toISOString(), limit],
    );
    return rows.map(toDelivery);
  }

  /** States of the deliveries of one message's events of a type (to settle the message's state). */
  async statesForMessage(messageId: string, type: WebhookEventType, tx: SqlExecutor = this.db): Promise<DeliveryState[]> {
    const rows = await tx.query<{ state: DeliveryState }>(
      `SELECT d.state FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id WHERE e.message_id = $1 AND e.type = $2`,
      [messageId, type],
    );
    return rows.map((r) => r.state);
  }

  async forMessage(messageId: string): Promise<Delivery[]> {
    const rows = await this.db.query<Row>(
      `SELECT d.* FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id WHERE e.message_id = $1 ORDER BY d.created_at, d.id`,
      [messageId],
    );
    return rows.map(toDelivery);
  }

  async list(filter: { routeId?: string; state?: DeliveryState; limit: number }): Promise<Delivery[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.routeId) where.push(`route_id = $${params.push(filter.routeId)}`);
    if (filter.state) where.push(`state = $${params.push(filter.state)}`);
    params.push(filter.limit);
    const rows = await this.db.query<Row>(
      `SELECT * FROM webhook_deliveries ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id LIMIT $${params.length}`,
      params,
    );
    return rows.map(toDelivery);
  }

  /** Deliveries whose job should have run by now: pending past due, or a claim that ran out. */
  async overdue(before: Date, limit: number): Promise<Delivery[]> {
    const rows = await this.db.query<Row>(
      `SELECT * FROM webhook_deliveries
        WHERE (state = 'pending' AND next_attempt_at < $1) OR (state = 'sending' AND lease_until < $1)
        ORDER BY next_attempt_at LIMIT $2`,
      [before.toISOString(), limit],
    );
    return rows.map(toDelivery);
  }

  async attempts(deliveryId: string): Promise<StoredAttempt[]> {
    const rows = await this.db.query<Row>(`SELECT * FROM webhook_delivery_attempts WHERE delivery_id = $1 ORDER BY id`, [deliveryId]);
    return rows.map((r) => ({
      generation: Number(r.generation),
      number: Number(r.number),
      attemptedAt: new Date(r.attempted_at as string).toISOString(),
      latencyMs: Number(r.latency_ms),
      status: r.status == null ? null : Number(r.status),
      networkError: (r.network_error as string | null) ?? null,
      responseExcerpt: (r.response_excerpt as string | null) ?? null,
      responseTruncated: Boolean(r.response_truncated),
      retryAfter: (r.retry_after as string | null) ?? null,
      verdict: r.verdict as StoredAttempt['verdict'],
      reason: (r.reason as string | null) ?? null,
    }));
  }
}
