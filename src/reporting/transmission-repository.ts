import { Injectable } from '@nestjs/common';
import { Database, type SqlExecutor } from '../database/database.js';
import type { ReportingDirection } from '../peppol/index.js';
import type { TransmissionRecord } from './transmission-record.js';

/** Transmissions of a period that share every reported field, with how many there were. */
export interface TransmissionGroup {
  direction: ReportingDirection;
  c2SeatId: string;
  c3SeatId: string;
  documentTypeScheme: string;
  documentTypeValue: string;
  processScheme: string;
  processValue: string;
  transportProfile: string;
  c1Country: string;
  c4Country: string | null;
  endUserId: string;
  countsEndUser: boolean;
  count: number;
}

const COLUMNS =
  'message_id, exchanged_at, direction, c2_seat_id, c3_seat_id, document_type_scheme, document_type_value, process_scheme, process_value, transport_profile, c1_country, c4_country, end_user_id, counts_end_user';

function values(r: TransmissionRecord): unknown[] {
  return [
    r.messageId,
    r.exchangedAt.toISOString(),
    r.direction,
    r.c2SeatId,
    r.c3SeatId,
    r.documentType.scheme,
    r.documentType.value,
    r.process.scheme,
    r.process.value,
    r.transportProfile,
    r.c1Country,
    r.c4Country,
    r.endUserId,
    r.countsEndUser,
  ];
}
const CASTS = ['uuid', 'timestamptz', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'boolean'];

/** The only code with SQL on `peppol_transmissions`. */
@Injectable()
export class TransmissionRepository {
  constructor(private readonly db: Database) {}

  /**
   * The record as a common table expression `transmission` of a statement that creates its message:
   * inserted only when the CTE `created` has the message's row (a duplicate skipped there adds none).
   * Parameters are numbered from `firstParam`.
   */
  creationCte(record: TransmissionRecord, firstParam: number): { cte: string; params: unknown[] } {
    const params = values(record);
    const select = params.map((_, i) => (i === 0 ? 'created.id' : `$${firstParam + i - 1}::${CASTS[i]}`)).join(', ');
    return {
      cte: `transmission AS (INSERT INTO peppol_transmissions (${COLUMNS}) SELECT ${select} FROM created ON CONFLICT (message_id) DO NOTHING)`,
      params: params.slice(1),
    };
  }

  /** Records one transmission in the caller's transaction; a second record of the same message is ignored. */
  async record(record: TransmissionRecord, tx: SqlExecutor = this.db): Promise<boolean> {
    const params = values(record);
    const rows = await tx.query(
      `INSERT INTO peppol_transmissions (${COLUMNS}) VALUES (${params.map((_, i) => `$${i + 1}::${CASTS[i]}`).join(', ')})
       ON CONFLICT (message_id) DO NOTHING RETURNING message_id`,
      params,
    );
    return rows.length > 0;
  }

  /** Every transmission exchanged in [from, to), grouped by all reported fields. */
  async groups(from: Date, to: Date): Promise<TransmissionGroup[]> {
    const rows = await this.db.query<Record<string, unknown>>(
      `SELECT direction, c2_seat_id, c3_seat_id, document_type_scheme, document_type_value, process_scheme, process_value,
              transport_profile, c1_country, c4_country, end_user_id, counts_end_user, count(*)::int AS count
         FROM peppol_transmissions WHERE exchanged_at >= $1 AND exchanged_at < $2
        GROUP BY direction, c2_seat_id, c3_seat_id, document_type_scheme, document_type_value, process_scheme, process_value,
                 transport_profile, c1_country, c4_country, end_user_id, counts_end_user`,
      [from.toISOString(), to.toISOString()],
    );
    return rows.map((r) => ({
      direction: r.direction as ReportingDirection,
      c2SeatId: String(r.c2_seat_id),
      c3SeatId: String(r.c3_seat_id),
      documentTypeScheme: String(r.document_type_scheme),
      documentTypeValue: String(r.document_type_value),
      processScheme: String(r.process_scheme),
      processValue: String(r.process_value),
      transportProfile: String(r.transport_profile),
      c1Country: String(r.c1_country),
      c4Country: r.c4_country === null ? null : String(r.c4_country),
      endUserId: String(r.end_user_id),
      countsEndUser: Boolean(r.counts_end_user),
      count: Number(r.count),
    }));
  }

  /** When each of `messageIds` that was counted was exchanged (retention keeps a message while its month may still be reported). */
  async exchangedAt(messageIds: readonly string[], tx: SqlExecutor = this.db): Promise<Map<string, Date>> {
    if (messageIds.length === 0) return new Map();
    const rows = await tx.query<{ message_id: string; exchanged_at: string | Date }>(`SELECT message_id, exchanged_at FROM peppol_transmissions WHERE message_id = ANY($1::uuid[])`, [[...messageIds]]);
    return new Map(rows.map((r) => [String(r.message_id), new Date(r.exchanged_at)]));
  }

  /** One message's record, if it was counted. */
  async ofMessage(messageId: string): Promise<TransmissionRecord | null> {
    const [r] = await this.db.query<Record<string, unknown>>(`SELECT * FROM peppol_transmissions WHERE message_id = $1`, [messageId]);
    if (!r) return null;
    return {
      messageId: String(r.message_id),
      exchangedAt: new Date(r.exchanged_at as string | Date),
      direction: r.direction as ReportingDirection,
      c2SeatId: String(r.c2_seat_id),
      c3SeatId: String(r.c3_seat_id),
      documentType: { scheme: String(r.document_type_scheme), value: String(r.document_type_value) },
      process: { scheme: String(r.process_scheme), value: String(r.process_value) },
      transportProfile: String(r.transport_profile),
      c1Country: String(r.c1_country),
      c4Country: r.c4_country === null ? null : String(r.c4_country),
      endUserId: String(r.end_user_id),
      countsEndUser: Boolean(r.counts_end_user),
    };
  }
}
