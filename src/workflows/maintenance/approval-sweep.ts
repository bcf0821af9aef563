import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { ApprovalService } from '../punchout/approval.service.js';
import { ApprovalStore } from '../punchout/approval-store.js';
import { workflowsConfig, type WorkflowsConfig } from '../workflows.config.js';

/**
 * The safety net behind the per-cart timers: abandons every undecided cart past its deadline, e.g.
 * when its delayed job was lost with Redis. (Messages whose job was lost are queued again by the
 * reliability reconciler.)
 */
@Injectable()
export class ApprovalSweep {
  private readonly logger = new Logger('ApprovalSweep');

  constructor(
    private readonly approvals: ApprovalStore,
    private readonly approvalService: ApprovalService,
    private readonly clock: Clock,
    @Inject(workflowsConfig.KEY) private readonly cfg: WorkflowsConfig,
  ) {}

  /** Returns how many carts it abandoned. */
  async sweep(): Promise<number> {
    let abandoned = 0;
    for (const id of await this.approvals.overdue(this.clock.now(), this.cfg.sweepBatch)) {
      if (await this.approvalService.abandonIfOverdue(id)) abandoned++;
    }
    if (abandoned > 0) this.logger.log(`${abandoned} undecided carts abandoned past their deadline`);
    return abandoned;
  }
}
