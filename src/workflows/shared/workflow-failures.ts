import { Injectable, Logger } from '@nestjs/common';
import { MessageRepository, StateConflictError } from '../../messages/message-repository.js';
import { canTransition } from '../../messages/message-states.js';
import { PermanentJobError, type JobContext } from '../../queue/job-queue.js';
import { DeliveryRequests } from '../ports.js';

export interface FailureDetails {
  /** Which step failed: validation, approval, conversion, catalogue, response, ... */
  stage: string;
  reason: string;
  /** Extra facts for the operator (e.g. the validation report of a produced order). */
  validation?: unknown;
  attempt?: number;
}

/** Moves messages to `failed` with the reason, once retrying cannot help, and reports it. */
@Injectable()
export class WorkflowFailures {
  private readonly logger = new Logger('Workflows');

  constructor(
    private readonly messages: MessageRepository,
    private readonly deliveries: DeliveryRequests,
  ) {}

  /** Records the failure on the message (when its state allows) and tells the delivery flow. */
  async fail(messageId: string, details: FailureDetails): Promise<void> {
    const message = await this.messages.find(messageId);
    if (!message || !canTransition(message.state, 'failed')) return;
    try {
      await this.messages.transition(messageId, 'failed', {
        actor: 'system:worker',
        reason: `${details.stage}: ${details.reason}`.slice(0, 2_000),
        from: [message.state],
        patch: {
          failure: { stage: details.stage, reason: details.reason, attempt: details.attempt ?? null },
          ...(details.validation === undefined ? {} : { validation: details.validation }),
        },
      });
    } catch (error) {
      if (error instanceof StateConflictError) return;
      throw error;
    }
    this.logger.warn(`message ${messageId} failed at ${details.stage}: ${details.reason}`);
    await this.deliveries.event('message.failed', messageId);
  }

  /**
   * For a handler's catch block: on the last attempt, or when retrying cannot help, the message
   * moves to `failed`; the error is rethrown either way so the queue records the attempt.
   */
  async afterJobError(messageId: string, stage: string, error: unknown, context: JobContext): Promise<never> {
    if (context.final || error instanceof PermanentJobError) {
      const reason = error instanceof Error ? error.message : String(error);
      await this.fail(messageId, { stage, reason, attempt: context.attempt }).catch((failure: unknown) => {
        this.logger.error(`cannot mark message ${messageId} failed: ${(failure as Error).message}`);
      });
    }
    throw error;
  }
}
