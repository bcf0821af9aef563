import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { DbDuplicateRegistry } from '../receive-ports/db-duplicate-registry.js';
import { BlobCollector } from './blob-collector.js';
import { reliabilityConfig, type ReliabilityConfig } from './reliability.config.js';
import { TempFiles } from './temp-files.js';

const MAX_FILES_PER_RUN = 10_000;
const MAX_BLOBS_PER_RUN = 50_000;

export interface HousekeepingResult {
  expiredReceipts: number;
  tempFiles: number;
  /** Blobs nothing referred to past the retention (blob stores that collect garbage). */
  blobs: number;
}

/** Removes what nothing refers to any more: duplicate-detection entries past their window, temporary files a crash left, unreferenced blobs. */
@Injectable()
export class Housekeeping {
  private readonly logger = new Logger('Housekeeping');

  constructor(
    private readonly duplicates: DbDuplicateRegistry,
    private readonly tempFiles: TempFiles,
    private readonly blobCollector: BlobCollector,
    private readonly clock: Clock,
    @Inject(reliabilityConfig.KEY) private readonly cfg: ReliabilityConfig,
  ) {}

  async run(): Promise<HousekeepingResult> {
    const now = this.clock.now();
    const expiredReceipts = await this.duplicates.purge(now);
    const tempFiles = await this.tempFiles.removePartsOlderThan(new Date(now.getTime() - this.cfg.tempFileMaxAgeMs), MAX_FILES_PER_RUN);
    const blobs = await this.blobCollector.collect(MAX_BLOBS_PER_RUN);
    if (expiredReceipts + tempFiles + blobs > 0) {
      this.logger.log(`removed ${expiredReceipts} expired duplicate-detection entries, ${tempFiles} abandoned temporary files and ${blobs} unreferenced blobs`);
    }
    return { expiredReceipts, tempFiles, blobs };
  }
}
