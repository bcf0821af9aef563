import { Injectable } from '@nestjs/common';
import { Database } from '../../database/database.js';
import type { AlertEventType } from '../webhook/events.js';

export interface RaisedAlert {
  id: string;
  type: AlertEventType;
  condition: string;
  severity: 'warning' | 'critical';
  summary: string;
  data: unknown;
  raisedAt: Date;
}

/** The only code with SQL on `operator_alerts`: every alert raised, once per id. */
@Injectable()
export class AlertRepository {
  constructor(private readonly db: Database) {}

  /** Records the alert unless one with its id exists; true when this call recorded it. */
  async record(alert: RaisedAlert): Promise<boolean> {
    const rows = await this.db.query(
      `INSERT INTO operator_alerts (id, type, condition, severity, summary, data, raised_at) VALUES ($1,$2,$3,$4,$5,$6::jsonb,$7)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [alert.id, alert.type, alert.condition, alert.severity, alert.summary, JSON.stringify(alert.data), alert.raisedAt.toISOString()],
    );
    return rows.length > 0;
  }

  /** Removes up to `limit` alerts raised before `cutoff`, oldest first; how many it removed. */
  async removeRaisedBefore(cutoff: Date, limit: number): Promise<number> {
    const rows = await this.db.query(
      `DELETE FROM operator_alerts WHERE id IN (SELECT id FROM operator_alerts WHERE raised_at < $1 ORDER BY raised_at LIMIT $2) RETURNING id`,
      [cutoff.toISOString(), limit],
    );
    return rows.length;
  }

  /** The latest alerts, newest first. */
  async latest(limit: number): Promise<RaisedAlert[]> {
    const rows = await this.db.query<Record<string, unknown>>(`SELECT * FROM operator_alerts ORDER BY raised_at DESC, id LIMIT $1`, [limit]);
    return rows.map((r) => ({
      id: String(r.id),
      type: r.type as AlertEventType,
      condition: String(r.condition),
      severity: r.severity as RaisedAlert['severity'],
      summary: String(r.summary),
      data: r.data,
      raisedAt: new Date(r.raised_at as string),
    }));
  }
}
