import { Injectable } from '@nestjs/common';
import { Database, type SqlExecutor } from '../database/database.js';

export interface OutboundAttempt {
  messageId: string;
  number: number;
  startedAt: Date;
  durationMs: number;
  endpointUrl: string | null;
  receivingAp: string | null;
  /** receipt, ebms-error, invalid-receipt, http-error, transport-error, discovery-failed, refused */
  outcome: string;
  retryable: boolean;
  httpStatus: number | null;
  ebmsCode: string | null;
  detail: string | null;
  signalSha256: string | null;
}

type Row = Record<string, unknown>;

/** Every attempt to send an outbound message, with what came back (table outbound_attempts). */
@Injectable()
export class OutboundAttempts {
  constructor(private readonly db: Database) {}

  async record(attempt: OutboundAttempt, tx: SqlExecutor = this.db): Promise<void> {
    await tx.query(
      `INSERT INTO outbound_attempts (message_id, number, started_at, duration_ms, endpoint_url, receiving_ap, outcome, retryable,
         http_status, ebms_code, detail, signal_sha256)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
      [
        attempt.messageId, attempt.number, attempt.startedAt.toISOString(), Math.max(0, Math.round(attempt.durationMs)), attempt.endpointUrl,
        attempt.receivingAp, attempt.outcome, attempt.retryable, attempt.httpStatus, attempt.ebmsCode, attempt.detail?.slice(0, 2_000) ?? null,
        attempt.signalSha256,
      ],
    );
  }

  /** Which of `sha256s` an attempt's reply signal is (blob garbage collection keeps those). */
  async referencedBlobs(sha256s: readonly string[]): Promise<Set<string>> {
    const rows = await this.db.query<{ sha256: string }>('SELECT DISTINCT signal_sha256 AS sha256 FROM outbound_attempts WHERE signal_sha256 = ANY($1::text[])', [sha256s]);
    return new Set(rows.map((r) => r.sha256));
  }

  /** Retention: deletes the attempts of these messages; returns the reply signals' blobs. */
  async purgeForMessages(messageIds: readonly string[], tx: SqlExecutor): Promise<{ attempts: number; blobs: string[] }> {
    if (messageIds.length === 0) return { attempts: 0, blobs: [] };
    const rows = await tx.query<{ signal_sha256: string | null }>(`DELETE FROM outbound_attempts WHERE message_id = ANY($1::uuid[]) RETURNING signal_sha256`, [[...messageIds]]);
    return { attempts: rows.length, blobs: [...new Set(rows.flatMap((r) => (r.signal_sha256 ? [r.signal_sha256] : [])))] };
  }

  async forMessage(messageId: string): Promise<OutboundAttempt[]> {
    const rows = await this.db.query<Row>(`SELECT * FROM outbound_attempts WHERE message_id = $1 ORDER BY id`, [messageId]);
    return rows.map((r) => ({
      messageId: String(r.message_id),
      number: Number(r.number),
      startedAt: new Date(r.started_at as string),
      durationMs: Number(r.duration_ms),
      endpointUrl: (r.endpoint_url as string) ?? null,
      receivingAp: (r.receiving_ap as string) ?? null,
      outcome: String(r.outcome),
      retryable: Boolean(r.retryable),
      httpStatus: r.http_status == null ? null : Number(r.http_status),
      ebmsCode: (r.ebms_code as string) ?? null,
      detail: (r.detail as string) ?? null,
      signalSha256: (r.signal_sha256 as string) ?? null,
    }));
  }
}
