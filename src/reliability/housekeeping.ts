import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { DbDuplicateRegistry } from '../receive-ports/db-duplicate-registry.js';
import { reliabilityConfig, type ReliabilityConfig } from './reliability.config.js';
import { TempFiles } from './temp-files.js';

const MAX_FILES_PER_RUN = 10_000;

export interface HousekeepingResult {
  expiredReceipts: number;
  tempFiles: number;
}

/** Removes what nothing refers to any more: duplicate-detection entries past their window, temporary files a crash left. */
@Injectable()
export class Housekeeping {
  private readonly logger = new Logger('Housekeeping');

  constructor(
    private readonly duplicates: DbDuplicateRegistry,
    private readonly tempFiles: TempFiles,
    private readonly clock: Clock,
    @Inject(reliabilityConfig.KEY) private readonly cfg: ReliabilityConfig,
  ) {}

  async run(): Promise<HousekeepingResult> {
    const now = this.clock.now();
    const expiredReceipts = await this.duplicates.purge(now);
    const tempFiles = await this.tempFiles.removePartsOlderThan(new Date(now.getTime() - this.cfg.tempFileMaxAgeMs), MAX_FILES_PER_RUN);
    if (expiredReceipts + tempFiles > 0) this.logger.log(`removed ${expiredReceipts} expired duplicate-detection entries and ${tempFiles} abandoned temporary files`);
    return { expiredReceipts, tempFiles };
  }
}
