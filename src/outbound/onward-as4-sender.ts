import { Injectable } from '@nestjs/common';
import { OutboundAs4Sender, type OnwardAs4Request } from '../delivery/ports.js';
import { OutboundService } from './outbound.service.js';

/** The delivery flow's port: a produced document whose supplier route says AS4 is sent by this module. */
@Injectable()
export class OnwardAs4Sender extends OutboundAs4Sender {
  constructor(private readonly outbound: OutboundService) {
    super();
  }

  async sendOnward(request: OnwardAs4Request): Promise<void> {
    await this.outbound.send(request.messageId);
  }
}
