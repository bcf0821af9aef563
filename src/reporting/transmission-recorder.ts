import { Inject, Injectable, Optional } from '@nestjs/common';
import type { SqlExecutor } from '../database/database.js';
import { reportingConfig, type ReportingConfig } from './reporting.config.js';
import { ReportingMetrics } from './reporting-metrics.js';
import { receivedTransmission, sentTransmission, type ReceivedTransmission, type SentTransmission, type TransmissionRecord } from './transmission-record.js';
import { TransmissionRepository } from './transmission-repository.js';

/**
 * Records transmissions for Peppol Reporting in the commit that records their outcome: a received
 * message with the statement that stores it and its receipt, a sent one with its verified receipt.
 */
@Injectable()
export class TransmissionRecorder {
  constructor(
    private readonly repository: TransmissionRepository,
    @Inject(reportingConfig.KEY) private readonly config: Pick<ReportingConfig, 'endUserCountry'>,
    @Optional() private readonly metrics?: ReportingMetrics,
  ) {}

  /**
   * The CTE `transmission` for the statement that creates a received message (CTE `created`), or
   * undefined when it is not counted; call `counted` once that statement has created the row.
   */
  receivedCte(m: Omit<ReceivedTransmission, 'defaultEndUserCountry'>, firstParam: number): { cte: string; params: unknown[]; record: TransmissionRecord } | undefined {
    const record = receivedTransmission({ ...m, defaultEndUserCountry: this.config.endUserCountry });
    if (!record) return undefined;
    return { ...this.repository.creationCte(record, firstParam), record };
  }

  /** Records a sent message whose receipt was verified, in the transaction that moves it to `sent`. */
  async recordSent(m: SentTransmission, tx: SqlExecutor): Promise<TransmissionRecord | undefined> {
    const record = sentTransmission(m);
    if (!record) return undefined;
    return (await this.repository.record(record, tx)) ? record : undefined;
  }

  /** Counts a committed record in the metrics. */
  counted(record: TransmissionRecord | undefined): void {
    if (record) this.metrics?.recorded.inc({ direction: record.direction });
  }
}
