import { Injectable } from '@nestjs/common';
import type { SqlExecutor } from '../../database/database.js';

/** Per-buyer purchase order sequences in the database; each call takes the next number atomically. */
@Injectable()
export class OrderNumberSeries {
  async next(buyerId: string, tx: SqlExecutor): Promise<number> {
    const [row] = await tx.query<{ last_value: string | number }>(
      `INSERT INTO order_number_series (buyer_id, last_value) VALUES ($1, 1)
       ON CONFLICT (buyer_id) DO UPDATE SET last_value = order_number_series.last_value + 1
       RETURNING last_value`,
      [buyerId],
    );
    return Number(row!.last_value);
  }
}
