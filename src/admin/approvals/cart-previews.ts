import { Injectable } from '@nestjs/common';
import { MessageRepository } from '../../messages/message-repository.js';
import type { CartChange } from '../../punchout/cart-changes.js';
import { previewCart, type CartPreview } from '../../punchout/cart-preview.js';
import { ApprovalNotFoundError } from '../../workflows/punchout/approval.service.js';
import { CartContextLoader } from '../../workflows/punchout/cart-context.js';

/**
 * A received cart's lines and the totals its order would have, with or without a buyer's changes:
 * what an approver looks at before deciding. Reads only; decisions go through ApprovalService.
 */
@Injectable()
export class CartPreviews {
  constructor(
    private readonly messages: MessageRepository,
    private readonly carts: CartContextLoader,
  ) {}

  async preview(cartMessageId: string, changes: readonly CartChange[]): Promise<CartPreview & { messageId: string; state: string }> {
    const message = await this.messages.find(cartMessageId);
    if (!message || message.kind !== 'cart' || message.direction !== 'inbound') throw new ApprovalNotFoundError(`no cart with message id ${cartMessageId}`);
    const { cart, buyer } = await this.carts.load(message);
    return { messageId: message.id, state: message.state, ...previewCart(cart, buyer.config, this.carts.now(), changes) };
  }
}
