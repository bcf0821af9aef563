import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ConfigError } from '../../config/define-config.js';
import { punchoutConfig, type PunchoutConfig } from '../../punchout/punchout.config.js';
import { workflowsConfig, type WorkflowsConfig } from '../workflows.config.js';
import { BuyerConfigFile, BuyerConfigFileError } from './buyer-config-file.js';
import { BuyerConfigRepository } from './buyer-config-repository.js';

/** Loads the buyer configuration file into the database at start; a bad file stops the start. */
@Injectable()
export class BuyerConfigSeeder implements OnModuleInit {
  private readonly logger = new Logger('BuyerConfigs');

  constructor(
    private readonly file: BuyerConfigFile,
    private readonly repository: BuyerConfigRepository,
    @Inject(workflowsConfig.KEY) private readonly cfg: WorkflowsConfig,
    @Inject(punchoutConfig.KEY) private readonly punchout: PunchoutConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.cfg.buyerConfigFile) return;
    let entries;
    try {
      entries = await this.file.read(this.cfg.buyerConfigFile, this.punchout.maxBuyerConfigBytes);
    } catch (error) {
      // One clear line at start-up, like every other configuration problem.
      if (error instanceof BuyerConfigFileError) throw new ConfigError(`Invalid configuration: WORKFLOW_BUYER_CONFIG_FILE: ${error.message}`);
      throw error;
    }
    const written = await this.repository.seed(entries);
    this.logger.log(`buyer configurations: ${entries.length} in ${this.cfg.buyerConfigFile}, ${written} written`);
  }
}
