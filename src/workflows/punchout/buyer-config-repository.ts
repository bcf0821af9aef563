import { Injectable } from '@nestjs/common';
import { Database, type SqlExecutor } from '../../database/database.js';
import { normalizeParticipant } from '../../peppol/index.js';
import { parseBuyerConfig, type BuyerConfig } from '../../punchout/buyer-config.js';
import { DEFAULT_BUYER, type BuyerConfigEntry } from './buyer-config-file.js';

export interface ResolvedBuyerConfig {
  config: BuyerConfig;
  /** Whose configuration it is: the buyer's own, the configured default, or the built-in one. */
  origin: 'buyer' | 'default' | 'built-in';
}

/** Buyer configurations in the database, by buyer participant id, with a default. */
@Injectable()
export class BuyerConfigRepository {
  constructor(private readonly db: Database) {}

  /**
   * Writes the entries of the configuration file. An entry changed through the API is left alone:
   * the file seeds, it does not overrule an operator.
   */
  async seed(entries: readonly BuyerConfigEntry[]): Promise<number> {
    let written = 0;
    for (const entry of entries) {
      const rows = await this.db.query(
        `INSERT INTO buyer_configs (buyer_id, config, source, updated_at) VALUES ($1, $2::jsonb, 'file', now())
         ON CONFLICT (buyer_id) DO UPDATE SET config = EXCLUDED.config, updated_at = now()
           WHERE buyer_configs.source = 'file' AND buyer_configs.config IS DISTINCT FROM EXCLUDED.config
         RETURNING buyer_id`,
        [entry.buyerId, JSON.stringify(entry.input)],
      );
      written += rows.length;
    }
    return written;
  }

  /** Sets a buyer's configuration (admin API); throws BuyerConfigError when it is not valid. */
  async put(buyerId: string, input: unknown): Promise<BuyerConfig> {
    const config = parseBuyerConfig(input);
    const id = buyerId === DEFAULT_BUYER ? DEFAULT_BUYER : normalizeParticipant(buyerId);
    await this.db.query(
      `INSERT INTO buyer_configs (buyer_id, config, source, updated_at) VALUES ($1, $2::jsonb, 'api', now())
       ON CONFLICT (buyer_id) DO UPDATE SET config = EXCLUDED.config, source = 'api', updated_at = now()`,
      [id, JSON.stringify(input)],
    );
    return config;
  }

  /** The buyer's configuration, else the default one, else the built-in default (every cart waits for a person). */
  async resolve(buyerId: string | null, q: SqlExecutor = this.db): Promise<ResolvedBuyerConfig> {
    const id = buyerId ? normalizeParticipant(buyerId) : null;
    const rows = await q.query<{ buyer_id: string; config: unknown }>(
      `SELECT buyer_id, config FROM buyer_configs WHERE buyer_id = $1 OR buyer_id = $2`,
      [id ?? DEFAULT_BUYER, DEFAULT_BUYER],
    );
    const own = id ? rows.find((row) => row.buyer_id === id) : undefined;
    const fallback = rows.find((row) => row.buyer_id === DEFAULT_BUYER);
    if (own) return { config: parseBuyerConfig(own.config), origin: 'buyer' };
    if (fallback) return { config: parseBuyerConfig(fallback.config), origin: 'default' };
    return { config: parseBuyerConfig({}), origin: 'built-in' };
  }
}
