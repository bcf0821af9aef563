import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { Database } from '../database/database.js';
import { MessageRepository, type MessageFailure, type MessageRecord } from '../messages/message-repository.js';
import { outboundConfig, type OutboundConfig } from '../outbound/outbound.config.js';
import { OutboundService } from '../outbound/outbound.service.js';
import { mainIdOfSeat, qualifiedDocumentTypeId, qualifiedProcessId, SPIS_ICD, TRANSACTIONS, valueWithoutScheme, IDENTIFIER_SCHEMES } from '../peppol/index.js';
import { ApIdentity } from '../pki/ap-identity.js';
import { commonName } from '../pki/keystore.js';
import { pkiConfig, type PkiConfig } from '../pki/pki.config.js';
import type { ValidationReport } from '../validation/validation-report.js';
import { ValidationService } from '../validation/validation.service.js';
import { BlobStore } from '../storage/blob-store.js';
import { BUSINESS_DOCUMENT_ROLE } from '../outbound/outbound.service.js';
import { buildEusr, eusrXml, type Eusr } from './eusr.js';
import { ReportBuildError } from './report-model.js';
import { reportingConfig, type ReportingConfig } from './reporting.config.js';
import { ReportingMetrics } from './reporting-metrics.js';
import { ReportingPeriodRepository, type PeriodRecord } from './reporting-period-repository.js';
import { currentPeriod, isFuture, isOpen, parsePeriod, previousPeriod, type ReportingPeriod } from './reporting-period.js';
import { TransmissionRepository } from './transmission-repository.js';
import { buildTsr, tsrXml, type Tsr } from './tsr.js';

const TSR = TRANSACTIONS.transactionStatisticsReport;
const EUSR = TRANSACTIONS.endUserStatisticsReport;
export const REPORTING_ACTOR = 'reporting';
/** Who asked for a send when the monthly schedule did. */
export const SCHEDULE_REQUESTER = 'schedule';

/** The two reports of a period, as numbers and as the XML that is sent. */
export interface PeriodReports {
  period: ReportingPeriod;
  tsr: Tsr;
  eusr: Eusr;
  tsrXml: string;
  eusrXml: string;
}

/** A period that cannot be reported (unknown, future, still running): the API answers 4xx. */
export class PeriodRefusedError extends Error {
  override name = 'PeriodRefusedError';
  constructor(
    readonly code: 'period-invalid' | 'period-future' | 'period-open' | 'already-sent',
    message: string,
  ) {
    super(message);
  }
}

/** A report failed its official rules: never sent. */
export class ReportInvalidError extends Error {
  override name = 'ReportInvalidError';
}

/** One sent report: its message, state and receipt. */
export interface SentReportView {
  messageId: string;
  state: string;
  as4MessageId: string | null;
  receivingAp: string | null;
  /** Blob of the receipt (signed AS4 signal) once verified. */
  receiptSha256: string | null;
  sentAt: string | null;
  failure: MessageFailure | null;
}

export type PeriodState = 'open' | 'unsent' | 'invalid' | 'sending' | 'sent' | 'send-failed';

export interface PeriodView {
  period: string;
  state: PeriodState;
  sends: number;
  requestedBy: string | null;
  sentAt: string | null;
  /** TSR totals and EUSR full set of the latest send. */
  counts: { incoming: number; outgoing: number; sendingEndUsers: number; receivingEndUsers: number; sendingOrReceivingEndUsers: number } | null;
  tsr: SentReportView | null;
  eusr: SentReportView | null;
  failure: MessageFailure | null;
}

/** What a send did: handed both reports to the outbound path, or nothing because the period is sent already. */
export type SendOutcome = { kind: 'submitted'; view: PeriodView } | { kind: 'skipped'; reason: string; view: PeriodView };

/**
 * Peppol Reporting: builds the TSR and EUSR of a period from the recorded transmissions, checks them
 * against the official rules, and sends them to OpenPeppol's receiver on the normal outbound path
 * (SMP discovery, AS4, retries). A period is sent once by the schedule; only an operator sends it
 * again, and the latest send replaces the earlier one.
 */
@Injectable()
export class ReportingService {
  private readonly logger = new Logger('Reporting');

  constructor(
    private readonly db: Database,
    private readonly transmissions: TransmissionRepository,
    private readonly periods: ReportingPeriodRepository,
    private readonly messages: MessageRepository,
    private readonly outbound: OutboundService,
    private readonly validation: ValidationService,
    private readonly identity: ApIdentity,
    private readonly clock: Clock,
    private readonly blobs: BlobStore,
    @Inject(reportingConfig.KEY) private readonly config: ReportingConfig,
    @Inject(outboundConfig.KEY) private readonly outboundCfg: Pick<OutboundConfig, 'defaultCountryC1'>,
    @Inject(pkiConfig.KEY) private readonly pki: Pick<PkiConfig, 'stage'>,
    @Optional() private readonly metrics?: ReportingMetrics,
  ) {
    if (this.metrics) this.metrics.lastPeriodSource = () => this.lastSentPeriod();
  }

  /** The latest period (YYYYMM) whose two reports both have verified receipts; 0 when none. */
  async lastSentPeriod(): Promise<number> {
    for (const row of await this.periods.list(24)) {
      const view = await this.viewOf(parsePeriod(row.period), row);
      if (view.state === 'sent') return Number(view.period.replace('-', ''));
    }
    return 0;
  }

  /** Our seat id: the CN of the certificate we sign with. */
  reporterId(): string {
    const cn = commonName(this.identity.signing().certificate);
    if (!cn) throw new ReportBuildError('our AP certificate has no CN, so there is no reporter id');
    return cn;
  }

  /** A period that may be reported or looked at: a past or the current month. */
  period(text: string, opts: { closed?: boolean } = {}): ReportingPeriod {
    let period: ReportingPeriod;
    try {
      period = parsePeriod(text);
    } catch (error) {
      throw new PeriodRefusedError('period-invalid', (error as Error).message);
    }
    const now = this.clock.now();
    if (isFuture(period, now)) throw new PeriodRefusedError('period-future', `period ${period.id} has not started yet`);
    if (opts.closed && isOpen(period, now)) throw new PeriodRefusedError('period-open', `period ${period.id} is still running: its reports can be sent from ${period.to.toISOString().slice(0, 10)}`);
    return period;
  }

  /** Builds both reports of a period from the transmissions recorded in it (an open period: so far). */
  async reports(period: ReportingPeriod): Promise<PeriodReports> {
    const groups = await this.transmissions.groups(period.from, period.to);
    const header = { startDate: period.startDate, endDate: period.endDate, reporterId: this.reporterId() };
    const tsr = buildTsr(groups, header);
    const eusr = buildEusr(groups, header);
    return { period, tsr, eusr, tsrXml: tsrXml(tsr), eusrXml: eusrXml(eusr) };
  }

  /** Both reports checked against their XSD and the official schematron. */
  async check(reports: PeriodReports): Promise<{ tsr: ValidationReport; eusr: ValidationReport }> {
    const [tsr, eusr] = await Promise.all([
      this.validation.validate(reports.tsrXml, { transaction: TSR.id }),
      this.validation.validate(reports.eusrXml, { transaction: EUSR.id }),
    ]);
    return { tsr, eusr };
  }

  /** Whether this deployment sends reports at all (production traffic only, unless configured otherwise). */
  sends(): boolean {
    return this.config.send === 'always' || (this.config.send === 'production' && this.pki.stage === 'production');
  }

  /** The monthly run: the previous month, unless it was sent already. */
  async sendDue(): Promise<SendOutcome | undefined> {
    if (!this.sends()) {
      this.logger.log(`reports are not sent (REPORTING_SEND=${this.config.send}, PEPPOL_STAGE=${this.pki.stage})`);
      return undefined;
    }
    return this.send(previousPeriod(this.clock.now()).id, { requestedBy: SCHEDULE_REQUESTER, resend: false });
  }

  /**
   * Builds, checks and submits both reports of a closed period. Without `resend` a period whose
   * reports were handed over before is left alone (the schedule, any number of processes); with it
   * (an operator) new reports replace them. A report failing its rules is never sent: the period
   * records the failure and ReportInvalidError is thrown (the job fails, an alert is logged).
   */
  async send(periodText: string, opts: { requestedBy: string; resend: boolean }): Promise<SendOutcome> {
    const period = this.period(periodText, { closed: true });
    if (!opts.resend) {
      const before = await this.periods.get(period.id);
      if (before?.tsrMessageId && before.eusrMessageId && (await this.messages.find(before.tsrMessageId)) && (await this.messages.find(before.eusrMessageId))) {
        return { kind: 'skipped', reason: `the reports of ${period.id} were sent before; only an operator sends them again`, view: await this.view(period.id) };
      }
    }
    let reports: PeriodReports;
    let failure: MessageFailure | undefined;
    try {
      reports = await this.reports(period);
      const checked = await this.check(reports);
      const fatal = [...checked.tsr.fired.map((f) => ({ ...f, report: TSR.id })), ...checked.eusr.fired.map((f) => ({ ...f, report: EUSR.id }))].filter((f) => f.flag === 'fatal');
      if (fatal.length > 0) {
        for (const r of new Set(fatal.map((f) => f.report))) this.metrics?.reports.inc({ report: r, outcome: 'invalid' });
        failure = { stage: 'validation', code: 'report-invalid', message: fatal.slice(0, 10).map((f) => `${f.report} ${f.id}: ${f.text}`).join('; ') };
      }
    } catch (error) {
      if (!(error instanceof ReportBuildError)) throw error;
      failure = { stage: 'validation', code: 'report-unbuildable', message: error.message };
    }
    if (failure) {
      await this.periods.recordFailure(period.id, failure, opts.requestedBy);
      this.logger.error(`ALERT: the reports of ${period.id} are not sent: ${failure.message}`);
      throw new ReportInvalidError(`the reports of ${period.id} fail their rules and are not sent: ${failure.message}`);
    }
    const built = reports!;
    // One send of a period at a time: the row is locked while the new reports are named.
    const decided = await this.db.transaction<{ skip: PeriodRecord } | { ids: { tsrMessageId: string; eusrMessageId: string } }>(async (tx) => {
      const row = await this.periods.lock(period.id, tx);
      if (row.tsrMessageId && !opts.resend) return { skip: row };
      const ids = { tsrMessageId: randomUUID(), eusrMessageId: randomUUID() };
      await this.periods.recordSend(period.id, { ...ids, summary: summaryOf(built), requestedBy: opts.requestedBy }, tx);
      return { ids };
    });
    if ('skip' in decided) {
      // Named before but perhaps not handed over (a crash in between): hand those over now.
      await this.handOver(decided.skip, built);
      return { kind: 'skipped', reason: `the reports of ${period.id} were sent before; only an operator sends them again`, view: await this.view(period.id) };
    }
    await this.handOver({ ...decided.ids }, built);
    this.logger.log(`reports of ${period.id} submitted (TSR ${built.tsr.total.incoming} in / ${built.tsr.total.outgoing} out, EUSR ${built.eusr.fullSet.sendingOrReceiving} end users), requested by ${opts.requestedBy}`);
    return { kind: 'submitted', view: await this.view(period.id) };
  }

  /** Submits the named report messages unless they exist already (then makes sure they are being sent). */
  private async handOver(ids: Pick<PeriodRecord, 'tsrMessageId' | 'eusrMessageId'>, reports: PeriodReports): Promise<void> {
    const sender = this.config.sender ?? `${SPIS_ICD}:${mainIdOfSeat(reports.tsr.reporterId) ?? ''}`;
    const receiver = valueWithoutScheme(this.config.receiver, IDENTIFIER_SCHEMES.participant);
    const countryC1 = this.config.countryC1 ?? this.outboundCfg.defaultCountryC1;
    for (const [t, id, xml] of [
      [TSR, ids.tsrMessageId, reports.tsrXml],
      [EUSR, ids.eusrMessageId, reports.eusrXml],
    ] as const) {
      if (!id) continue;
      const existing = await this.messages.find(id);
      if (existing) {
        if (existing.state === 'created') await this.outbound.send(id);
        continue;
      }
      await this.outbound.submit({
        id,
        document: Buffer.from(xml, 'utf8'),
        kind: t.kind,
        senderId: sender,
        receiverId: receiver,
        documentTypeId: qualifiedDocumentTypeId(t.documentTypeId),
        processId: qualifiedProcessId(t.processIds[0]),
        ...(countryC1 ? { countryC1 } : {}),
      });
      this.metrics?.reports.inc({ report: t.id, outcome: 'submitted' });
    }
  }

  /**
   * A period's figures: those of its latest sent reports, else built now from the transmissions
   * recorded so far (an open or unsent period).
   */
  async summary(periodText: string): Promise<PeriodView & { summary: { source: 'sent' | 'generated'; tsr: Tsr; eusr: Eusr } }> {
    const view = await this.view(periodText);
    const row = await this.periods.get(view.period);
    if (row?.summary && view.tsr && view.eusr) return { ...view, summary: { source: 'sent', ...(row.summary as { tsr: Tsr; eusr: Eusr }) } };
    const reports = await this.reports(this.period(periodText));
    return { ...view, summary: { source: 'generated', tsr: reports.tsr, eusr: reports.eusr } };
  }

  /** One report's XML: as last sent for the period, else generated now (an open or unsent period). */
  async reportXml(periodText: string, report: 'tsr' | 'eusr'): Promise<{ xml: Buffer; source: 'sent' | 'generated' }> {
    const period = this.period(periodText);
    const row = await this.periods.get(period.id);
    const messageId = report === 'tsr' ? row?.tsrMessageId : row?.eusrMessageId;
    if (messageId) {
      const doc = (await this.messages.documents(messageId)).find((d) => d.role === BUSINESS_DOCUMENT_ROLE);
      if (doc) return { xml: await this.blobs.read(doc.sha256), source: 'sent' };
    }
    const reports = await this.reports(period);
    return { xml: Buffer.from(report === 'tsr' ? reports.tsrXml : reports.eusrXml, 'utf8'), source: 'generated' };
  }

  /** A period's state: its latest reports and their receipts, or what stopped them. */
  async view(periodText: string): Promise<PeriodView> {
    const period = this.period(periodText);
    const row = await this.periods.get(period.id);
    return this.viewOf(period, row);
  }

  /** The current period, every period with a record, and the previous month (due) when it has none, newest first. */
  async list(): Promise<PeriodView[]> {
    const now = this.clock.now();
    const rows = await this.periods.list();
    const ids = new Set([currentPeriod(now).id, previousPeriod(now).id, ...rows.map((r) => r.period)]);
    const byId = new Map(rows.map((r) => [r.period, r]));
    return Promise.all([...ids].sort().reverse().map((id) => this.viewOf(parsePeriod(id), byId.get(id) ?? null)));
  }

  private async viewOf(period: ReportingPeriod, row: PeriodRecord | null): Promise<PeriodView> {
    const [tsr, eusr] = await Promise.all([this.sentReport(row?.tsrMessageId ?? null), this.sentReport(row?.eusrMessageId ?? null)]);
    const states = [tsr?.state, eusr?.state];
    let state: PeriodState;
    if (tsr && eusr) {
      state = states.every((s) => s === 'sent') ? 'sent' : states.some((s) => s === 'send-failed' || s === 'failed') ? 'send-failed' : 'sending';
    } else if (row?.failure) state = 'invalid';
    else state = isOpen(period, this.clock.now()) ? 'open' : 'unsent';
    const summary = row?.summary as ReturnType<typeof summaryOf> | null | undefined;
    return {
      period: period.id,
      state,
      sends: row?.sends ?? 0,
      requestedBy: row?.requestedBy ?? null,
      sentAt: state === 'sent' ? [tsr!.sentAt, eusr!.sentAt].sort().at(-1)! : null,
      counts: summary
        ? {
            incoming: summary.tsr.total.incoming,
            outgoing: summary.tsr.total.outgoing,
            sendingEndUsers: summary.eusr.fullSet.sending,
            receivingEndUsers: summary.eusr.fullSet.receiving,
            sendingOrReceivingEndUsers: summary.eusr.fullSet.sendingOrReceiving,
          }
        : null,
      tsr,
      eusr,
      failure: row?.failure ?? null,
    };
  }

  private async sentReport(messageId: string | null): Promise<SentReportView | null> {
    if (!messageId) return null;
    const m: MessageRecord | null = await this.messages.find(messageId);
    if (!m) return { messageId, state: 'pending', as4MessageId: null, receivingAp: null, receiptSha256: null, sentAt: null, failure: null };
    const sent = m.state === 'sent' ? (await this.messages.timeline(messageId)).filter((e) => e.toState === 'sent').at(-1) : undefined;
    return {
      messageId,
      state: m.state,
      as4MessageId: m.as4MessageId ?? null,
      receivingAp: m.receivingAp ?? null,
      receiptSha256: m.state === 'sent' ? (m.signalSha256 ?? null) : null,
      sentAt: sent ? new Date(sent.at).toISOString() : null,
      failure: (m.failure as MessageFailure | null) ?? null,
    };
  }
}

/** The counts kept with a send: the TSR and EUSR as numbers. */
export function summaryOf(reports: Pick<PeriodReports, 'tsr' | 'eusr'>): { tsr: Tsr; eusr: Eusr } {
  return { tsr: reports.tsr, eusr: reports.eusr };
}
