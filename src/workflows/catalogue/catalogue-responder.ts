import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { decideCatalogue, expectsResponse } from '../../catalogue/catalogue-decision.js';
import type { CatalogueHeader, CatalogueParty } from '../../catalogue/catalogue-model.js';
import { CatalogueReadError, openCatalogue } from '../../catalogue/catalogue-reader.js';
import { catalogueResponse, CatalogueResponseError } from '../../catalogue/catalogue-response.js';
import { catalogueConfig, type CatalogueConfig } from '../../catalogue/catalogue.config.js';
import { Clock } from '../../common/clock.js';
import { Database } from '../../database/database.js';
import { MessageRepository, StateConflictError, type CatalogueOutcome, type MessageRecord, type MessageRecordOf } from '../../messages/message-repository.js';
import { normalizeParticipant, PROCESSES, qualifiedDocumentTypeId, qualifiedProcessId, TRANSACTIONS } from '../../peppol/index.js';
import { ValidationService } from '../../validation/validation.service.js';
import { DeliveryRequests } from '../ports.js';
import { boundReport, fatalRules, summarize, type StoredReport } from '../shared/stored-report.js';
import { DOCUMENT_ROLE, WorkflowDocuments } from '../shared/workflow-documents.js';
import { WorkflowFailures } from '../shared/workflow-failures.js';
import { workflowsConfig, type WorkflowsConfig } from '../workflows.config.js';

/**
 * Answers a catalogue with a Catalogue Response (T58): accepted when stored, rejected with the
 * reasons (validation findings or why it was refused). The response is checked with the official
 * T58 rules, stored as an outbound message and handed to delivery.
 */
@Injectable()
export class CatalogueResponder {
  constructor(
    private readonly db: Database,
    private readonly messages: MessageRepository,
    private readonly documents: WorkflowDocuments,
    private readonly validation: ValidationService,
    private readonly failures: WorkflowFailures,
    private readonly deliveries: DeliveryRequests,
    private readonly clock: Clock,
    @Inject(catalogueConfig.KEY) private readonly catalogueCfg: CatalogueConfig,
    @Inject(workflowsConfig.KEY) private readonly cfg: WorkflowsConfig,
  ) {}

  async respond(message: MessageRecordOf<'catalogue'>): Promise<void> {
    if (message.attributes.responseStatus) return;
    const header = await this.header(message);
    if (typeof header === 'string') return this.noResponse(message, `no response possible: ${header}`);
    if (!expectsResponse(header)) return this.noResponse(message, 'not expected (catalogue_wo_response)');

    const { decision, reasons } = this.outcome(message);
    const responseMessageId = randomUUID();
    const now = this.clock.now().toISOString();
    let xml: string;
    try {
      xml = catalogueResponse(
        { catalogue: header, decision, reasons, responseId: responseMessageId, issueDate: now.slice(0, 10), issueTime: now.slice(11, 19) },
        this.catalogueCfg.responseLimits,
      );
    } catch (error) {
      if (error instanceof CatalogueResponseError) return this.noResponse(message, `no response possible: ${error.message}`);
      throw error;
    }
    const report = boundReport(await this.validation.validate(xml, { transaction: TRANSACTIONS.catalogueResponse.id }), this.cfg.maxReportItems);
    if (!report.valid) {
      await this.failures.fail(message.id, {
        stage: 'response',
        code: 'invalid-catalogue-response',
        message: `the produced catalogue response is not valid T58: ${summarize(report)}`,
        validation: report,
      });
      return;
    }
    await this.store(message, header, responseMessageId, xml, decision, report);
    await this.deliveries.catalogueResponseCreated(responseMessageId);
  }

  /** After a crash between commit and request: the response exists, ask for its delivery again. */
  async requestDelivery(message: MessageRecordOf<'catalogue'>): Promise<void> {
    const id = message.attributes.responseMessageId;
    if (id) await this.deliveries.catalogueResponseCreated(id);
  }

  private async store(message: MessageRecordOf<'catalogue'>, header: CatalogueHeader, id: string, xml: string, decision: string, report: StoredReport): Promise<void> {
    const blob = await this.documents.put(xml);
    try {
      await this.db.transaction(async (tx) => {
        await this.messages.create(
          {
            id,
            direction: 'outbound',
            kind: TRANSACTIONS.catalogueResponse.kind,
            state: 'created',
            // Back the way the catalogue came: its envelope receiver (C4) answers its sender (C1).
            senderId: message.receiverId ?? endpointOf(header.receiver),
            receiverId: message.senderId ?? endpointOf(header.provider),
            documentTypeId: qualifiedDocumentTypeId(TRANSACTIONS.catalogueResponse.documentTypeId),
            processId: qualifiedProcessId(PROCESSES.catalogueOnly),
            // COUNTRY_C1 of the response's envelope: the catalogue receiver (now the sender) where known.
            countryC1: header.receiver?.postalAddress?.countryCode ?? null,
            payloadSha256: blob.sha256,
            payloadSize: blob.size,
            relatedMessageId: message.id,
            attributes: { transaction: TRANSACTIONS.catalogueResponse.id, responseCode: decision, catalogueId: header.id ?? null, catalogueVersionId: header.versionId ?? null },
          },
          {
            actor: 'system:catalogue',
            reason: `catalogue response ${decision} to catalogue ${header.id ?? ''}; ${summarize(report)}`,
            documents: [{ role: DOCUMENT_ROLE.catalogueResponse, sha256: blob.sha256, mediaType: 'application/xml', size: blob.size }],
            validation: report,
            tx,
          },
        );
        await this.messages.transition(message.id, 'responded', {
          actor: 'system:catalogue',
          reason: `answered ${decision} (catalogue response ${id})`,
          data: { responseMessageId: id, responseCode: decision },
          from: ['catalogue-stored', 'rejected'],
          patch: { attributes: { responseMessageId: id, responseCode: decision, responseStatus: 'created' } },
          tx,
        });
      });
    } catch (error) {
      // Another run answered first.
      if (error instanceof StateConflictError) return;
      throw error;
    }
  }

  /** Accepted as stored, refused for a business reason, or rejected for what validation found. */
  private outcome(message: MessageRecordOf<'catalogue'>): CatalogueOutcome {
    const kept = message.attributes.catalogueOutcome;
    if (kept) return kept;
    const report = message.validation as StoredReport | null;
    const { decision, reasons } = decideCatalogue({ fatal: fatalRules(report) });
    if (report?.truncated) reasons.push(`… ${report.firedTotal - report.fired.length} more findings not listed`);
    if (decision === 'RE') return { decision, reasons };
    return { decision: 'RE', reasons: ['the catalogue was not accepted'] };
  }

  private async header(message: MessageRecord): Promise<CatalogueHeader | string> {
    const doc = await this.documents.find(message.id, DOCUMENT_ROLE.business);
    if (!doc) return 'the SBD carried no readable catalogue';
    const stream = this.documents.open(doc);
    try {
      return (await openCatalogue(stream, this.catalogueCfg.limits)).header;
    } catch (error) {
      if (error instanceof CatalogueReadError) return `the catalogue cannot be read: ${error.message}`;
      throw error;
    } finally {
      stream.destroy();
    }
  }

  private async noResponse(message: MessageRecord, status: string): Promise<void> {
    await this.messages.setAttributes(message.id, { responseStatus: status.slice(0, 1_000) });
  }
}

function endpointOf(party: CatalogueParty | undefined): string | null {
  const endpoint = party?.endpoint;
  return endpoint?.schemeId ? normalizeParticipant(`${endpoint.schemeId}:${endpoint.value}`) : null;
}
