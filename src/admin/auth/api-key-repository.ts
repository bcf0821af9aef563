import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { Database, type SqlExecutor } from '../../database/database.js';
import { generateApiKey, hashApiKey, keyIdOf, keyMatches } from './api-key.js';
import type { AdminRole, KeyRole } from './roles.js';

export type KeySource = 'config' | 'api' | 'cli';

export interface ApiKeyRecord {
  id: string;
  role: KeyRole;
  /** The participants a `backend` key acts for (lower-cased ids); empty for the admin roles. */
  participants: string[];
  label: string;
  source: KeySource;
  createdBy: string | null;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

type Row = Record<string, unknown>;

function toRecord(r: Row): ApiKeyRecord {
  const date = (v: unknown) => (v == null ? null : new Date(v as string));
  return {
    id: String(r.id),
    role: r.role as KeyRole,
    participants: Array.isArray(r.participants) ? (r.participants as unknown[]).map(String) : [],
    label: String(r.label),
    source: r.source as KeySource,
    createdBy: (r.created_by as string) ?? null,
    createdAt: new Date(r.created_at as string),
    revokedAt: date(r.revoked_at),
    lastUsedAt: date(r.last_used_at),
  };
}

// last_used_at is a hint for operators; writing it at most once a minute keeps reads cheap.
const LAST_USED_RESOLUTION_MS = 60_000;

/** Advisory lock held while the first admin key of an installation is made. */
const FIRST_KEY_LOCK = 7_361_013;

/** Admin API keys: only their SHA-256 is stored; the key is shown once when created. */
@Injectable()
export class ApiKeyRepository {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /**
   * On an installation that has never had a key (none configured, none created, none revoked): one
   * admin key, created once however many processes ask at the same time. Null when keys exist.
   */
  async createFirstAdminKey(): Promise<{ record: ApiKeyRecord; key: string } | null> {
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [FIRST_KEY_LOCK]);
      const [row] = await tx.query<{ n: string | number }>('SELECT count(*) AS n FROM admin_api_keys');
      if (Number(row!.n) > 0) return null;
      return this.create('admin', { label: 'first start', source: 'cli', createdBy: 'first-start', tx });
    });
  }

  /** True when no key was ever made (configured, created or revoked). */
  async none(): Promise<boolean> {
    const [row] = await this.db.query<{ n: string | number }>('SELECT count(*) AS n FROM admin_api_keys');
    return Number(row!.n) === 0;
  }

  /**
   * Creates a key and returns it with the only copy of the secret. A `backend` key needs the
   * participants it acts for (lower-cased ids); the admin roles take none.
   */
  async create(
    role: KeyRole,
    opts: { label?: string; source: KeySource; createdBy?: string; participants?: readonly string[]; tx?: SqlExecutor },
  ): Promise<{ record: ApiKeyRecord; key: string }> {
    const participants = [...new Set(opts.participants ?? [])];
    if ((role === 'backend') !== participants.length > 0) throw new Error(role === 'backend' ? 'a backend key needs at least one participant' : `a ${role} key acts for no participant`);
    const generated = generateApiKey();
    const [row] = await (opts.tx ?? this.db).query<Row>(
      `INSERT INTO admin_api_keys (id, key_hash, role, label, source, created_by, created_at, participants) VALUES ($1,$2,$3,$4,$5,$6,$7,$8::text[]) RETURNING *`,
      [generated.id, generated.hash, role, opts.label ?? '', opts.source, opts.createdBy ?? null, this.clock.now().toISOString(), participants],
    );
    return { record: toRecord(row!), key: generated.key };
  }

  /**
   * Makes the configured keys (ADMIN_API_KEYS) exactly the active `config` keys: new ones are added,
   * changed roles updated, and configured keys no longer listed are revoked.
   */
  async syncConfigured(keys: ReadonlyArray<{ role: AdminRole; key: string }>): Promise<void> {
    await this.db.transaction(async (tx) => {
      const now = this.clock.now().toISOString();
      const ids: string[] = [];
      for (const { role, key } of keys) {
        const id = keyIdOf(key)!;
        ids.push(id);
        await tx.query(
          `INSERT INTO admin_api_keys (id, key_hash, role, label, source, created_by, created_at) VALUES ($1,$2,$3,'ADMIN_API_KEYS','config','config',$4)
           ON CONFLICT (id) DO UPDATE SET role = EXCLUDED.role, key_hash = EXCLUDED.key_hash, revoked_at = NULL
           WHERE admin_api_keys.source = 'config'`,
          [id, hashApiKey(key), role, now],
        );
      }
      await tx.query(
        `UPDATE admin_api_keys SET revoked_at = $2 WHERE source = 'config' AND revoked_at IS NULL AND NOT (id = ANY($1::text[]))`,
        [ids, now],
      );
    });
  }

  /** The active key a presented secret belongs to, or null. */
  async authenticate(key: string): Promise<ApiKeyRecord | null> {
    const id = keyIdOf(key);
    if (!id) return null;
    const [row] = await this.db.query<Row>(`SELECT * FROM admin_api_keys WHERE id = $1 AND revoked_at IS NULL`, [id]);
    if (!row || !keyMatches(key, String(row.key_hash))) return null;
    const record = toRecord(row);
    const now = this.clock.now();
    if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.db.query(`UPDATE admin_api_keys SET last_used_at = $2 WHERE id = $1`, [id, now.toISOString()]);
      record.lastUsedAt = now;
    }
    return record;
  }

  async get(id: string): Promise<ApiKeyRecord | null> {
    const [row] = await this.db.query<Row>(`SELECT * FROM admin_api_keys WHERE id = $1`, [id]);
    return row ? toRecord(row) : null;
  }

  async list(opts: { includeRevoked: boolean }): Promise<ApiKeyRecord[]> {
    const rows = await this.db.query<Row>(
      `SELECT * FROM admin_api_keys WHERE $1::boolean OR revoked_at IS NULL ORDER BY created_at, id`,
      [opts.includeRevoked],
    );
    return rows.map(toRecord);
  }

  /** Revokes a key at once; null when there is no such active key. */
  async revoke(id: string): Promise<ApiKeyRecord | null> {
    const [row] = await this.db.query<Row>(
      `UPDATE admin_api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING *`,
      [id, this.clock.now().toISOString()],
    );
    return row ? toRecord(row) : null;
  }
}
