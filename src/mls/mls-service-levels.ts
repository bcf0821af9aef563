import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { MessageRepository } from '../messages/message-repository.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { MLS_REQUESTED_ATTRIBUTE, MLS_RESPONSE_ATTRIBUTE, type MlsRequested, type MlsResponseOfReceived } from './mls-attributes.js';
import { MlsMetrics } from './mls-metrics.js';
import { mlsConfig, type MlsConfig } from './mls.config.js';

/** A sent document still waiting for the status its SBDH asked for. */
export interface AwaitingStatus {
  messageId: string;
  instanceIdentifier: string | null;
  receiverId: string | null;
  documentTypeId: string | null;
  requested: MlsRequested | null;
  sentAt: string;
  overdueMinutes: number;
}

/** A received document whose status we owe and have not sent. */
export interface OwedStatus {
  messageId: string;
  instanceIdentifier: string | null;
  sendingAp: string | null;
  receivedAt: string;
  overdueMinutes: number;
  code: string | null;
  /** owed (being sent: see statusState), unaddressable or invalid (cannot be sent as things stand). */
  outcome: string | null;
  statusMessageId: string | null;
  statusState: string | null;
  note: string | null;
}

export interface ServiceLevelView {
  now: string;
  awaiting: { limitMinutes: number; items: AwaitingStatus[] };
  owed: { limitMinutes: number; items: OwedStatus[] };
}

const MAX_ITEMS = 500;

/**
 * The MLS service levels: sent documents (ALWAYS_SEND) with no status past MLS_RECEIVE_LIMIT_MINUTES,
 * and received documents whose status we owe past MLS_SEND_LIMIT_MINUTES. Read by the admin view and,
 * at scrape time, by the `peppol_ap_mls_overdue` gauge.
 */
@Injectable()
export class MlsServiceLevels implements OnModuleInit {
  constructor(
    private readonly messages: MessageRepository,
    private readonly clock: Clock,
    private readonly metrics: MetricsService,
    private readonly mlsMetrics: MlsMetrics,
    @Inject(mlsConfig.KEY) private readonly config: MlsConfig,
  ) {}

  onModuleInit(): void {
    this.metrics.onScrape(async () => {
      const view = await this.view(MAX_ITEMS);
      this.mlsMetrics.overdue.set({ side: 'awaiting' }, view.awaiting.items.length);
      this.mlsMetrics.overdue.set({ side: 'owed' }, view.owed.items.length);
    });
  }

  async view(limit = MAX_ITEMS): Promise<ServiceLevelView> {
    const now = this.clock.now();
    const minutes = (from: Date, limitMs: number) => Math.floor((now.getTime() - from.getTime() - limitMs) / 60_000);
    const awaiting = await this.messages.awaitingStatus({ before: new Date(now.getTime() - this.config.receiveLimitMs), limit: Math.min(limit, MAX_ITEMS) });
    const owed = await this.messages.owingStatus({ before: new Date(now.getTime() - this.config.sendLimitMs), limit: Math.min(limit, MAX_ITEMS) });
    return {
      now: now.toISOString(),
      awaiting: {
        limitMinutes: this.config.receiveLimitMs / 60_000,
        items: awaiting.map((m) => ({
          messageId: m.id,
          instanceIdentifier: m.sbdhInstanceId,
          receiverId: m.receiverId,
          documentTypeId: m.documentTypeId,
          requested: (m.attributes[MLS_REQUESTED_ATTRIBUTE] as MlsRequested | undefined) ?? null,
          sentAt: m.sentAt.toISOString(),
          overdueMinutes: minutes(m.sentAt, this.config.receiveLimitMs),
        })),
      },
      owed: {
        limitMinutes: this.config.sendLimitMs / 60_000,
        items: owed.map((m) => {
          const decision = m.attributes[MLS_RESPONSE_ATTRIBUTE] as MlsResponseOfReceived | undefined;
          return {
            messageId: m.id,
            instanceIdentifier: m.sbdhInstanceId,
            sendingAp: m.sendingAp,
            receivedAt: m.createdAt.toISOString(),
            overdueMinutes: minutes(m.createdAt, this.config.sendLimitMs),
            code: decision?.code ?? null,
            outcome: decision?.outcome ?? null,
            statusMessageId: decision?.statusMessageId ?? null,
            statusState: m.statusState,
            note: decision?.note ?? null,
          };
        }),
      },
    };
  }
}
