import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { AuditRepository, MAX_SNAPSHOT_CHARS } from '../admin/audit/audit-repository.js';
import { Clock } from '../common/clock.js';
import { Database, type SqlExecutor } from '../database/database.js';
import { DeliveryRepository } from '../delivery/deliveries/delivery-repository.js';
import { MESSAGE_KINDS, type MessageKind } from '../messages/message-kinds.js';
import { MessageRepository, type RetentionRow, type StateScanCursor } from '../messages/message-repository.js';
import { OutboundAttempts } from '../outbound/outbound-attempts.js';
import { BlobCollector } from '../reliability/blob-collector.js';
import { ReportingPeriodRepository } from '../reporting/reporting-period-repository.js';
import { TransmissionRepository } from '../reporting/transmission-repository.js';
import { CatalogueStore } from '../workflows/catalogue/catalogue-store.js';
import { decideRetention, KEEP_REASONS, retentionCutoff, SETTLED_STATES, type KeepReason, type RetentionFacts } from './retention-rule.js';
import { RetentionMetrics } from './retention-metrics.js';
import { retentionConfig, type RetentionConfig } from './retention.config.js';

/** Who asked for a purge: the schedule, or an operator's key. */
export interface PurgeRequester {
  keyId: string;
  role: string;
}

export const SCHEDULE_REQUESTER: PurgeRequester = { keyId: 'schedule', role: 'system' };

/** One purged (or, in a dry run, purgeable) message as the report and the audit trail keep it. */
export interface PurgedMessage {
  id: string;
  kind: MessageKind;
  direction: string;
  state: string;
  as4MessageId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PurgeRowCounts {
  timelineEvents: number;
  documents: number;
  webhookEvents: number;
  webhookDeliveries: number;
  webhookAttempts: number;
  outboundAttempts: number;
}

export interface PurgeReport {
  runId: string;
  dryRun: boolean;
  requestedBy: string;
  at: string;
  /** Retention in days per kind (0 = forever). */
  retentionDays: Record<MessageKind, number>;
  purged: { total: number; byKind: Record<MessageKind, number> };
  /** Messages looked at and kept, by the reason. */
  kept: Record<KeepReason, number>;
  /** Rows deleted besides the messages (zero in a dry run). */
  rows: PurgeRowCounts;
  /** Blobs the purged rows referred to, and how many of them were removed (nothing else referred to them). */
  blobs: { referenced: number; removed: number };
  /** The purged messages, the first `MAX_LISTED`; the audit trail has all of them. */
  messages: PurgedMessage[];
  batches: number;
  /** False when the run stopped at RETENTION_MAX_BATCHES_PER_RUN with candidates left, or began where an earlier run stopped (the next run goes on). */
  complete: boolean;
}

/** Messages a report lists at most. */
export const MAX_LISTED = 200;
/** Room left in an audit snapshot for everything but the list of messages. */
const AUDIT_LIST_CHARS = MAX_SNAPSHOT_CHARS - 4_096;

const emptyRows = (): PurgeRowCounts => ({ timelineEvents: 0, documents: 0, webhookEvents: 0, webhookDeliveries: 0, webhookAttempts: 0, outboundAttempts: 0 });

/** The list of messages cut into parts that each fit one audit snapshot. */
export function auditParts(messages: readonly PurgedMessage[], maxChars = AUDIT_LIST_CHARS): PurgedMessage[][] {
  const parts: PurgedMessage[][] = [];
  let part: PurgedMessage[] = [];
  let chars = 2;
  for (const m of messages) {
    const size = JSON.stringify(m).length + 1;
    if (part.length > 0 && chars + size > maxChars) {
      parts.push(part);
      part = [];
      chars = 2;
    }
    part.push(m);
    chars += size;
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

/**
 * Retention: removes messages past their kind's retention with everything hanging off them, never
 * one in flight or still needed (see `retention-rule.ts`). Batch by batch: each batch is judged and
 * deleted in one transaction with its rows locked, its audit entry written in the same
 * transaction; the blobs the deleted rows referred to are released after the commit. A dry run
 * judges the same way and deletes nothing.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger('Retention');
  /** Where this process's last run stopped; the next goes on from there (from the start after a full round). */
  private after: StateScanCursor | null = null;

  constructor(
    private readonly db: Database,
    private readonly messages: MessageRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly outbound: OutboundAttempts,
    private readonly catalogues: CatalogueStore,
    private readonly periods: ReportingPeriodRepository,
    private readonly transmissions: TransmissionRepository,
    private readonly audit: AuditRepository,
    private readonly blobs: BlobCollector,
    private readonly clock: Clock,
    @Inject(retentionConfig.KEY) private readonly cfg: RetentionConfig,
    @Optional() private readonly metrics?: RetentionMetrics,
  ) {}

  /** Whether any kind has a retention (else nothing is ever purged). */
  get enabled(): boolean {
    return MESSAGE_KINDS.some((kind) => this.cfg.daysByKind[kind] > 0);
  }

  /** One run: up to RETENTION_MAX_BATCHES_PER_RUN batches of RETENTION_BATCH_SIZE candidates. */
  async run(opts: { dryRun: boolean; requestedBy: PurgeRequester }): Promise<PurgeReport> {
    const now = this.clock.now();
    const report: PurgeReport = {
      runId: randomUUID(),
      dryRun: opts.dryRun,
      requestedBy: opts.requestedBy.keyId,
      at: now.toISOString(),
      retentionDays: { ...this.cfg.daysByKind },
      purged: { total: 0, byKind: Object.fromEntries(MESSAGE_KINDS.map((k) => [k, 0])) as Record<MessageKind, number> },
      kept: Object.fromEntries(KEEP_REASONS.map((r) => [r, 0])) as Record<KeepReason, number>,
      rows: emptyRows(),
      blobs: { referenced: 0, removed: 0 },
      messages: [],
      batches: 0,
      complete: true,
    };
    const cutoffs = MESSAGE_KINDS.flatMap((kind) => {
      const before = retentionCutoff(kind, this.cfg.daysByKind, now);
      return before ? [{ kind, before }] : [];
    });
    if (cutoffs.length === 0) return report;
    const kept = new Map<string, KeepReason>();
    const purged = new Set<string>();
    // A dry run looks from the start; a purge goes on where this process's last one stopped.
    let after = opts.dryRun ? null : this.after;
    const fromStart = after === null;
    for (;;) {
      if (report.batches >= this.cfg.maxBatchesPerRun) {
        report.complete = false;
        break;
      }
      const page = await this.messages.retentionCandidates({ cutoffs, states: [...SETTLED_STATES], after, limit: this.cfg.batchSize });
      if (page.length === 0) {
        // Looked at everything since where it started: complete only when that was the start.
        report.complete = fromStart;
        after = null;
        break;
      }
      after = page[page.length - 1]!.cursor;
      report.batches++;
      const ids = page.map((c) => c.id).filter((id) => !purged.has(id));
      const outcome = opts.dryRun ? await this.judge(ids, now, this.db, false) : await this.purgeBatch(ids, now, report, opts.requestedBy);
      for (const [id, reason] of outcome.kept) if (!purged.has(id)) kept.set(id, reason);
      for (const m of outcome.purged) {
        if (purged.has(m.id)) continue;
        purged.add(m.id);
        kept.delete(m.id);
        report.purged.total++;
        report.purged.byKind[m.kind]++;
        if (report.messages.length < MAX_LISTED) report.messages.push(m);
      }
    }
    if (!opts.dryRun) this.after = after;
    for (const reason of kept.values()) report.kept[reason]++;
    if (!opts.dryRun && report.purged.total > 0) {
      this.logger.log(
        `purged ${report.purged.total} messages past their retention (${MESSAGE_KINDS.filter((k) => report.purged.byKind[k] > 0).map((k) => `${k} ${report.purged.byKind[k]}`).join(', ')}), removed ${report.blobs.removed} blobs; run ${report.runId}`,
      );
    }
    return report;
  }

  /** Judges `ids` with every message related to them; with `lock`, their rows stay locked until `tx` ends. */
  private async judge(ids: readonly string[], now: Date, tx: SqlExecutor, lock: boolean): Promise<{ purged: PurgedMessage[]; kept: Map<string, KeepReason> }> {
    const members = await this.messages.relatedClosure(ids, tx);
    let rows = await this.messages.retentionFacts(members, { tx });
    const busy = new Set<string>();
    if (lock) {
      // Judged on the locked rows; a row another transaction holds is busy (its group stays), judged
      // by what was read before. A relation made before the lock: its messages are judged too.
      const known = new Set(members);
      const extra = (await this.messages.relatedClosure(members, tx)).filter((id) => !known.has(id));
      const read = [...rows, ...(await this.messages.retentionFacts(extra, { tx }))];
      const locked = new Map((await this.messages.retentionFacts([...members, ...extra], { tx, lock })).map((r) => [r.id, r]));
      rows = read.map((r) => locked.get(r.id) ?? r);
      for (const r of read) if (!locked.has(r.id)) busy.add(r.id);
    }
    const all = rows.map((r) => r.id);
    const pending = await this.deliveries.withUnsettledDeliveries(all, tx);
    const catalogues = await this.catalogues.inUseByMessages(all, tx);
    const reports = await this.periods.namedReports(all, tx);
    const exchanged = await this.transmissions.exchangedAt(all, tx);
    const facts: RetentionFacts[] = rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      direction: r.direction,
      state: r.state,
      transaction: r.transaction,
      relatedMessageId: r.relatedMessageId,
      updatedAt: r.updatedAt,
      pendingDeliveries: pending.has(r.id),
      catalogueInUse: catalogues.has(r.id),
      reportOfRecord: reports.has(r.id),
      reportedExchangeAt: exchanged.get(r.id) ?? null,
      busy: busy.has(r.id),
    }));
    const decision = decideRetention(facts, this.cfg.daysByKind, now);
    const byId = new Map<string, RetentionRow>(rows.map((r) => [r.id, r]));
    return { purged: decision.purge.map((id) => purgedMessage(byId.get(id)!)), kept: decision.kept };
  }

  /** One batch judged and deleted in one transaction, its audit entry with it; blobs released after the commit. */
  private async purgeBatch(ids: readonly string[], now: Date, report: PurgeReport, requestedBy: PurgeRequester) {
    const { outcome, blobs } = await this.db.transaction(async (tx) => {
      const outcome = await this.judge(ids, now, tx, true);
      const doomed = outcome.purged.map((m) => m.id);
      if (doomed.length === 0) return { outcome, blobs: [] as string[] };
      const outboundRows = await this.outbound.purgeForMessages(doomed, tx);
      const webhookRows = await this.deliveries.purgeForMessages(doomed, tx);
      const messageRows = await this.messages.purge(doomed, tx);
      const rows: PurgeRowCounts = {
        timelineEvents: messageRows.events,
        documents: messageRows.documents,
        webhookEvents: webhookRows.events,
        webhookDeliveries: webhookRows.deliveries,
        webhookAttempts: webhookRows.attempts,
        outboundAttempts: outboundRows.attempts,
      };
      const blobs = [...new Set([...messageRows.blobs, ...webhookRows.blobs, ...outboundRows.blobs])];
      const parts = auditParts(outcome.purged);
      for (const [i, part] of parts.entries()) {
        await this.audit.record(
          {
            keyId: requestedBy.keyId,
            role: requestedBy.role,
            method: 'DELETE',
            route: 'retention:purge',
            path: 'retention:purge',
            target: `retention-run:${report.runId}`,
            status: 200,
            before: { messages: part },
            after: {
              ...(parts.length > 1 ? { part: i + 1, parts: parts.length } : {}),
              purged: countByKind(outcome.purged),
              rows,
              blobsReferenced: blobs.length,
              retentionDays: this.cfg.daysByKind,
            },
            correlationId: null,
          },
          tx,
        );
      }
      for (const [key, n] of Object.entries(rows) as Array<[keyof PurgeRowCounts, number]>) report.rows[key] += n;
      return { outcome, blobs };
    });
    for (const m of outcome.purged) this.metrics?.purged.inc({ kind: m.kind });
    report.blobs.referenced += blobs.length;
    if (blobs.length > 0) {
      // After the commit: bytes go only once nothing can refer to them; a failure here leaves them in the store (the postgres backend collects them later).
      const removed = await this.blobs.release(blobs).catch((error: unknown) => {
        this.logger.warn(`purged rows committed; their blobs were not all removed: ${(error as Error).message}`);
        return 0;
      });
      report.blobs.removed += removed;
      this.metrics?.blobsRemoved.inc(removed);
    }
    return outcome;
  }
}

function purgedMessage(r: RetentionRow): PurgedMessage {
  return { id: r.id, kind: r.kind, direction: r.direction, state: r.state, as4MessageId: r.as4MessageId, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}

function countByKind(messages: readonly PurgedMessage[]): Partial<Record<MessageKind, number>> {
  const counts: Partial<Record<MessageKind, number>> = {};
  for (const m of messages) counts[m.kind] = (counts[m.kind] ?? 0) + 1;
  return counts;
}
