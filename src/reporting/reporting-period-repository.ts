import { Injectable } from '@nestjs/common';
import { Database, type SqlExecutor } from '../database/database.js';
import type { MessageFailure } from '../messages/message-repository.js';

/** What we keep of a period: the reports of its latest send (their messages hold XML and receipts). */
export interface PeriodRecord {
  period: string;
  tsrMessageId: string | null;
  eusrMessageId: string | null;
  /** The counts the latest reports were built from. */
  summary: unknown;
  /** How many times reports of this period were handed to the outbound path. */
  sends: number;
  requestedBy: string | null;
  /** Why the last try stopped before sending (invalid report, no seat id, ...). */
  failure: MessageFailure | null;
  updatedAt: Date;
}

function toRecord(r: Record<string, unknown>): PeriodRecord {
  return {
    period: String(r.period),
    tsrMessageId: (r.tsr_message_id as string | null) ?? null,
    eusrMessageId: (r.eusr_message_id as string | null) ?? null,
    summary: r.summary ?? null,
    sends: Number(r.sends),
    requestedBy: (r.requested_by as string | null) ?? null,
    failure: (r.failure as MessageFailure | null) ?? null,
    updatedAt: new Date(r.updated_at as string | Date),
  };
}

/** The only code with SQL on `reporting_periods`. */
@Injectable()
export class ReportingPeriodRepository {
  constructor(private readonly db: Database) {}

  /** The period's row, created empty when missing, locked until `tx` ends: one send of a period at a time. */
  async lock(period: string, tx: SqlExecutor): Promise<PeriodRecord> {
    await tx.query(`INSERT INTO reporting_periods (period) VALUES ($1) ON CONFLICT (period) DO NOTHING`, [period]);
    const [row] = await tx.query<Record<string, unknown>>(`SELECT * FROM reporting_periods WHERE period = $1 FOR UPDATE`, [period]);
    return toRecord(row!);
  }

  /** The reports of a new send replace the earlier ones (latest wins); the failure is cleared. */
  async recordSend(period: string, send: { tsrMessageId: string; eusrMessageId: string; summary: unknown; requestedBy: string }, tx: SqlExecutor): Promise<void> {
    await tx.query(
      `UPDATE reporting_periods SET tsr_message_id = $2, eusr_message_id = $3, summary = $4::jsonb, requested_by = $5, sends = sends + 1, failure = NULL, updated_at = now()
        WHERE period = $1`,
      [period, send.tsrMessageId, send.eusrMessageId, JSON.stringify(send.summary), send.requestedBy],
    );
  }

  /** A try that stopped before sending; the reports of an earlier send (if any) stay. */
  async recordFailure(period: string, failure: MessageFailure, requestedBy: string): Promise<void> {
    await this.db.query(
      `INSERT INTO reporting_periods (period, failure, requested_by) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT (period) DO UPDATE SET failure = EXCLUDED.failure, requested_by = EXCLUDED.requested_by, updated_at = now()`,
      [period, JSON.stringify(failure), requestedBy],
    );
  }

  /** Which of `messageIds` a period names as its latest TSR or EUSR (retention keeps those). */
  async namedReports(messageIds: readonly string[], tx: SqlExecutor = this.db): Promise<Set<string>> {
    if (messageIds.length === 0) return new Set();
    const rows = await tx.query<{ id: string }>(
      `SELECT tsr_message_id AS id FROM reporting_periods WHERE tsr_message_id = ANY($1::uuid[])
       UNION SELECT eusr_message_id FROM reporting_periods WHERE eusr_message_id = ANY($1::uuid[])`,
      [[...messageIds]],
    );
    return new Set(rows.map((r) => String(r.id)));
  }

  async get(period: string): Promise<PeriodRecord | null> {
    const [row] = await this.db.query<Record<string, unknown>>(`SELECT * FROM reporting_periods WHERE period = $1`, [period]);
    return row ? toRecord(row) : null;
  }

  /** Every period with a row, newest first. */
  async list(limit = 240): Promise<PeriodRecord[]> {
    const rows = await this.db.query<Record<string, unknown>>(`SELECT * FROM reporting_periods ORDER BY period DESC LIMIT $1`, [limit]);
    return rows.map(toRecord);
  }
}
