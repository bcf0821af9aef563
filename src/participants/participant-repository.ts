import { Inject, Injectable, Optional } from '@nestjs/common';
import { ParticipantDirectory, type ServiceLookup } from '../as4/receive/ports.js';
import { Database, type SqlExecutor } from '../database/database.js';
import type { ConfigOf } from '../config/define-config.js';
import { type AcceptedDocument, normalizeParticipant, type PeppolIdentifier, transactionRegistry } from '../peppol/index.js';
import { participantsConfig } from './participants.config.js';

/** Bound on remembered lookups (each a short string and an answer); past it the cache starts afresh. */
const MAX_CACHED_LOOKUPS = 10_000;

export interface Participant {
  id: string;
  name: string;
  enabled: boolean;
  documents: Array<{ documentTypeId: string; processId: string }>;
}

/**
 * Participants we serve and what they accept; answers the AS4 receiver's "is this served?" question.
 * Every received message asks it, so answers are remembered for a few seconds
 * (PARTICIPANTS_LOOKUP_CACHE_SECONDS): changes made through this process apply at once, changes
 * made by another process within that time.
 */
@Injectable()
export class ParticipantRepository extends ParticipantDirectory {
  private readonly lookupTtlMs: number;
  private readonly lookups = new Map<string, { readonly answer: ServiceLookup; readonly until: number }>();

  constructor(
    private readonly db: Database,
    @Optional() @Inject(participantsConfig.KEY) cfg?: ConfigOf<typeof participantsConfig>,
  ) {
    super();
    this.lookupTtlMs = cfg?.lookupCacheMs ?? 0;
  }

  async lookup(query: { participant: PeppolIdentifier; documentType: PeppolIdentifier; process: PeppolIdentifier }): Promise<ServiceLookup> {
    const id = normalizeParticipant(query.participant.value);
    const documentTypeId = `${query.documentType.scheme}::${query.documentType.value}`;
    const processId = `${query.process.scheme}::${query.process.value}`;
    const key = `${id}\n${documentTypeId}\n${processId}`;
    const now = Date.now();
    const cached = this.lookups.get(key);
    if (cached && cached.until > now) return cached.answer;
    const [row] = await this.db.query<{ enabled: boolean; accepts: boolean }>(
      `SELECT p.enabled, EXISTS (SELECT 1 FROM participant_document_types d
                                  WHERE d.participant_id = p.id AND d.document_type_id = $2 AND d.process_id = $3) AS accepts
         FROM participants p WHERE p.id = $1`,
      [id, documentTypeId, processId],
    );
    const answer: ServiceLookup = !row?.enabled ? 'unknown-participant' : row.accepts ? 'served' : 'document-type-not-accepted';
    if (this.lookupTtlMs > 0) {
      if (this.lookups.size >= MAX_CACHED_LOOKUPS) this.lookups.clear();
      this.lookups.set(key, { answer, until: now + this.lookupTtlMs });
    }
    return answer;
  }

  /** Creates or updates a participant with exactly the given accepted documents. */
  async upsert(
    participantId: string,
    opts: { name?: string; enabled?: boolean; documents?: readonly Pick<AcceptedDocument, 'documentTypeId' | 'processId'>[] } = {},
    tx?: SqlExecutor,
  ): Promise<Participant> {
    this.lookups.clear();
    const run = async (q: SqlExecutor) => {
      const id = normalizeParticipant(participantId);
      await q.query(
        `INSERT INTO participants (id, name, enabled) VALUES ($1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET name = COALESCE($4, participants.name), enabled = EXCLUDED.enabled, updated_at = now()`,
        [id, opts.name ?? '', opts.enabled ?? true, opts.name ?? null],
      );
      await q.query(`DELETE FROM participant_document_types WHERE participant_id = $1`, [id]);
      for (const d of opts.documents ?? transactionRegistry.acceptedDocuments()) {
        await q.query(`INSERT INTO participant_document_types (participant_id, document_type_id, process_id) VALUES ($1, $2, $3)`, [id, d.documentTypeId, d.processId]);
      }
      return (await this.get(id, q))!;
    };
    return tx ? run(tx) : this.db.transaction(run);
  }

  async get(participantId: string, q: SqlExecutor = this.db): Promise<Participant | null> {
    const id = normalizeParticipant(participantId);
    const [p] = await q.query<{ id: string; name: string; enabled: boolean }>(`SELECT id, name, enabled FROM participants WHERE id = $1`, [id]);
    if (!p) return null;
    const docs = await q.query<{ document_type_id: string; process_id: string }>(
      `SELECT document_type_id, process_id FROM participant_document_types WHERE participant_id = $1 ORDER BY 1, 2`,
      [id],
    );
    return { id: p.id, name: p.name, enabled: p.enabled, documents: docs.map((d) => ({ documentTypeId: d.document_type_id, processId: d.process_id })) };
  }

  async list(): Promise<Participant[]> {
    const ids = await this.db.query<{ id: string }>(`SELECT id FROM participants ORDER BY id`);
    const out: Participant[] = [];
    for (const { id } of ids) out.push((await this.get(id))!);
    return out;
  }

  async remove(participantId: string): Promise<boolean> {
    this.lookups.clear();
    const rows = await this.db.query(`DELETE FROM participants WHERE id = $1 RETURNING id`, [normalizeParticipant(participantId)]);
    return rows.length > 0;
  }

  /** Adds the configured participants that do not exist yet (never overwrites what an operator changed). */
  async seed(ids: readonly string[]): Promise<number> {
    let added = 0;
    for (const id of ids) {
      if (await this.get(id)) continue;
      await this.upsert(id);
      added++;
    }
    return added;
  }
}
