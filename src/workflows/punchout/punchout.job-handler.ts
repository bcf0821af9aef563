import { Injectable, Logger } from '@nestjs/common';
import { Database } from '../../database/database.js';
import { MessageRepository, recordAs, StateConflictError, type MessageRecordOf } from '../../messages/message-repository.js';
import type { MessageState } from '../../messages/message-states.js';
import { decideApproval } from '../../punchout/approval.js';
import { sellerKeys, type Cart } from '../../punchout/cart-model.js';
import { documentCurrency, selectOrderLines } from '../../punchout/order-checks.js';
import { lineExtensionAmount } from '../../punchout/order-totals.js';
import { PunchoutError } from '../../punchout/errors.js';
import { HandlesQueue, type JobHandler } from '../../queue/job-handler.decorator.js';
import { ForeignJobError, JobQueue, type JobContext } from '../../queue/job-queue.js';
import { QUEUES, type JobPayloads } from '../../queue/queues.js';
import { Decimal, formatAmount } from '../../ubl/decimal.js';
import { DeliveryRequests } from '../ports.js';
import { WorkflowFailures } from '../shared/workflow-failures.js';
import { abandonJobId } from './approval.service.js';
import { ApprovalStore } from './approval-store.js';
import { CartContextLoader, type CartContext } from './cart-context.js';
import { OrderProducer } from './order-producer.js';

/**
 * Punch-out stage: a validated cart is reported to the supplier (`cart.received`) and goes through
 * the buyer's approval policy; an approved one (automatically, or by a person through
 * ApprovalService) becomes an order, handed straight to delivery. What to do is read from the
 * cart's state, so a repeated or late job does the remaining work only.
 */
@Injectable()
@HandlesQueue(QUEUES.punchout)
export class PunchoutJobHandler implements JobHandler<'punchout'> {
  private readonly logger = new Logger('PunchoutJobHandler');

  constructor(
    private readonly db: Database,
    private readonly messages: MessageRepository,
    private readonly carts: CartContextLoader,
    private readonly approvals: ApprovalStore,
    private readonly orders: OrderProducer,
    private readonly deliveries: DeliveryRequests,
    private readonly queue: JobQueue,
    private readonly failures: WorkflowFailures,
  ) {}

  async handle({ messageId }: JobPayloads['punchout'], context: JobContext): Promise<void> {
    try {
      const found = await this.messages.find(messageId);
      if (!found) throw new ForeignJobError(`punch-out job for message ${messageId}, which is not in this installation's database`);
      let message = recordAs(found, 'cart');
      // The cart and buyer configuration read once serve the supplier's report, the policy and the order.
      let cart: CartContext | undefined;
      let read: Cart | undefined;
      if (message.state === 'validated') ({ message, context: cart, read } = await this.applyPolicy(message));
      else if (REPORTED_AGAIN.includes(message.state)) {
        cart = await this.carts.load(message).catch(ignoreUnusableCart);
        read = cart?.cart;
      }
      // `cart.received` is stored alongside the order, off its path; the job ends only once it is. A
      // job that runs again for a cart past `validated` (a retry, a worker that died, a person's
      // decision) reports it again: the same event, so nothing new when it was stored already.
      const reported = read ? this.deliveries.cartReceived(message.id, read) : Promise.resolve();
      const [work, report] = await Promise.allSettled([this.advance(message, cart), reported]);
      if (work.status === 'rejected') throw work.reason;
      if (report.status === 'rejected') throw report.reason;
    } catch (error) {
      if (error instanceof ForeignJobError) throw error;
      await this.failures.afterJobError(messageId, 'approval', error, context);
    }
  }

  /** What the cart's state leaves to do. */
  private async advance(message: MessageRecordOf<'cart'>, cart: CartContext | undefined): Promise<void> {
    switch (message.state) {
      case 'awaiting-approval':
        return this.scheduleAbandon(message.id);
      case 'approved':
      case 'changed':
        return this.orders.produce(message, cart);
      case 'order-created':
        return this.orders.requestDelivery(message);
      default:
        return;
    }
  }

  /** validated → approved (policy met) or awaiting-approval (a person decides, before a deadline). */
  private async applyPolicy(message: MessageRecordOf<'cart'>): Promise<{ message: MessageRecordOf<'cart'>; context?: CartContext; read?: Cart }> {
    let context: CartContext;
    try {
      context = await this.carts.load(message);
    } catch (error) {
      if (!(error instanceof PunchoutError)) throw error;
      // Valid under the official rules but unusable here (e.g. more lines than allowed).
      await this.failures.fail(message.id, { stage: 'approval', code: error.code, message: error.message });
      return { message: recordAs(await this.messages.get(message.id), 'cart') };
    }
    const now = this.carts.now();
    const decision = decideApproval(context.cart, context.buyer.config, now);
    const policy = `${context.buyer.origin === 'buyer' ? 'buyer' : context.buyer.origin} policy`;
    try {
      if (decision.outcome === 'auto-approve') {
        const approved = await this.messages.transition(message.id, 'approved', {
          actor: 'system:approval-policy',
          reason: `auto-approved by the ${policy}: ${decision.reasons.join('; ')}`.slice(0, 2_000),
          data: { decision: 'auto-approved', reasons: decision.reasons },
          from: ['validated'],
          patch: { attributes: { approval: { decision: 'auto-approved', actor: 'system:approval-policy', at: now.at.toISOString(), changes: [] } } },
        });
        return { message: recordAs(approved, 'cart'), context, read: context.cart };
      }
      const deadline = this.carts.abandonDeadline(context.buyer.config, now.at);
      const record = await this.db.transaction(async (tx) => {
        const moved = await this.messages.transition(message.id, 'awaiting-approval', {
          actor: 'system:approval-policy',
          reason: `needs a decision by ${deadline.toISOString()} (${policy}): ${decision.reasons.join('; ')}`.slice(0, 2_000),
          data: { decision: 'manual', reasons: decision.reasons, deadline: deadline.toISOString() },
          from: ['validated'],
          patch: { attributes: { approvalDeadline: deadline.toISOString() } },
          tx,
        });
        await this.approvals.open({ messageId: message.id, buyerId: context.buyerId, sellerId: sellerKeys(context.cart)[0] ?? message.senderId, cartId: context.cart.id, ...summary(context), reasons: decision.reasons, deadline }, tx);
        return moved;
      });
      return { message: recordAs(record, 'cart'), read: context.cart };
    } catch (error) {
      // Another run moved the cart meanwhile: go on from its state, with a fresh read of the cart.
      if (error instanceof StateConflictError) return { message: recordAs(await this.messages.get(message.id), 'cart'), read: context.cart };
      throw error;
    }
  }

  /** The delayed job that abandons the cart at its deadline (a second request is the same job). */
  private async scheduleAbandon(messageId: string): Promise<void> {
    const approval = await this.approvals.get(messageId);
    if (!approval) return;
    const delayMs = Math.max(0, approval.deadline.getTime() - this.carts.now().at.getTime());
    await this.queue.enqueue(QUEUES.maintenance, { task: 'abandon-cart', messageId }, { jobId: abandonJobId(messageId), delayMs });
  }
}

/** States in which a job may run after an earlier one left before its `cart.received` report was stored. */
const REPORTED_AGAIN: readonly MessageState[] = ['awaiting-approval', 'approved', 'changed', 'order-created'];

/** A cart that cannot be read any more is not reported again; its flow deals with it. */
function ignoreUnusableCart(error: unknown): undefined {
  if (error instanceof PunchoutError) return undefined;
  throw error;
}

/** Currency, net total and line count of a cart for the approver's list; totals only when computable. */
function summary({ cart }: CartContext): { currency: string | null; netTotal: string | null; lineCount: number } {
  try {
    const total = selectOrderLines(cart).reduce((sum, line) => sum.plus(lineExtensionAmount(line)), new Decimal(0));
    return { currency: documentCurrency(cart), netTotal: formatAmount(total), lineCount: cart.lines.length };
  } catch (error) {
    if (error instanceof PunchoutError) return { currency: null, netTotal: null, lineCount: cart.lines.length };
    throw error;
  }
}
