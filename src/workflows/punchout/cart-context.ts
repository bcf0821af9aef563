import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import type { MessageRecord } from '../../messages/message-repository.js';
import type { BuyerConfig } from '../../punchout/buyer-config.js';
import { parseCart } from '../../punchout/cart.js';
import type { Cart } from '../../punchout/cart-model.js';
import type { OrderMoment } from '../../punchout/order-checks.js';
import { punchoutConfig, type PunchoutConfig } from '../../punchout/punchout.config.js';
import { DOCUMENT_ROLE, WorkflowDocuments } from '../shared/workflow-documents.js';
import { workflowsConfig, type WorkflowsConfig } from '../workflows.config.js';
import { BuyerConfigRepository, type ResolvedBuyerConfig } from './buyer-config-repository.js';

export interface CartContext {
  cart: Cart;
  /** The buyer (the cart's receiver, C4 of the T77). */
  buyerId: string;
  buyer: ResolvedBuyerConfig;
}

/** Loads a received cart and the configuration of the buyer it was sent to. */
@Injectable()
export class CartContextLoader {
  constructor(
    private readonly documents: WorkflowDocuments,
    private readonly buyerConfigs: BuyerConfigRepository,
    private readonly clock: Clock,
    @Inject(punchoutConfig.KEY) private readonly punchout: PunchoutConfig,
    @Inject(workflowsConfig.KEY) private readonly cfg: WorkflowsConfig,
  ) {}

  async load(message: MessageRecord): Promise<CartContext> {
    const doc = await this.documents.require(message.id, DOCUMENT_ROLE.business);
    const cart = parseCart(await this.documents.read(doc, this.punchout.cartLimits.maxBytes), this.punchout.cartLimits);
    const buyerId = message.receiverId ?? '';
    const resolved = await this.buyerConfigs.resolve(buyerId || null);
    return { cart, buyerId, buyer: { ...resolved, config: this.withMessageFacts(resolved.config, message) } };
  }

  /** When the buyer's undecided carts become abandoned. */
  abandonDeadline(config: BuyerConfig, from: Date): Date {
    const timeoutMs = this.cfg.approvalTimeoutMs ?? config.approval.abandonAfterHours * 3_600_000;
    return new Date(from.getTime() + timeoutMs);
  }

  /** The moment an order made now would carry (UTC). */
  now(): OrderMoment & { at: Date } {
    const at = this.clock.now();
    const iso = at.toISOString();
    return { at, date: iso.slice(0, 10), time: iso.slice(11, 19) };
  }

  /**
   * A seller without master data still needs a country on the order: the SBDH says where the
   * cart's sender (the seller, C1 of the T77) is.
   */
  private withMessageFacts(config: BuyerConfig, message: MessageRecord): BuyerConfig {
    if (config.sellerFallback.countryCode || !message.countryC1 || !/^[A-Z]{2}$/.test(message.countryC1)) return config;
    return { ...config, sellerFallback: { ...config.sellerFallback, countryCode: message.countryC1 } };
  }
}
