import { Injectable } from '@nestjs/common';
import { Database, type SqlExecutor } from '../../database/database.js';

export type ApprovalDecisionKind = 'approved' | 'changed' | 'rejected' | 'abandoned';

export interface PendingApproval {
  messageId: string;
  buyerId: string;
  sellerId: string | null;
  cartId: string;
  currency: string | null;
  /** Net total of the cart as it stands (decimal text), when it can be computed. */
  netTotal: string | null;
  lineCount: number;
  /** Why the cart waits for a person (the policy's unmet conditions first). */
  reasons: string[];
  deadline: Date;
  createdAt: Date;
}

/** What opening an approval records: the pending approval without its creation time. */
export type NewApproval = Omit<PendingApproval, 'createdAt'>;

type Row = Record<string, unknown>;

function toPending(r: Row): PendingApproval {
  return {
    messageId: String(r.message_id),
    buyerId: String(r.buyer_id),
    sellerId: (r.seller_id as string) ?? null,
    cartId: String(r.cart_id),
    currency: (r.currency as string) ?? null,
    netTotal: (r.net_total as string) ?? null,
    lineCount: Number(r.line_count),
    reasons: (r.reasons as string[]) ?? [],
    deadline: new Date(r.deadline as string),
    createdAt: new Date(r.created_at as string),
  };
}

/** Carts waiting for a buyer's decision, with their deadline (table cart_approvals). */
@Injectable()
export class ApprovalStore {
  constructor(private readonly db: Database) {}

  /** Opens the approval of a cart; a second call for the same cart keeps the first. */
  async open(approval: NewApproval, tx: SqlExecutor): Promise<void> {
    await tx.query(
      `INSERT INTO cart_approvals (message_id, buyer_id, seller_id, cart_id, currency, net_total, line_count, reasons, deadline)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9) ON CONFLICT (message_id) DO NOTHING`,
      [
        approval.messageId, approval.buyerId, approval.sellerId, approval.cartId, approval.currency, approval.netTotal,
        approval.lineCount, JSON.stringify(approval.reasons), approval.deadline.toISOString(),
      ],
    );
  }

  async decide(messageId: string, decision: ApprovalDecisionKind, actor: string, at: Date, tx: SqlExecutor): Promise<void> {
    await tx.query(`UPDATE cart_approvals SET decision = $2, decided_by = $3, decided_at = $4 WHERE message_id = $1 AND decided_at IS NULL`, [
      messageId, decision, actor, at.toISOString(),
    ]);
  }

  async get(messageId: string, q: SqlExecutor = this.db): Promise<PendingApproval | null> {
    const [row] = await q.query<Row>(`SELECT * FROM cart_approvals WHERE message_id = $1`, [messageId]);
    return row ? toPending(row) : null;
  }

  /** The undecided approvals of these carts, in the order given. */
  async undecided(messageIds: readonly string[]): Promise<PendingApproval[]> {
    if (messageIds.length === 0) return [];
    const rows = await this.db.query<Row>(`SELECT * FROM cart_approvals WHERE message_id = ANY($1::uuid[]) AND decided_at IS NULL`, [messageIds]);
    const byId = new Map(rows.map((r) => [String(r.message_id), toPending(r)]));
    return messageIds.flatMap((id) => byId.get(id) ?? []);
  }

  /** Undecided carts whose deadline has passed. */
  async overdue(now: Date, limit: number): Promise<string[]> {
    const rows = await this.db.query<{ message_id: string }>(
      `SELECT message_id FROM cart_approvals WHERE decided_at IS NULL AND deadline <= $1 ORDER BY deadline LIMIT $2`,
      [now.toISOString(), limit],
    );
    return rows.map((r) => String(r.message_id));
  }
}
