import { Injectable, Logger } from '@nestjs/common';
import { MessageRepository, recordAs, StateConflictError } from '../../messages/message-repository.js';
import { HandlesQueue, type JobHandler } from '../../queue/job-handler.decorator.js';
import { ForeignJobError, type JobContext } from '../../queue/job-queue.js';
import { QUEUES, type JobPayloads } from '../../queue/queues.js';
import { DeliveryRequests } from '../ports.js';
import { WorkflowFailures } from '../shared/workflow-failures.js';
import { CatalogueLoader } from './catalogue-loader.js';
import { CatalogueResponder } from './catalogue-responder.js';

/**
 * Catalogue stage: a valid catalogue is stored, then answered; an invalid one (rejected at
 * validation) is answered with the reasons. The state says what is left to do.
 */
@Injectable()
@HandlesQueue(QUEUES.catalogue, { concurrency: 2 })
export class CatalogueJobHandler implements JobHandler<'catalogue'> {
  private readonly logger = new Logger('CatalogueJobHandler');

  constructor(
    private readonly messages: MessageRepository,
    private readonly loader: CatalogueLoader,
    private readonly responder: CatalogueResponder,
    private readonly deliveries: DeliveryRequests,
    private readonly failures: WorkflowFailures,
  ) {}

  async handle({ messageId }: JobPayloads['catalogue'], context: JobContext): Promise<void> {
    try {
      const found = await this.messages.find(messageId);
      if (!found) throw new ForeignJobError(`catalogue job for message ${messageId}, which is not in this installation's database`);
      let message = recordAs(found, 'catalogue');
      if (message.state === 'validated') {
        try {
          message = recordAs(await this.loader.store(message), 'catalogue');
        } catch (error) {
          if (!(error instanceof StateConflictError)) throw error;
          message = recordAs(await this.messages.get(messageId), 'catalogue');
        }
      }
      if (message.state === 'catalogue-stored') await this.deliveries.event('catalogue.received', message.id);
      if (message.state === 'catalogue-stored' || message.state === 'rejected') await this.responder.respond(message);
      else if (message.state === 'responded') await this.responder.requestDelivery(message);
    } catch (error) {
      if (error instanceof ForeignJobError) throw error;
      await this.failures.afterJobError(messageId, 'catalogue', error, context);
    }
  }
}
