import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  CatalogueActionError,
  catalogueKey,
  catalogueOperation,
  isNewerCatalogue,
  itemKey,
  lineOperation,
  searchableIds,
  type CatalogueOperation,
  type LineOperation,
} from '../../catalogue/catalogue-actions.js';
import { expectsResponse } from '../../catalogue/catalogue-decision.js';
import type { CatalogueHeader, CatalogueLine } from '../../catalogue/catalogue-model.js';
import { CatalogueReadError, openCatalogue, type CatalogueReader } from '../../catalogue/catalogue-reader.js';
import { catalogueConfig, type CatalogueConfig } from '../../catalogue/catalogue.config.js';
import { Database, type SqlExecutor } from '../../database/database.js';
import { MessageRepository, type CatalogueOutcome, type MessageRecord } from '../../messages/message-repository.js';
import { normalizeParticipant } from '../../peppol/index.js';
import { DOCUMENT_ROLE, WorkflowDocuments } from '../shared/workflow-documents.js';
import { workflowsConfig, type WorkflowsConfig } from '../workflows.config.js';
import { CatalogueStore, type CatalogueVersion, type LineToStore } from './catalogue-store.js';

/** Most line problems collected before a catalogue is refused without reading further. */
const MAX_PROBLEMS = 50;

interface Loaded {
  header: CatalogueHeader;
  operation: CatalogueOperation;
  key: string;
  versionRowId: string;
  problems: string[];
}

/**
 * Stores a valid catalogue as a new version of the supplier's catalogue: lines streamed into the
 * database in batches (bounded memory), then, in one transaction, the version put in place as its
 * action code says and the message moved on. Refused (older than the active one, nothing to update,
 * bad action codes): the message is `rejected` with the reasons, for a rejecting response.
 */
@Injectable()
export class CatalogueLoader {
  constructor(
    private readonly db: Database,
    private readonly messages: MessageRepository,
    private readonly versions: CatalogueStore,
    private readonly documents: WorkflowDocuments,
    @Inject(catalogueConfig.KEY) private readonly catalogueCfg: CatalogueConfig,
    @Inject(workflowsConfig.KEY) private readonly cfg: WorkflowsConfig,
  ) {}

  async store(message: MessageRecord): Promise<MessageRecord> {
    await this.versions.discardLoading(message.id);
    const loaded = await this.load(message);
    if ('refused' in loaded) return this.finish(message, null, loaded.header, { decision: 'RE', reasons: loaded.refused });
    return this.finish(message, loaded, loaded.header, undefined);
  }

  /** Reads the catalogue and writes its lines as a `loading` version. */
  private async load(message: MessageRecord): Promise<Loaded | { refused: string[]; header?: CatalogueHeader }> {
    const doc = await this.documents.require(message.id, DOCUMENT_ROLE.business);
    const stream = this.documents.open(doc);
    try {
      let reader: CatalogueReader;
      try {
        reader = await openCatalogue(stream, this.catalogueCfg.limits);
      } catch (error) {
        if (error instanceof CatalogueReadError) return { refused: [error.message] };
        throw error;
      }
      const header = reader.header;
      let operation: CatalogueOperation;
      let key: string;
      try {
        operation = catalogueOperation(header);
        key = catalogueKey(header);
      } catch (error) {
        if (error instanceof CatalogueActionError) return { refused: [error.message], header };
        throw error;
      }
      const versionRowId = randomUUID();
      await this.versions.createLoading({
        id: versionRowId,
        messageId: message.id,
        supplierId: supplierOf(header),
        catalogueKey: key,
        operation,
        header,
      });
      // A Delete removes the whole catalogue: its lines are not read.
      const problems = operation === 'delete' ? [] : await this.writeLines(reader.lines, operation, versionRowId);
      return { header, operation, key, versionRowId, problems };
    } finally {
      stream.destroy();
    }
  }

  private async writeLines(lines: AsyncIterable<CatalogueLine>, operation: CatalogueOperation, versionRowId: string): Promise<string[]> {
    const problems: string[] = [];
    let batch = new Map<string, LineToStore>();
    const flush = async () => {
      await this.versions.insertLines(versionRowId, [...batch.values()]);
      batch = new Map();
    };
    try {
      for await (const line of lines) {
        let lineOp: LineOperation | 'skip';
        try {
          lineOp = lineOperationIn(operation, line);
        } catch (error) {
          if (!(error instanceof CatalogueActionError)) throw error;
          problems.push(error.message);
          if (problems.length >= MAX_PROBLEMS) break;
          continue;
        }
        if (lineOp === 'skip') continue;
        const key = itemKey(line);
        if (!key) {
          problems.push(`line ${line.id ?? '?'}: the item has neither a seller's nor a standard identifier`);
          if (problems.length >= MAX_PROBLEMS) break;
          continue;
        }
        // Within one statement a key may appear once: the later line wins, as it would across batches.
        batch.delete(key);
        batch.set(key, { itemKey: key, operation: lineOp, searchIds: searchableIds(line), line });
        if (batch.size >= this.cfg.catalogueBatchLines) await flush();
      }
      await flush();
    } catch (error) {
      if (!(error instanceof CatalogueReadError)) throw error;
      problems.push(error.message);
    }
    return problems;
  }

  /** One transaction: the version put in place (or refused) and the message moved on. */
  private async finish(message: MessageRecord, loaded: Loaded | null, header: CatalogueHeader | undefined, refused: CatalogueOutcome | undefined): Promise<MessageRecord> {
    const responseExpected = header ? expectsResponse(header) : true;
    return this.db.transaction(async (tx) => {
      let outcome: CatalogueOutcome = refused ?? { decision: 'RE', reasons: loaded!.problems };
      if (loaded && loaded.problems.length === 0) {
        const active = await this.versions.activeFor(loaded.key, tx);
        const refusal = refusalOf(loaded, active);
        outcome = refusal ? { decision: 'RE', reasons: [refusal] } : { decision: 'AP', reasons: [] };
        if (!refusal) await this.putInPlace(loaded, active, tx);
      }
      if (loaded && outcome.decision === 'RE') {
        await this.versions.dropLines(loaded.versionRowId, tx);
        await this.versions.setStatus(loaded.versionRowId, 'refused', tx);
      }
      const stored = outcome.decision === 'AP';
      const version = loaded ? await this.versions.byMessage(message.id, tx) : null;
      return this.messages.transition(message.id, stored ? 'catalogue-stored' : 'rejected', {
        actor: 'system:catalogue',
        reason: stored
          ? `catalogue ${header?.id ?? ''} version ${header?.versionId ?? '-'} stored (${loaded!.operation}, ${version?.lineCount ?? 0} lines)`
          : `catalogue refused: ${outcome.reasons.join('; ')}`.slice(0, 2_000),
        data: { outcome, catalogueVersion: loaded?.versionRowId ?? null },
        from: ['validated'],
        patch: { attributes: { catalogueOutcome: outcome, catalogueVersion: loaded?.versionRowId ?? null, responseExpected } },
        tx,
      });
    });
  }

  private async putInPlace(loaded: Loaded, active: CatalogueVersion | null, tx: SqlExecutor): Promise<void> {
    const { versionRowId, operation } = loaded;
    if (operation === 'update') await this.versions.mergeUpdate(versionRowId, active!.id, tx);
    if (operation === 'delete') {
      await this.versions.setStatus(active!.id, 'deleted', tx);
      await this.versions.setStatus(versionRowId, 'deleted', tx);
      return;
    }
    // The old version leaves first: at most one version of a catalogue is active at any moment.
    if (active) await this.versions.setStatus(active.id, 'superseded', tx);
    await this.versions.setStatus(versionRowId, 'active', tx);
  }
}

/** Why a catalogue cannot take the place of the active one, if it cannot. */
function refusalOf(loaded: Loaded, active: CatalogueVersion | null): string | undefined {
  const { operation, header } = loaded;
  if (!active) {
    if (operation === 'update') return 'there is no active catalogue to update (send the whole catalogue with action code Replace)';
    if (operation === 'delete') return 'there is no active catalogue to delete';
    return undefined;
  }
  if (!isNewerCatalogue(header, active.header)) {
    return `catalogue issued ${header.issueDate ?? '?'} version ${header.versionId ?? '?'} is not newer than the active one (issued ${active.header.issueDate ?? '?'} version ${active.header.versionId ?? '?'})`;
  }
  return undefined;
}

/**
 * What a line does. In an Update catalogue its action code decides. A whole catalogue (Add,
 * Replace) is the complete list of lines, so a line's Add or Update code changes nothing (the
 * official example sends Update lines in an Add catalogue) and a Delete line is simply not kept.
 */
function lineOperationIn(operation: CatalogueOperation, line: CatalogueLine): LineOperation | 'skip' {
  if (operation === 'update') return lineOperation(operation, line);
  // Checked as in an Update catalogue: an unknown code is still refused.
  return lineOperation('update', line) === 'delete' ? 'skip' : 'upsert';
}

function supplierOf(header: CatalogueHeader): string {
  const endpoint = header.provider!.endpoint!;
  return normalizeParticipant(`${endpoint.schemeId ?? ''}:${endpoint.value}`);
}
