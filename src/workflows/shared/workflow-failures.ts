import { Injectable, Logger } from '@nestjs/common';
import { MessageRepository, StateConflictError, type MessageFailure } from '../../messages/message-repository.js';
import { canTransition } from '../../messages/message-states.js';
import { PermanentJobError, type JobContext } from '../../queue/job-queue.js';
import { DeliveryRequests } from '../ports.js';

export interface FailureDetails extends MessageFailure {
  /** Extra facts for the operator (e.g. the validation report of a produced order). */
  validation?: unknown;
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
    const { validation, ...failure } = details;
    try {
      await this.messages.transition(messageId, 'failed', {
        actor: 'system:worker',
        reason: `${failure.stage}: ${failure.message}`.slice(0, 2_000),
        from: [message.state],
        patch: { failure, ...(validation === undefined ? {} : { validation }) },
      });
    } catch (error) {
      if (error instanceof StateConflictError) return;
      throw error;
    }
    this.logger.warn(`message ${messageId} failed at ${failure.stage} (${failure.code}): ${failure.message}`);
    await this.deliveries.event('message.failed', messageId);
  }

  /**
   * For a handler's catch block: on the last attempt, or when retrying cannot help, the message
   * moves to `failed`; the error is rethrown either way so the queue records the attempt.
   */
  async afterJobError(messageId: string, stage: MessageFailure['stage'], error: unknown, context: JobContext): Promise<never> {
    if (context.final || error instanceof PermanentJobError) {
      const message = error instanceof Error ? error.message : String(error);
      const code = error instanceof PermanentJobError ? 'unprocessable' : 'retries-exhausted';
      await this.fail(messageId, { stage, code, message, attempt: context.attempt }).catch((failure: unknown) => {
        this.logger.error(`cannot mark message ${messageId} failed: ${(failure as Error).message}`);
      });
    }
    throw error;
  }
}
