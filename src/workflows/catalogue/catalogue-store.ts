import { Injectable } from '@nestjs/common';
import { Database, type SqlExecutor } from '../../database/database.js';
import type { CatalogueOperation, LineOperation } from '../../catalogue/catalogue-actions.js';
import type { CatalogueHeader, CatalogueLine } from '../../catalogue/catalogue-model.js';

export type CatalogueVersionStatus = 'loading' | 'active' | 'superseded' | 'deleted' | 'refused';

export interface CatalogueVersion {
  id: string;
  messageId: string;
  supplierId: string;
  catalogueKey: string;
  catalogueId: string | null;
  versionId: string | null;
  issueDate: string | null;
  operation: CatalogueOperation;
  status: CatalogueVersionStatus;
  lineCount: number;
  header: CatalogueHeader;
  createdAt: Date;
  activatedAt: Date | null;
}

export interface LineToStore {
  itemKey: string;
  operation: LineOperation;
  searchIds: string[];
  line: CatalogueLine;
}

export interface StoredCatalogueLine {
  catalogue: { supplierId: string; catalogueId: string | null; versionId: string | null; storedVersion: string };
  itemKey: string;
  lineId: string | null;
  name: string | null;
  price: { amount: string; currency: string | null } | null;
  line: CatalogueLine;
}

type Row = Record<string, unknown>;

function toVersion(r: Row): CatalogueVersion {
  return {
    id: String(r.id),
    messageId: String(r.message_id),
    supplierId: String(r.supplier_id),
    catalogueKey: String(r.catalogue_key),
    catalogueId: (r.catalogue_id as string) ?? null,
    versionId: (r.version_id as string) ?? null,
    issueDate: (r.issue_date as string) ?? null,
    operation: r.operation as CatalogueOperation,
    status: r.status as CatalogueVersionStatus,
    lineCount: Number(r.line_count),
    header: r.header as CatalogueHeader,
    createdAt: new Date(r.created_at as string),
    activatedAt: r.activated_at ? new Date(r.activated_at as string) : null,
  };
}

const LINE_COLUMNS = 9;

/** Catalogue versions and their lines (tables catalogue_versions, catalogue_lines). */
@Injectable()
export class CatalogueStore {
  constructor(private readonly db: Database) {}

  async byMessage(messageId: string, q: SqlExecutor = this.db): Promise<CatalogueVersion | null> {
    const [row] = await q.query<Row>(`SELECT * FROM catalogue_versions WHERE message_id = $1`, [messageId]);
    return row ? toVersion(row) : null;
  }

  /** Which of `messageIds` carry the active catalogue version of their key, or one still loading (retention keeps those). */
  async inUseByMessages(messageIds: readonly string[], q: SqlExecutor = this.db): Promise<Set<string>> {
    if (messageIds.length === 0) return new Set();
    const rows = await q.query<{ message_id: string }>(`SELECT message_id FROM catalogue_versions WHERE message_id = ANY($1::uuid[]) AND status IN ('active', 'loading')`, [[...messageIds]]);
    return new Set(rows.map((r) => String(r.message_id)));
  }

  /** Forgets a load interrupted by a crash, so it can start again from the first line. */
  async discardLoading(messageId: string): Promise<void> {
    await this.db.query(`DELETE FROM catalogue_versions WHERE message_id = $1 AND status = 'loading'`, [messageId]);
  }

  async createLoading(v: Pick<CatalogueVersion, 'id' | 'messageId' | 'supplierId' | 'catalogueKey' | 'operation' | 'header'>): Promise<void> {
    await this.db.query(
      `INSERT INTO catalogue_versions (id, message_id, supplier_id, catalogue_key, catalogue_id, version_id, issue_date, operation, status, header)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'loading', $9::jsonb)`,
      [v.id, v.messageId, v.supplierId, v.catalogueKey, v.header.id ?? null, v.header.versionId ?? null, v.header.issueDate ?? null, v.operation, JSON.stringify(v.header)],
    );
  }

  /** One statement per batch; a later line with the same item key replaces an earlier one. */
  async insertLines(versionId: string, lines: readonly LineToStore[]): Promise<void> {
    if (lines.length === 0) return;
    const params: unknown[] = [];
    const values = lines.map((l, i) => {
      const price = l.line.prices[0];
      params.push(versionId, l.itemKey, l.line.id ?? null, l.operation, l.searchIds, l.line.item.name ?? null, price?.amount ?? null, price?.currency ?? null, JSON.stringify(l.line));
      const p = (k: number) => `$${i * LINE_COLUMNS + k}`;
      return `(${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}::text[], ${p(6)}, ${p(7)}, ${p(8)}, ${p(9)}::jsonb)`;
    });
    await this.db.query(
      `INSERT INTO catalogue_lines (version_id, item_key, line_id, operation, search_ids, name, price_amount, currency, line)
       VALUES ${values.join(', ')}
       ON CONFLICT (version_id, item_key) DO UPDATE SET line_id = EXCLUDED.line_id, operation = EXCLUDED.operation,
         search_ids = EXCLUDED.search_ids, name = EXCLUDED.name, price_amount = EXCLUDED.price_amount,
         currency = EXCLUDED.currency, line = EXCLUDED.line`,
      params,
    );
  }

  /** The active version of a catalogue, locked until the transaction ends. */
  async activeFor(catalogueKey: string, tx: SqlExecutor): Promise<CatalogueVersion | null> {
    const [row] = await tx.query<Row>(`SELECT * FROM catalogue_versions WHERE catalogue_key = $1 AND status = 'active' FOR UPDATE`, [catalogueKey]);
    return row ? toVersion(row) : null;
  }

  /** An Update: the new version gets every line of the active one it does not itself add, change or delete. */
  async mergeUpdate(newVersionId: string, activeVersionId: string, tx: SqlExecutor): Promise<void> {
    await tx.query(
      `INSERT INTO catalogue_lines (version_id, item_key, line_id, operation, search_ids, name, price_amount, currency, line)
       SELECT $1, o.item_key, o.line_id, o.operation, o.search_ids, o.name, o.price_amount, o.currency, o.line
       FROM catalogue_lines o WHERE o.version_id = $2
         AND NOT EXISTS (SELECT 1 FROM catalogue_lines n WHERE n.version_id = $1 AND n.item_key = o.item_key)`,
      [newVersionId, activeVersionId],
    );
    await tx.query(`DELETE FROM catalogue_lines WHERE version_id = $1 AND operation = 'delete'`, [newVersionId]);
  }

  async setStatus(versionId: string, status: CatalogueVersionStatus, tx: SqlExecutor): Promise<void> {
    await tx.query(
      `UPDATE catalogue_versions SET status = $2,
         activated_at = CASE WHEN $2 = 'active' THEN now() ELSE activated_at END,
         line_count = (SELECT count(*) FROM catalogue_lines WHERE version_id = $1)
       WHERE id = $1`,
      [versionId, status],
    );
  }

  /** Lines of a version that is not in use: its lines are not kept. */
  async dropLines(versionId: string, tx: SqlExecutor): Promise<void> {
    await tx.query(`DELETE FROM catalogue_lines WHERE version_id = $1`, [versionId]);
  }

  /** Lines of a supplier's active catalogues that carry `itemId` as any of their item ids. */
  async search(supplierId: string, itemId: string, limit: number): Promise<StoredCatalogueLine[]> {
    const rows = await this.db.query<Row>(
      `SELECT v.supplier_id, v.catalogue_id, v.version_id AS catalogue_version, v.id AS stored_version, l.item_key, l.line_id, l.name, l.price_amount, l.currency, l.line
       FROM catalogue_lines l JOIN catalogue_versions v ON v.id = l.version_id
       WHERE v.supplier_id = $1 AND v.status = 'active' AND l.search_ids @> ARRAY[$2]::text[]
       ORDER BY v.catalogue_key, l.item_key LIMIT $3`,
      [supplierId, itemId, limit],
    );
    return rows.map((r) => ({
      catalogue: {
        supplierId: String(r.supplier_id),
        catalogueId: (r.catalogue_id as string) ?? null,
        versionId: (r.catalogue_version as string) ?? null,
        storedVersion: String(r.stored_version),
      },
      itemKey: String(r.item_key),
      lineId: (r.line_id as string) ?? null,
      name: (r.name as string) ?? null,
      price: r.price_amount == null ? null : { amount: String(r.price_amount), currency: (r.currency as string) ?? null },
      line: r.line as CatalogueLine,
    }));
  }

  /** Versions of a supplier's catalogues, newest first. */
  async versions(supplierId: string, limit: number): Promise<CatalogueVersion[]> {
    const rows = await this.db.query<Row>(`SELECT * FROM catalogue_versions WHERE supplier_id = $1 ORDER BY created_at DESC, id LIMIT $2`, [supplierId, limit]);
    return rows.map(toVersion);
  }
}
