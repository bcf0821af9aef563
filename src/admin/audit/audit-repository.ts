import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { Database, type SqlExecutor } from '../../database/database.js';
import { CURSOR_AT_SQL, type CursorPosition } from '../http/cursor.js';

export interface AuditEntry {
  keyId: string;
  role: string;
  method: string;
  route: string;
  path: string;
  target: string | null;
  status: number;
  before: unknown;
  after: unknown;
  correlationId: string | null;
}

export interface AuditRecord extends AuditEntry {
  id: string;
  at: Date;
}

export interface AuditFilter {
  keyId?: string;
  target?: string;
  method?: string;
  from?: Date;
  to?: Date;
  after?: CursorPosition;
  limit: number;
}

type Row = Record<string, unknown>;

// Before/after snapshots are for people reading the trail; anything larger is cut to a marker.
export const MAX_SNAPSHOT_CHARS = 65_536;

function snapshot(value: unknown): string | null {
  if (value === undefined) return null;
  const json = JSON.stringify(value);
  return json.length > MAX_SNAPSHOT_CHARS ? JSON.stringify({ truncated: true, chars: json.length }) : json;
}

/** The append-only trail of state-changing admin calls (the table refuses updates and deletes). */
@Injectable()
export class AuditRepository {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** Appends the entry, in the caller's transaction if given (e.g. with the change it records). */
  async record(entry: AuditEntry, tx: SqlExecutor = this.db): Promise<void> {
    await tx.query(
      `INSERT INTO admin_audit (at, key_id, role, method, route, path, target, status, before, after, correlation_id)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9::jsonb,$10::jsonb,$11)`,
      [
        this.clock.now().toISOString(), entry.keyId, entry.role, entry.method, entry.route, entry.path.slice(0, 2_048),
        entry.target?.slice(0, 512) ?? null, entry.status, snapshot(entry.before), snapshot(entry.after), entry.correlationId,
      ],
    );
  }

  /** Newest first; `limit + 1` rows so the caller can tell whether another page exists. */
  async list(filter: AuditFilter): Promise<Array<AuditRecord & { cursorAt: string }>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (filter.keyId) add((p) => `key_id = ${p}`, filter.keyId);
    if (filter.target) add((p) => `target = ${p}`, filter.target);
    if (filter.method) add((p) => `method = ${p}`, filter.method);
    if (filter.from) add((p) => `at >= ${p}::timestamptz`, filter.from.toISOString());
    if (filter.to) add((p) => `at < ${p}::timestamptz`, filter.to.toISOString());
    if (filter.after) {
      params.push(filter.after.at, filter.after.id);
      where.push(`(at, id) < ($${params.length - 1}::timestamptz, $${params.length}::bigint)`);
    }
    params.push(filter.limit + 1);
    const rows = await this.db.query<Row>(
      `SELECT *, ${CURSOR_AT_SQL('at')} AS cursor_at FROM admin_audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map((r) => ({
      id: String(r.id),
      at: new Date(r.at as string),
      keyId: String(r.key_id),
      role: String(r.role),
      method: String(r.method),
      route: String(r.route),
      path: String(r.path),
      target: (r.target as string) ?? null,
      status: Number(r.status),
      before: r.before ?? null,
      after: r.after ?? null,
      correlationId: (r.correlation_id as string) ?? null,
      cursorAt: String(r.cursor_at),
    }));
  }
}
