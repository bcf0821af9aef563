import { Injectable, Logger } from '@nestjs/common';
import { MessageRepository, type MessageRecord } from '../messages/message-repository.js';
import { OperatorAlerts } from './alerts/operator-alerts.js';
import { DeliveryError } from './delivery.errors.js';
import { DeliveryService } from './delivery.service.js';
import { documentSendFailedData, documentSentData } from './events/sent-event-data.js';
import { SendOutcomeReports } from './ports.js';
import { RouteService } from './routes/route.service.js';
import { WebhookEventError } from './webhook/events.js';

/**
 * `document.sent` and `document.send-failed` to the routes of the participant that sent a document
 * over AS4 (any outbound document: submitted by its back end, an order we made, a response). The
 * event is keyed by the message and its send run, so reporting a settled send again is one event;
 * a resend after an operator's retry is a new one.
 */
@Injectable()
export class SentDocumentEvents extends SendOutcomeReports {
  private readonly logger = new Logger('Delivery');

  constructor(
    private readonly delivery: DeliveryService,
    private readonly messages: MessageRepository,
    private readonly routes: RouteService,
    private readonly alerts: OperatorAlerts,
  ) {
    super();
  }

  async sendSettled(messageId: string): Promise<void> {
    const message = await this.messages.find(messageId);
    // Every send that failed for good is an operator alert, whoever sent it (a back end, a report, an MLS).
    if (message?.state === 'send-failed') await this.alerts.messageFailed(messageId);
    if (!message || message.direction !== 'outbound' || !message.senderId) return;
    if (message.state !== 'sent' && message.state !== 'send-failed') return;
    // Most senders have no route taking the event (our own MLS participant, for one): nothing to read then.
    const type = message.state === 'sent' ? 'document.sent' : 'document.send-failed';
    if ((await this.routes.resolve(message.senderId, message.documentTypeId, type)).webhooks.length === 0) return;
    const run = message.attributes.as4Send?.generation ?? 1;
    const settledAt = await this.settledEntry(message);
    try {
      if (message.state === 'sent') {
        const data = documentSentData(message, {
          receiptMessageId: stringOf(settledAt?.data, 'receiptMessageId') ?? 'unknown',
          attempt: numberOf(settledAt?.data, 'attempt') ?? 1,
          sentAt: settledAt?.at ?? message.updatedAt,
        });
        await this.delivery.emit({ type: 'document.sent', data, supplierId: message.senderId, documentTypeId: message.documentTypeId, messageId: message.id, key: `${message.id}:${run}` });
      } else {
        const failure = message.failure ?? { stage: 'sending' as const, code: 'send-failed', message: 'the send failed' };
        const data = documentSendFailedData(message, {
          code: failure.code,
          reason: failure.message,
          attempts: failure.attempt ?? numberOf(settledAt?.data, 'attempt') ?? 0,
          failedAt: settledAt?.at ?? message.updatedAt,
        });
        await this.delivery.emit({ type: 'document.send-failed', data, supplierId: message.senderId, documentTypeId: message.documentTypeId, messageId: message.id, key: `${message.id}:${run}` });
      }
    } catch (error) {
      // Data the event cannot be made from stays so on every try: logged, the send itself stands.
      if (!(error instanceof WebhookEventError || error instanceof DeliveryError)) throw error;
      this.logger.warn(`${message.state === 'sent' ? 'document.sent' : 'document.send-failed'} of ${message.id} not reported: ${error.message}`);
    }
  }

  /** The timeline entry of the send's outcome: when, and what the send job noted (receipt, attempt). */
  private async settledEntry(message: MessageRecord) {
    const timeline = await this.messages.timeline(message.id);
    for (let i = timeline.length - 1; i >= 0; i--) if (timeline[i]!.toState === message.state && timeline[i]!.fromState !== message.state) return timeline[i];
    return undefined;
  }
}

function stringOf(data: unknown, key: string): string | undefined {
  const value = (data as Record<string, unknown> | null | undefined)?.[key];
  return typeof value === 'string' && value ? value : undefined;
}

function numberOf(data: unknown, key: string): number | undefined {
  const value = (data as Record<string, unknown> | null | undefined)?.[key];
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}
