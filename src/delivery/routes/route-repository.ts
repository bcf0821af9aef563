import { Injectable } from '@nestjs/common';
import { Database, type SqlExecutor } from '../../database/database.js';
import { isAlertEventType, isWebhookEventType, type AlertEventType, type ParticipantEventType, type WebhookEventType } from '../webhook/events.js';
import type { Route, RouteKind, RouteSecret } from './route.model.js';

type Row = Record<string, unknown>;

export interface RouteRow {
  id: string;
  /** Null for an operator route only. */
  participantId: string | null;
  documentTypeId: string | null;
  kind: RouteKind;
  name: string;
  enabled: boolean;
  url: string | null;
  eventTypes: WebhookEventType[];
  timeoutMs: number | null;
  createdAt: Date;
}

export type RoutePatch = Partial<{
  name: string;
  enabled: boolean;
  disabledReason: string | null;
  documentTypeId: string | null;
  url: string;
  eventTypes: WebhookEventType[];
  timeoutMs: number | null;
}>;

function toRoute(r: Row): Route {
  const types = Array.isArray(r.event_types) ? (r.event_types as unknown[]) : [];
  if (r.kind === 'operator') {
    return {
      id: String(r.id),
      kind: 'operator',
      participantId: null,
      supplierId: null,
      documentTypeId: null,
      name: String(r.name),
      enabled: Boolean(r.enabled),
      disabledReason: (r.disabled_reason as string | null) ?? null,
      createdAt: new Date(r.created_at as string),
      updatedAt: new Date(r.updated_at as string),
      url: String(r.url),
      eventTypes: types.filter((t): t is AlertEventType => typeof t === 'string' && isAlertEventType(t)),
      timeoutMs: r.timeout_ms == null ? null : Number(r.timeout_ms),
    };
  }
  const base = {
    id: String(r.id),
    participantId: String(r.participant_id),
    supplierId: String(r.participant_id),
    documentTypeId: (r.document_type_id as string | null) ?? null,
    name: String(r.name),
    enabled: Boolean(r.enabled),
    disabledReason: (r.disabled_reason as string | null) ?? null,
    createdAt: new Date(r.created_at as string),
    updatedAt: new Date(r.updated_at as string),
  };
  if (r.kind === 'as4') return { ...base, kind: 'as4' };
  return {
    ...base,
    kind: 'webhook',
    url: String(r.url),
    eventTypes: types.filter((t): t is ParticipantEventType => typeof t === 'string' && isWebhookEventType(t) && !isAlertEventType(t)),
    timeoutMs: r.timeout_ms == null ? null : Number(r.timeout_ms),
  };
}

const COLUMNS: Record<keyof RoutePatch, string> = {
  name: 'name',
  enabled: 'enabled',
  disabledReason: 'disabled_reason',
  documentTypeId: 'document_type_id',
  url: 'url',
  eventTypes: 'event_types',
  timeoutMs: 'timeout_ms',
};

/** Routes and their signing secrets; plain storage, the rules live in RouteService. */
@Injectable()
export class RouteRepository {
  constructor(private readonly db: Database) {}

  async insert(route: RouteRow, secret: string | null, tx: SqlExecutor = this.db): Promise<void> {
    const at = route.createdAt.toISOString();
    await tx.query(
      `INSERT INTO delivery_routes (id, participant_id, document_type_id, kind, name, enabled, url, event_types, timeout_ms, created_at, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8::jsonb,$9,$10,$10)`,
      [route.id, route.participantId, route.documentTypeId, route.kind, route.name, route.enabled, route.url, JSON.stringify(route.eventTypes), route.timeoutMs, at],
    );
    if (secret) await this.addSecret(route.id, secret, route.createdAt, tx);
  }

  async get(id: string, tx: SqlExecutor = this.db): Promise<Route | null> {
    if (!isUuid(id)) return null;
    const [row] = await tx.query<Row>(`SELECT * FROM delivery_routes WHERE id = $1`, [id]);
    return row ? toRoute(row) : null;
  }

  async list(filter: { participantId?: string; kind?: RouteKind } = {}): Promise<Route[]> {
    const rows = filter.participantId
      ? await this.db.query<Row>(`SELECT * FROM delivery_routes WHERE participant_id = $1 ORDER BY created_at, id`, [filter.participantId])
      : filter.kind
        ? await this.db.query<Row>(`SELECT * FROM delivery_routes WHERE kind = $1 ORDER BY created_at, id`, [filter.kind])
        : await this.db.query<Row>(`SELECT * FROM delivery_routes ORDER BY participant_id NULLS FIRST, created_at, id`);
    return rows.map(toRoute);
  }

  /** Enabled operator routes (alerts), oldest first. */
  async enabledOperator(tx: SqlExecutor = this.db): Promise<Route[]> {
    const rows = await tx.query<Row>(`SELECT * FROM delivery_routes WHERE kind = 'operator' AND enabled ORDER BY created_at, id`);
    return rows.map(toRoute);
  }

  /** Enabled routes of a participant that apply to a document type (theirs, or every type). */
  async enabledFor(participantId: string, documentTypeId: string | null, tx: SqlExecutor = this.db): Promise<Route[]> {
    const rows = await tx.query<Row>(
      `SELECT * FROM delivery_routes
        WHERE participant_id = $1 AND enabled AND (document_type_id IS NULL OR document_type_id = $2)
        ORDER BY created_at, id`,
      [participantId, documentTypeId],
    );
    return rows.map(toRoute);
  }

  async findAs4(participantId: string, documentTypeId: string | null, tx: SqlExecutor = this.db): Promise<Route | null> {
    const [row] = await tx.query<Row>(
      `SELECT * FROM delivery_routes WHERE kind = 'as4' AND participant_id = $1 AND COALESCE(document_type_id, '') = $2`,
      [participantId, documentTypeId ?? ''],
    );
    return row ? toRoute(row) : null;
  }

  async update(id: string, patch: RoutePatch, at: Date, tx: SqlExecutor = this.db): Promise<Route | null> {
    const sets: string[] = [];
    const params: unknown[] = [id, at.toISOString()];
    for (const [key, value] of Object.entries(patch) as Array<[keyof RoutePatch, unknown]>) {
      if (value === undefined) continue;
      params.push(key === 'eventTypes' ? JSON.stringify(value) : value);
      sets.push(`${COLUMNS[key]} = $${params.length}${key === 'eventTypes' ? '::jsonb' : ''}`);
    }
    const [row] = await tx.query<Row>(
      `UPDATE delivery_routes SET ${[...sets, 'updated_at = $2'].join(', ')} WHERE id = $1 RETURNING *`,
      params,
    );
    return row ? toRoute(row) : null;
  }

  async delete(id: string, tx: SqlExecutor = this.db): Promise<boolean> {
    await tx.query(`DELETE FROM delivery_route_secrets WHERE route_id = $1`, [id]);
    const rows = await tx.query(`DELETE FROM delivery_routes WHERE id = $1 RETURNING id`, [id]);
    return rows.length > 0;
  }

  async hasDeliveries(id: string, tx: SqlExecutor = this.db): Promise<boolean> {
    const rows = await tx.query(`SELECT 1 FROM webhook_deliveries WHERE route_id = $1 LIMIT 1`, [id]);
    return rows.length > 0;
  }

  async addSecret(routeId: string, secret: string, at: Date, tx: SqlExecutor = this.db): Promise<void> {
    await tx.query(
      `INSERT INTO delivery_route_secrets (route_id, secret, created_at) VALUES ($1, $2, $3)
       ON CONFLICT (route_id, secret) DO UPDATE SET expires_at = NULL`,
      [routeId, secret, at.toISOString()],
    );
  }

  /** Sets the expiry of every secret of the route except `keep` (never lengthening an earlier expiry). */
  async expireOtherSecrets(routeId: string, keep: string, expiresAt: Date, tx: SqlExecutor = this.db): Promise<void> {
    await tx.query(
      `UPDATE delivery_route_secrets SET expires_at = $3
        WHERE route_id = $1 AND secret <> $2 AND (expires_at IS NULL OR expires_at > $3)`,
      [routeId, keep, expiresAt.toISOString()],
    );
  }

  /** Drops secrets that expired before `now`. */
  async pruneSecrets(routeId: string, now: Date, tx: SqlExecutor = this.db): Promise<void> {
    await tx.query(`DELETE FROM delivery_route_secrets WHERE route_id = $1 AND expires_at <= $2`, [routeId, now.toISOString()]);
  }

  async secrets(routeId: string, tx: SqlExecutor = this.db): Promise<RouteSecret[]> {
    const rows = await tx.query<Row>(
      `SELECT secret, created_at, expires_at FROM delivery_route_secrets WHERE route_id = $1 ORDER BY created_at DESC, secret`,
      [routeId],
    );
    return rows.map((r) => ({
      secret: String(r.secret),
      createdAt: new Date(r.created_at as string),
      expiresAt: r.expires_at == null ? null : new Date(r.expires_at as string),
    }));
  }
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
