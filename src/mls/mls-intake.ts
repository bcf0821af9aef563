import { Injectable, Logger, Optional } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { Database } from '../database/database.js';
import { DeliveryService } from '../delivery/delivery.service.js';
import { peppolRoutingOf } from '../delivery/events/event-data.js';
import type { WebhookEventData } from '../delivery/webhook/events.js';
import { MessageRepository, type MessageRecord } from '../messages/message-repository.js';
import { MLS_RESPONSE_CODES, type MlsResponseCode } from '../peppol/index.js';
import { BlobStore } from '../storage/blob-store.js';
import type { ValidationReport } from '../validation/validation-report.js';
import { MLS_ACTOR, MLS_APPLIED_ATTRIBUTE, MLS_STATUS_ATTRIBUTE, type MlsAppliedState, type MlsStatusOfSent } from './mls-attributes.js';
import { MlsMetrics } from './mls-metrics.js';
import type { MessageLevelStatus } from './mls-model.js';
import { MLS_XML_LIMITS, MlsReadError, readMls } from './mls-reader.js';

/** Role of the business document the validation stage took out of a received SBD. */
const BUSINESS_DOCUMENT = 'business-document';

const STATUS_NAMES: Record<MlsResponseCode, WebhookEventData<'document.status'>['status']> = {
  [MLS_RESPONSE_CODES.accepted]: 'accepted',
  [MLS_RESPONSE_CODES.acknowledged]: 'acknowledged',
  [MLS_RESPONSE_CODES.rejected]: 'rejected',
};

/**
 * As the sending access point (C2): a received MLS (validated like any document) is tied to the
 * message we sent in the SBD it names, shown on that message's timeline and handed to the sender's
 * back end as `document.status`. An MLS for nothing we sent, an invalid or unreadable one is kept
 * and flagged with its reason; the sender of the MLS is not told (it got its receipt). Applied once:
 * the same MLS again (a resend under a new AS4 MessageId) changes nothing.
 */
@Injectable()
export class MlsIntake {
  private readonly logger = new Logger('MlsIntake');

  constructor(
    private readonly db: Database,
    private readonly messages: MessageRepository,
    private readonly blobs: BlobStore,
    private readonly delivery: DeliveryService,
    private readonly clock: Clock,
    @Optional() private readonly metrics?: MlsMetrics,
  ) {}

  async received(message: MessageRecord): Promise<void> {
    if (message.direction !== 'inbound') return;
    const done = (message.attributes as { [MLS_APPLIED_ATTRIBUTE]?: MlsAppliedState })[MLS_APPLIED_ATTRIBUTE];
    if (done) {
      // Applied before: only the event may be missing (a crash after the commit); emitting again is one event.
      if (done.outcome === 'applied' && done.subjectMessageId) await this.emitStatus(done.subjectMessageId, message.id);
      return;
    }
    let status: MessageLevelStatus | undefined;
    let unreadable: string | undefined;
    try {
      status = await this.read(message);
    } catch (error) {
      if (!(error instanceof MlsReadError)) throw error;
      unreadable = error.message;
    }
    if (message.state === 'rejected') {
      const fired = firedIds(message.validation);
      return this.flag(message, { outcome: 'invalid', referencedInstanceId: status?.referencedInstanceId, reason: `the MLS fails its rules (${fired.join(', ') || 'see its validation report'}); not applied` }, status?.responseCode);
    }
    if (!status) return this.flag(message, { outcome: 'unreadable', reason: `the MLS cannot be read: ${unreadable}; not applied` });

    const outcome = await this.db.transaction(async (tx): Promise<MlsAppliedState> => {
      const found = await this.messages.findSentByInstanceId(status.referencedInstanceId, tx);
      if (!found) return { outcome: 'unknown-reference', referencedInstanceId: status.referencedInstanceId, reason: `no document we sent has the SBDH InstanceIdentifier ${JSON.stringify(status.referencedInstanceId.slice(0, 256))}; kept, not applied` };
      const subject = (await this.messages.lock(found.id, tx))!;
      const before = subject.attributes[MLS_STATUS_ATTRIBUTE] as MlsStatusOfSent | undefined;
      if (before && (before.statusMessageId === message.id || before.mlsId === status.id)) {
        return { outcome: 'duplicate', subjectMessageId: subject.id, referencedInstanceId: status.referencedInstanceId, reason: `the same MLS (${status.id}) was applied before from message ${before.statusMessageId}; not applied again` };
      }
      const kept: MlsStatusOfSent = {
        code: status.responseCode,
        statusMessageId: message.id,
        mlsId: status.id,
        receivedAt: message.createdAt.toISOString(),
        ...(status.description ? { description: status.description } : {}),
        issues: status.issues,
      };
      await this.messages.setAttributes(subject.id, { [MLS_STATUS_ATTRIBUTE]: kept }, tx);
      await this.messages.annotate(subject.id, { actor: MLS_ACTOR, reason: describeStatus(status, message.sendingAp), data: { code: status.responseCode, statusMessageId: message.id, ruleIds: ruleIdsOf(status) }, tx });
      await this.messages.link(message.id, subject.id, tx);
      const applied: MlsAppliedState = { outcome: 'applied', subjectMessageId: subject.id, referencedInstanceId: status.referencedInstanceId };
      await this.messages.setAttributes(message.id, { [MLS_APPLIED_ATTRIBUTE]: applied }, tx);
      await this.messages.annotate(message.id, { actor: MLS_ACTOR, reason: `MLS ${status.responseCode} applied to message ${subject.id}`, tx });
      return applied;
    });
    if (outcome.outcome !== 'applied') return this.flag(message, outcome, status.responseCode);
    this.metrics?.received.inc({ code: status.responseCode, outcome: 'applied' });
    await this.emitStatus(outcome.subjectMessageId!, message.id);
  }

  private async flag(message: MessageRecord, state: MlsAppliedState, code?: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await this.messages.setAttributes(message.id, { [MLS_APPLIED_ATTRIBUTE]: state }, tx);
      await this.messages.annotate(message.id, { actor: MLS_ACTOR, reason: state.reason ?? state.outcome, data: { outcome: state.outcome }, tx });
      // The document it names (if we sent it) shows that a status came that could not be applied.
      if (state.subjectMessageId && state.outcome === 'duplicate') return;
      if (state.outcome === 'invalid' && state.referencedInstanceId) {
        const subject = await this.messages.findSentByInstanceId(state.referencedInstanceId, tx);
        if (subject) await this.messages.annotate(subject.id, { actor: MLS_ACTOR, reason: `an MLS about it arrived (message ${message.id}) but fails the MLS rules; not applied`, tx });
      }
    });
    this.metrics?.received.inc({ code: code ?? 'unknown', outcome: state.outcome });
    this.logger.warn(`MLS message ${message.id}: ${state.reason ?? state.outcome}`);
  }

  /** The stored business document of the MLS message, read (bounded) and parsed. */
  private async read(message: MessageRecord): Promise<MessageLevelStatus> {
    const document = (await this.messages.documents(message.id)).find((d) => d.role === BUSINESS_DOCUMENT);
    if (!document) throw new MlsReadError('the message has no business document (its SBD could not be unpacked)');
    if (document.size > MLS_XML_LIMITS.maxBytes) throw new MlsReadError(`the document is ${document.size} bytes, more than an MLS may be (${MLS_XML_LIMITS.maxBytes})`);
    return readMls(await this.blobs.read(document.sha256));
  }

  /** `document.status` to the back end of the document's sender; one event per document and MLS. */
  private async emitStatus(subjectMessageId: string, statusMessageId: string): Promise<void> {
    const subject = await this.messages.get(subjectMessageId);
    const kept = subject.attributes[MLS_STATUS_ATTRIBUTE] as MlsStatusOfSent | undefined;
    if (!kept || kept.statusMessageId !== statusMessageId || !subject.senderId) return;
    const peppol = peppolRoutingOf(subject);
    const data: WebhookEventData<'document.status'> = {
      schemaVersion: 1,
      messageId: subject.id,
      instanceIdentifier: (subject.sbdhInstanceId ?? '').slice(0, 256),
      status: STATUS_NAMES[kept.code],
      code: kept.code,
      ...(kept.description ? { description: kept.description.slice(0, 4096) } : {}),
      reasons: kept.issues.slice(0, 200).map((i) => ({
        reason: i.reason,
        ...(i.ruleId ? { ruleId: i.ruleId.slice(0, 128) } : {}),
        ...(i.location && i.location !== 'NA' ? { location: i.location.slice(0, 2048) } : {}),
        description: (i.description || i.reason).slice(0, 4096),
      })),
      ruleIds: [...new Set(kept.issues.flatMap((i) => (i.ruleId ? [i.ruleId.slice(0, 128)] : [])))].slice(0, 200),
      statusId: kept.mlsId.slice(0, 256),
      receivedAt: kept.receivedAt,
      ...(peppol ? { peppol } : {}),
    };
    await this.delivery.emit({
      type: 'document.status',
      data,
      supplierId: subject.senderId,
      documentTypeId: subject.documentTypeId,
      messageId: subject.id,
      key: `${subject.id}:${kept.mlsId}`,
      occurredAt: this.clock.now(),
    });
  }
}

function firedIds(validation: unknown): string[] {
  const fired = (validation as Partial<ValidationReport> | null)?.fired;
  if (!Array.isArray(fired)) return [];
  return [...new Set(fired.filter((f) => f?.flag === 'fatal').map((f) => String(f.id)))].slice(0, 10);
}

function ruleIdsOf(status: MessageLevelStatus): string[] {
  return [...new Set(status.issues.flatMap((i) => (i.ruleId ? [i.ruleId] : [])))];
}

function describeStatus(status: MessageLevelStatus, from: string | null): string {
  const ids = ruleIdsOf(status);
  const reasons = [...new Set(status.issues.map((i) => i.reason))];
  return `MLS ${status.responseCode} received${from ? ` from ${from}` : ''}${status.description ? `: ${status.description}` : ''}${reasons.length ? ` (${reasons.join(', ')}${ids.length ? `; rules ${ids.slice(0, 10).join(', ')}` : ''})` : ''}`;
}
