import { Injectable } from '@nestjs/common';
import { ParticipantDirectory, type ServiceLookup } from '../as4/inbound/ports.js';
import type { PeppolIdentifier } from '../as4/protocol/identifiers.js';
import { Database, type SqlExecutor } from '../database/database.js';
import { type AcceptedDocument, acceptedDocuments, normalizeParticipant } from './peppol-documents.js';

export interface Participant {
  id: string;
  name: string;
  enabled: boolean;
  documents: Array<{ documentTypeId: string; processId: string }>;
}

/** Participants we serve and what they accept; answers the AS4 receiver's "is this served?" question. */
@Injectable()
export class ParticipantRepository extends ParticipantDirectory {
  constructor(private readonly db: Database) {
    super();
  }

  async lookup(query: { participant: PeppolIdentifier; documentType: PeppolIdentifier; process: PeppolIdentifier }): Promise<ServiceLookup> {
    const id = normalizeParticipant(query.participant.value);
    const [p] = await this.db.query<{ enabled: boolean }>(`SELECT enabled FROM participants WHERE id = $1`, [id]);
    if (!p || !p.enabled) return 'unknown-participant';
    const rows = await this.db.query(
      `SELECT 1 FROM participant_document_types WHERE participant_id = $1 AND document_type_id = $2 AND process_id = $3`,
      [id, `${query.documentType.scheme}::${query.documentType.value}`, `${query.process.scheme}::${query.process.value}`],
    );
    return rows.length > 0 ? 'served' : 'document-type-not-accepted';
  }

  /** Creates or updates a participant with exactly the given accepted documents. */
  async upsert(
    participantId: string,
    opts: { name?: string; enabled?: boolean; documents?: readonly Pick<AcceptedDocument, 'documentTypeId' | 'processId'>[] } = {},
    tx?: SqlExecutor,
  ): Promise<Participant> {
    const run = async (q: SqlExecutor) => {
      const id = normalizeParticipant(participantId);
      await q.query(
        `INSERT INTO participants (id, name, enabled) VALUES ($1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET name = COALESCE($4, participants.name), enabled = EXCLUDED.enabled, updated_at = now()`,
        [id, opts.name ?? '', opts.enabled ?? true, opts.name ?? null],
      );
      await q.query(`DELETE FROM participant_document_types WHERE participant_id = $1`, [id]);
      for (const d of opts.documents ?? acceptedDocuments()) {
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
