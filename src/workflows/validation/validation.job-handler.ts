import { Inject, Injectable, Logger } from '@nestjs/common';
import { MessageRepository, StateConflictError, type MessageRecord } from '../../messages/message-repository.js';
import { TransactionRegistry } from '../../peppol/index.js';
import { HandlesQueue, type JobHandler } from '../../queue/job-handler.decorator.js';
import { ForeignJobError, type JobContext } from '../../queue/job-queue.js';
import { QUEUES, type JobPayloads } from '../../queue/queues.js';
import { LocalRuleId, type ValidationReport } from '../../validation/validation-report.js';
import { validationConfig, type ValidationConfig } from '../../validation/validation.config.js';
import { ValidationService } from '../../validation/validation.service.js';
import { BlobStoreError, type StoredBlob } from '../../storage/blob-store.js';
import { boundReport, localReport, summarize, withFatal } from '../shared/stored-report.js';
import { DOCUMENT_ROLE, WorkflowDocuments } from '../shared/workflow-documents.js';
import { WorkflowFailures } from '../shared/workflow-failures.js';
import { workflowsConfig, type WorkflowsConfig } from '../workflows.config.js';
import { InboundRouter } from './inbound-router.js';
import { extractBusinessDocument, SbdPayloadError } from './sbd-payload.js';

/** Id of the finding written when the SBD does not carry a usable business document. */
const SBD_PAYLOAD_RULE = 'SBD-PAYLOAD';

/**
 * First stage for every received message: take the business document out of the SBD, validate it
 * with the official rules, keep the report, move to `validated` or `rejected`, then route it.
 * A re-run (crash, duplicate job) finds the state already moved and only routes again.
 */
@Injectable()
@HandlesQueue(QUEUES.inbound)
export class ValidationJobHandler implements JobHandler<'inbound'> {
  private readonly logger = new Logger('ValidationJobHandler');

  constructor(
    private readonly messages: MessageRepository,
    private readonly documents: WorkflowDocuments,
    private readonly validation: ValidationService,
    private readonly router: InboundRouter,
    private readonly failures: WorkflowFailures,
    @Inject(workflowsConfig.KEY) private readonly cfg: WorkflowsConfig,
    @Inject(validationConfig.KEY) private readonly validationCfg: ValidationConfig,
    private readonly transactions: TransactionRegistry,
  ) {}

  async handle({ messageId }: JobPayloads['inbound'], context: JobContext): Promise<void> {
    try {
      let message = await this.messages.find(messageId);
      if (!message) throw new ForeignJobError(`inbound job for message ${messageId}, which is not in this installation's database`);
      if (message.state === 'received') message = await this.validate(message);
      await this.router.route(message);
    } catch (error) {
      if (error instanceof ForeignJobError) throw error;
      await this.failures.afterJobError(messageId, 'validation', error, context);
    }
  }

  private async validate(message: MessageRecord): Promise<MessageRecord> {
    const expected = message.documentTypeId ? (this.transactions.forDocumentType(message.documentTypeId)?.id ?? null) : null;
    let report = await this.validateBusinessDocument(message, expected);
    if (expected && report.transaction && report.transaction !== expected) {
      report = withFatal(report, {
        id: LocalRuleId.envelopeMismatch,
        location: '/',
        text: `the SBDH names a ${expected} document type but the document is a ${report.transaction}`,
      });
    }
    const stored = boundReport(report, this.cfg.maxReportItems);
    try {
      return await this.messages.transition(message.id, stored.valid ? 'validated' : 'rejected', {
        actor: 'system:validation',
        reason: summarize(stored),
        from: ['received'],
        patch: { validation: stored, attributes: { transaction: report.transaction ?? expected } },
      });
    } catch (error) {
      // Another run got there first: go on from where it left the message.
      if (error instanceof StateConflictError) return this.messages.get(message.id);
      throw error;
    }
  }

  private async validateBusinessDocument(message: MessageRecord, expected: string | null): Promise<ValidationReport> {
    const sbd = await this.documents.require(message.id, 'sbd');
    const maxBytes = this.validationCfg.maxDocumentBytes;
    const extract = () => extractBusinessDocument(this.documents.open(sbd), { maxHeadBytes: this.cfg.maxSbdHeadBytes, maxTailBytes: 64 * 1024 });
    // The business document is smaller than its SBD but for a few bytes of declarations: one that
    // may be validated at all is taken into memory, stored and validated at the same time, and not
    // read back; a larger one is streamed to the store only.
    if (sbd.size <= maxBytes) {
      let bytes: Buffer;
      try {
        const chunks: Buffer[] = [];
        for await (const chunk of extract()) chunks.push(chunk);
        bytes = Buffer.concat(chunks);
      } catch (error) {
        if (error instanceof SbdPayloadError) return localReport(SBD_PAYLOAD_RULE, error.message, undefined, expected);
        throw error;
      }
      const tooLarge = bytes.length > maxBytes;
      const [business, report] = await Promise.all([this.documents.put(bytes), tooLarge ? null : this.validation.validate(bytes)]);
      await this.recordBusinessDocument(message.id, business);
      return report ?? this.tooLargeReport(business.size, expected);
    }
    let business: StoredBlob;
    try {
      business = await this.documents.put(extract());
    } catch (error) {
      // The store reports a failing source as its own error, with the source's as the cause.
      const cause = error instanceof BlobStoreError ? error.cause : error;
      if (cause instanceof SbdPayloadError) return localReport(SBD_PAYLOAD_RULE, cause.message, undefined, expected);
      throw error;
    }
    await this.recordBusinessDocument(message.id, business);
    if (business.size > maxBytes) return this.tooLargeReport(business.size, expected);
    return this.validation.validate(await this.documents.read({ role: DOCUMENT_ROLE.business, ...business, mediaType: 'application/xml' }, maxBytes));
  }

  private recordBusinessDocument(messageId: string, business: StoredBlob): Promise<void> {
    return this.messages.addDocument(messageId, { role: DOCUMENT_ROLE.business, sha256: business.sha256, mediaType: 'application/xml', size: business.size });
  }

  private tooLargeReport(size: number, expected: string | null): ValidationReport {
    return localReport(LocalRuleId.tooLarge, `document is ${size} bytes, more than the limit of ${this.validationCfg.maxDocumentBytes}`, undefined, expected);
  }
}
