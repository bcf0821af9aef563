import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { parseSbdhHead, readSbdhHead } from '../as4/sbdh/sbdh-parse.js';
import type { SbdhData } from '../as4/sbdh/sbdh-model.js';
import { Clock } from '../common/clock.js';
import { MessageRepository, type MessageRecord } from '../messages/message-repository.js';
import { As4Sender } from '../outbound/as4-sender.js';
import { EndpointResolutionError, EndpointResolver } from '../outbound/endpoint-resolver.js';
import { outboundConfig, type OutboundConfig } from '../outbound/outbound.config.js';
import { OutboundService } from '../outbound/outbound.service.js';
import { mainIdOfSeat, qualifiedDocumentTypeId, qualifiedProcessId, SPIS_ICD, TRANSACTIONS } from '../peppol/index.js';
import { BlobStore } from '../storage/blob-store.js';
import { ValidationService } from '../validation/validation.service.js';
import { defaultMlsAddressee, getsMls, mlsAddressee, type MlsAddressee } from './mls-addressing.js';
import { parseDocumentType, parseParticipant, parseProcess } from '../discovery/identifiers.js';
import { MLS_ACTOR, MLS_RESPONSE_ATTRIBUTE, type MlsResponseOfReceived } from './mls-attributes.js';
import { buildMls, MlsBuildError } from './mls-builder.js';
import { MlsMetrics } from './mls-metrics.js';
import type { MessageLevelStatus } from './mls-model.js';
import { mlsIsWanted, mlsResponseFor, requestedMlsType, type DocumentFate } from './mls-outcome.js';
import { mlsConfig, type MlsConfig } from './mls.config.js';

/** Bytes read from a stored SBD to find its MLS_TO and MLS_TYPE scopes (the header only). */
const SBDH_HEAD_BYTES = 64 * 1024;
const SBDH_LIMITS = { maxBytes: SBDH_HEAD_BYTES + 4_096, maxDepth: 32, maxElements: 2_000 };
const MLS = TRANSACTIONS.messageLevelStatus;

/**
 * As the receiving access point (C3): once a received document's fate is known, tell its sender
 * (C2) with a Message Level Status. A rejection always goes; AP/AB only when the sender's SBDH
 * asked ALWAYS_SEND. The status is addressed per MLS_TO or the sender's default SPID, checked
 * against the official MLS rules, and sent on the normal outbound path (its retries included).
 * Never for an MLS or a report. Safe to call again: the decision is kept on the document.
 */
@Injectable()
export class MlsResponder {
  private readonly logger = new Logger('MlsResponder');

  constructor(
    private readonly messages: MessageRepository,
    private readonly blobs: BlobStore,
    private readonly outbound: OutboundService,
    private readonly validation: ValidationService,
    private readonly sender: As4Sender,
    private readonly resolver: EndpointResolver,
    private readonly clock: Clock,
    @Inject(mlsConfig.KEY) private readonly config: MlsConfig,
    @Inject(outboundConfig.KEY) private readonly outboundCfg: Pick<OutboundConfig, 'defaultCountryC1'>,
    @Optional() private readonly metrics?: MlsMetrics,
  ) {}

  async fateKnown(messageId: string, fate: DocumentFate): Promise<void> {
    const message = await this.messages.find(messageId);
    if (!message || message.direction !== 'inbound') return;
    if (message.kind === MLS.kind || !getsMls(message.processId ?? '')) return;
    const kept = (message.attributes[MLS_RESPONSE_ATTRIBUTE] ?? undefined) as MlsResponseOfReceived | undefined;
    if (kept) {
      if (kept.outcome !== 'owed' || !kept.statusMessageId) return;
      const existing = await this.messages.find(kept.statusMessageId);
      if (existing) {
        // Decided and submitted before: make sure it is on its way (a crash may have come between).
        if (existing.state === 'created') await this.outbound.send(existing.id);
        return;
      }
      // Decided but never submitted: decide again (the same fate gives the same status) under the same record id.
    }

    const sbdh = await this.requestOf(message);
    const requested = requestedMlsType(sbdh?.mlsType);
    const response = mlsResponseFor(fate);
    const decidedAt = this.clock.now();
    const decision = (outcome: MlsResponseOfReceived['outcome'], extra: Partial<MlsResponseOfReceived> = {}): MlsResponseOfReceived => ({
      code: response.responseCode,
      outcome,
      decidedAt: decidedAt.toISOString(),
      requestedType: requested.type,
      ...extra,
    });
    const notes = [requested.note].filter(Boolean) as string[];

    if (!mlsIsWanted(response.responseCode, requested.type)) {
      return this.settle(message, decision('not-wanted'), `MLS ${response.responseCode} not sent: the sender asked for ${requested.type}`);
    }
    if (!this.config.send) return this.settle(message, decision('disabled'), `MLS ${response.responseCode} not sent: MLS_SEND is off`);

    const addressee = await this.reachable(mlsAddressee(sbdh?.mlsTo ? { value: sbdh.mlsTo, scheme: sbdh.mlsToScheme } : undefined, message.sendingAp ?? ''), message.sendingAp ?? '');
    const ownMainId = mainIdOfSeat(this.sender.partyId());
    if (!addressee.ok || !ownMainId || !message.sbdhInstanceId) {
      const reason = !addressee.ok
        ? addressee.reason
        : !ownMainId
          ? `our certificate CN ${JSON.stringify(this.sender.partyId().slice(0, 64))} is not a seat id, so we have no SPID to send an MLS from`
          : 'the received SBDH had no InstanceIdentifier to refer to';
      this.metrics?.sent.inc({ code: response.responseCode, outcome: 'unaddressable' });
      return this.settle(message, decision('unaddressable', { note: reason }), `MLS ${response.responseCode} cannot be sent: ${reason}`);
    }
    if (addressee.ignored) notes.push(addressee.ignored);

    const now = this.clock.now().toISOString();
    const status: MessageLevelStatus = {
      id: randomUUID(),
      issueDate: now.slice(0, 10),
      issueTime: `${now.slice(11, 19)}Z`,
      senderSpid: ownMainId,
      receiverSpid: addressee.spid,
      responseCode: response.responseCode,
      ...(response.description ? { description: response.description } : {}),
      referencedInstanceId: message.sbdhInstanceId,
      issues: response.issues,
    };
    let xml: string;
    try {
      xml = buildMls(status);
    } catch (error) {
      if (!(error instanceof MlsBuildError)) throw error;
      this.metrics?.sent.inc({ code: response.responseCode, outcome: 'invalid' });
      return this.settle(message, decision('invalid', { note: error.message }), `MLS ${response.responseCode} not sent: ${error.message}`);
    }
    // Our own status is checked like any document before it leaves: an invalid one is never sent.
    const report = await this.validation.validate(xml, { transaction: MLS.id });
    if (!report.valid) {
      const fired = report.fired.filter((f) => f.flag === 'fatal').map((f) => f.id);
      const note = `the MLS we built fails the official MLS rules (${fired.slice(0, 10).join(', ')})`;
      this.logger.error(`message ${message.id}: ${note}`);
      this.metrics?.sent.inc({ code: response.responseCode, outcome: 'invalid' });
      return this.settle(message, decision('invalid', { note }), `MLS ${response.responseCode} not sent: ${note}`);
    }

    const owed = decision('owed', { statusMessageId: kept?.statusMessageId ?? randomUUID(), to: addressee.participant, ...(notes.length ? { note: notes.join('; ') } : {}) });
    // Decided and named before it is submitted: a second run after a crash submits the same record.
    await this.messages.setAttributes(message.id, { [MLS_RESPONSE_ATTRIBUTE]: owed });
    await this.submit(message, owed, Buffer.from(xml, 'utf8'), `${SPIS_ICD}:${ownMainId}`);
    await this.messages.annotate(message.id, {
      actor: MLS_ACTOR,
      reason: `MLS ${owed.code} sent to ${owed.to} (${addressee.source === 'mls-to' ? 'MLS_TO' : "the sender's default SPID"})${notes.length ? `; ${notes.join('; ')}` : ''}`,
      data: { code: owed.code, to: owed.to, statusMessageId: owed.statusMessageId, ruleIds: response.issues.flatMap((i) => (i.ruleId ? [i.ruleId] : [])) },
    });
    this.metrics?.sent.inc({ code: owed.code, outcome: 'submitted' });
  }

  /**
   * SPOG §5.4: an MLS_TO the network does not know (no SMP registration for the MLS document type)
   * gives way to the sender's default SPID. A lookup that fails for now (SMP away) keeps MLS_TO:
   * the send's own retries try again.
   */
  private async reachable(addressee: MlsAddressee, sendingSeatId: string): Promise<MlsAddressee> {
    if (!addressee.ok || addressee.source !== 'mls-to') return addressee;
    try {
      await this.resolver.resolve({
        receiver: parseParticipant(addressee.participant),
        documentType: parseDocumentType(qualifiedDocumentTypeId(MLS.documentTypeId)),
        process: parseProcess(qualifiedProcessId(MLS.processIds[0])),
      });
      return addressee;
    } catch (error) {
      if (!(error instanceof EndpointResolutionError) || error.retryable) return addressee;
      const fallback = defaultMlsAddressee(sendingSeatId);
      return fallback.ok ? { ...fallback, ignored: `MLS_TO ${addressee.participant} ignored: it cannot be reached (${error.message.slice(0, 200)})` } : addressee;
    }
  }

  private async submit(message: MessageRecord, owed: MlsResponseOfReceived, xml: Buffer, from: string): Promise<void> {
    const countryC1 = this.config.countryC1 ?? this.outboundCfg.defaultCountryC1;
    await this.outbound.submit({
      id: owed.statusMessageId,
      document: xml,
      kind: MLS.kind,
      senderId: from,
      receiverId: owed.to!,
      documentTypeId: qualifiedDocumentTypeId(MLS.documentTypeId),
      processId: qualifiedProcessId(MLS.processIds[0]),
      ...(countryC1 ? { countryC1 } : {}),
      relatedMessageId: message.id,
    });
  }

  private async settle(message: MessageRecord, decision: MlsResponseOfReceived, reason: string): Promise<void> {
    await this.messages.setAttributes(message.id, { [MLS_RESPONSE_ATTRIBUTE]: decision });
    await this.messages.annotate(message.id, { actor: MLS_ACTOR, reason, data: { code: decision.code, outcome: decision.outcome } });
    if (decision.outcome !== 'not-wanted') this.logger.warn(`message ${message.id}: ${reason}`);
  }

  /** MLS_TO and MLS_TYPE of the received SBDH, read again from the stored SBD; none when it cannot be read. */
  private async requestOf(message: MessageRecord): Promise<SbdhData | undefined> {
    const sbd = (await this.messages.documents(message.id)).find((d) => d.role === 'sbd');
    if (!sbd) return undefined;
    try {
      return parseSbdhHead(await readSbdhHead(this.blobs.open(sbd.sha256), SBDH_HEAD_BYTES), SBDH_LIMITS);
    } catch (error) {
      this.logger.warn(`message ${message.id}: its SBDH could not be read again for MLS_TO/MLS_TYPE (${(error as Error).message}); defaults apply`);
      return undefined;
    }
  }
}

