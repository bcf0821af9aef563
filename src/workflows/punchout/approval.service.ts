import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { Clock } from '../../common/clock.js';
import { Database } from '../../database/database.js';
import { MessageRepository, StateConflictError, type MessageRecord } from '../../messages/message-repository.js';
import type { MessageState } from '../../messages/message-states.js';
import { cartChangeSchema, type CartChange } from '../../punchout/cart-changes.js';
import { cartToOrder } from '../../punchout/cart-to-order.js';
import { PunchoutError } from '../../punchout/errors.js';
import { JobQueue } from '../../queue/job-queue.js';
import { jobIdFor, QUEUES } from '../../queue/queues.js';
import { DeliveryRequests } from '../ports.js';
import { ApprovalStore, type ApprovalDecisionKind, type PendingApproval } from './approval-store.js';
import { CartContextLoader } from './cart-context.js';

/** No cart (punch-out message) with that id. */
export class ApprovalNotFoundError extends Error {
  override name = 'ApprovalNotFoundError';
}

/** The cart is not waiting for a decision (decided already, abandoned, or never needed one). */
export class ApprovalStateError extends Error {
  override name = 'ApprovalStateError';
  constructor(
    readonly messageId: string,
    readonly state: MessageState,
  ) {
    super(`cart ${messageId} is ${state}, not awaiting approval`);
  }
}

/** The decision cannot be taken as asked: bad changes, a cart that can no longer be ordered, a missing reason. */
export class ApprovalInputError extends Error {
  override name = 'ApprovalInputError';
  constructor(
    readonly code: string,
    message: string,
    readonly lineId?: string,
  ) {
    super(message);
  }
}

const actorSchema = z.string().trim().min(1, 'the actor is required').max(200);
const reasonSchema = z.string().trim().min(1, 'a reason is required').max(1_000);
const changesSchema = z.array(cartChangeSchema).min(1, 'at least one change is required').max(30_000);

/** Timeline actor of decisions the system takes itself. */
const TIMEOUT_ACTOR = 'system:approval-timeout';

/**
 * The buyer's decisions on carts waiting for approval (used by the admin API): approve as is,
 * approve with changes, reject with a reason; and the timeout that abandons undecided carts.
 * An approval is checked first (the cart, with the changes, must still make a valid order), then
 * recorded with who decided what, and the order is made by the punch-out worker.
 */
@Injectable()
export class ApprovalService {
  constructor(
    private readonly db: Database,
    private readonly messages: MessageRepository,
    private readonly approvals: ApprovalStore,
    private readonly carts: CartContextLoader,
    private readonly queue: JobQueue,
    private readonly deliveries: DeliveryRequests,
    private readonly clock: Clock,
  ) {}

  /** Carts waiting for a decision, longest waiting first. */
  async listPending(limit = 100, offset = 0): Promise<PendingApproval[]> {
    const waiting = await this.messages.idsInState('awaiting-approval', { limit: Math.min(Math.max(1, limit), 1_000), offset: Math.max(0, offset) });
    return this.approvals.undecided(waiting);
  }

  async get(cartMessageId: string): Promise<PendingApproval> {
    const approval = await this.approvals.get(cartMessageId);
    if (!approval) throw new ApprovalNotFoundError(`no cart approval for message ${cartMessageId}`);
    return approval;
  }

  async approve(cartMessageId: string, actor: string): Promise<MessageRecord> {
    const who = this.checked(actorSchema, actor, 'actor');
    const message = await this.awaiting(cartMessageId);
    await this.checkOrderable(message, []);
    return this.decide(message.id, 'approved', who, 'approved as is', { changes: [] });
  }

  async approveWithChanges(cartMessageId: string, changes: unknown, actor: string): Promise<MessageRecord> {
    const who = this.checked(actorSchema, actor, 'actor');
    const edits = this.checked(changesSchema, changes, 'changes');
    const message = await this.awaiting(cartMessageId);
    const changeLog = await this.checkOrderable(message, edits);
    if (changeLog.length === 0) return this.decide(message.id, 'approved', who, 'approved as is (the changes change nothing)', { changes: [] });
    return this.decide(message.id, 'changed', who, `approved with changes: ${changeLog.join('; ')}`.slice(0, 2_000), { changes: edits, changeLog });
  }

  async reject(cartMessageId: string, reason: string, actor: string): Promise<MessageRecord> {
    const who = this.checked(actorSchema, actor, 'actor');
    const why = this.checked(reasonSchema, reason, 'reason');
    await this.awaiting(cartMessageId);
    const record = await this.decide(cartMessageId, 'rejected', who, `rejected: ${why}`, { reason: why });
    await this.deliveries.event('cart.rejected', cartMessageId);
    return record;
  }

  /** Abandons a cart whose deadline has passed; false when it is decided already or not yet due. */
  async abandonIfOverdue(cartMessageId: string): Promise<boolean> {
    const approval = await this.approvals.get(cartMessageId);
    const message = await this.messages.find(cartMessageId);
    if (!approval || !message || message.state !== 'awaiting-approval') return false;
    // A timer may fire a moment early on another machine; the sweep catches what is left.
    if (approval.deadline.getTime() > this.clock.now().getTime() + 1_000) return false;
    try {
      await this.decide(cartMessageId, 'abandoned', TIMEOUT_ACTOR, `no decision before ${approval.deadline.toISOString()}`, {});
      return true;
    } catch (error) {
      if (error instanceof ApprovalStateError) return false;
      throw error;
    }
  }

  private async awaiting(cartMessageId: string): Promise<MessageRecord> {
    const message = await this.messages.find(cartMessageId);
    if (!message || message.kind !== 'cart' || message.direction !== 'inbound') throw new ApprovalNotFoundError(`no cart with message id ${cartMessageId}`);
    if (message.state !== 'awaiting-approval') throw new ApprovalStateError(message.id, message.state);
    return message;
  }

  /** The cart, with the changes, must still make an order; returns the readable list of changes. */
  private async checkOrderable(message: MessageRecord, changes: readonly CartChange[]): Promise<string[]> {
    const { cart, buyer } = await this.carts.load(message);
    const now = this.carts.now();
    try {
      return cartToOrder(cart, buyer.config, { orderId: 'CHECK', issueDate: now.date, issueTime: now.time, changes }).changeLog;
    } catch (error) {
      if (error instanceof PunchoutError) throw new ApprovalInputError(error.code, error.message, error.lineId);
      throw error;
    }
  }

  private async decide(
    messageId: string,
    decision: ApprovalDecisionKind,
    actor: string,
    reason: string,
    data: { changes?: readonly CartChange[]; changeLog?: string[]; reason?: string },
  ): Promise<MessageRecord> {
    const at = this.clock.now();
    let record: MessageRecord;
    try {
      record = await this.db.transaction(async (tx) => {
        const moved = await this.messages.transition(messageId, decision, {
          actor,
          reason,
          data: { decision, ...data },
          from: ['awaiting-approval'],
          patch: {
            attributes: {
              approval: { decision, actor, at: at.toISOString(), changes: data.changes ?? [], changeLog: data.changeLog ?? [], ...(data.reason ? { reason: data.reason } : {}) },
            },
          },
          tx,
        });
        await this.approvals.decide(messageId, decision, actor, at, tx);
        return moved;
      });
    } catch (error) {
      if (error instanceof StateConflictError) throw new ApprovalStateError(messageId, (error.from ?? 'unknown') as MessageState);
      throw error;
    }
    if (decision === 'approved' || decision === 'changed') {
      await this.queue.enqueue(QUEUES.punchout, { messageId }, { jobId: jobIdFor(QUEUES.punchout, messageId, 'order') });
    }
    // The timer has nothing left to do; if this fails it finds the cart decided and stops.
    await this.queue.removeJob(QUEUES.maintenance, abandonJobId(messageId)).catch(() => false);
    return record;
  }

  private checked<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const at = issue.path.length ? ` (${what}.${issue.path.join('.')})` : '';
      throw new ApprovalInputError('invalid-input', `${what}: ${issue.message}${at}`);
    }
    return parsed.data;
  }
}

/** The delayed job that abandons a cart at its deadline. */
export function abandonJobId(cartMessageId: string): string {
  return jobIdFor(QUEUES.maintenance, cartMessageId, 'abandon');
}
