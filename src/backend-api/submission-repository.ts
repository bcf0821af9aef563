import { Injectable } from '@nestjs/common';
import { Database, type SqlExecutor } from '../database/database.js';

export interface Submission {
  apiKeyId: string;
  idempotencyKey: string;
  requestSha256: string;
  messageId: string;
}

/** Idempotency keys of submissions (table api_submissions): per API key, the request and the message it made. */
@Injectable()
export class SubmissionRepository {
  constructor(private readonly db: Database) {}

  async find(apiKeyId: string, idempotencyKey: string, tx: SqlExecutor = this.db): Promise<Submission | null> {
    const [row] = await tx.query<Record<string, unknown>>(`SELECT * FROM api_submissions WHERE api_key_id = $1 AND idempotency_key = $2`, [apiKeyId, idempotencyKey]);
    return row
      ? { apiKeyId: String(row.api_key_id), idempotencyKey: String(row.idempotency_key), requestSha256: String(row.request_sha256), messageId: String(row.message_id) }
      : null;
  }

  /** Records the key for a message; false when the key was taken meanwhile (another request won). */
  async record(submission: Submission, tx: SqlExecutor): Promise<boolean> {
    const rows = await tx.query(
      `INSERT INTO api_submissions (api_key_id, idempotency_key, request_sha256, message_id) VALUES ($1,$2,$3,$4)
       ON CONFLICT (api_key_id, idempotency_key) DO NOTHING RETURNING message_id`,
      [submission.apiKeyId, submission.idempotencyKey, submission.requestSha256, submission.messageId],
    );
    return rows.length > 0;
  }
}
