import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { DeliveryRepository } from '../delivery/deliveries/delivery-repository.js';
import { MessageRepository } from '../messages/message-repository.js';
import { OutboundAttempts } from '../outbound/outbound-attempts.js';
import { BlobStore } from '../storage/blob-store.js';
import { storageConfig, type StorageConfig } from '../storage/storage.config.js';

const PAGE = 500;

/**
 * Garbage collection of the blob store (backends that collect: `postgres`): blobs last written longer
 * ago than the retention that no message, message document, webhook event or outbound attempt refers
 * to are removed. `release` does the same for named blobs in any backend (what retention's purge
 * left unreferenced). Bytes are always stored before the row that refers to them is committed, so a blob
 * younger than the retention may still be about to be referred to and is left alone; a blob written
 * again is young again.
 */
@Injectable()
export class BlobCollector {
  /** Where this process's last pass stopped; the next goes on from there (from the start after a full round). */
  private after = '';

  constructor(
    private readonly blobs: BlobStore,
    private readonly messages: MessageRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly outbound: OutboundAttempts,
    private readonly clock: Clock,
    @Inject(storageConfig.KEY) private readonly cfg: StorageConfig,
  ) {}

  /**
   * Removes those of `sha256s` nothing refers to any more (after their rows were deleted, e.g. by
   * retention), in either backend; a blob written within the retention is kept all the same (a
   * writer may be about to refer to the same bytes). Returns how many went.
   */
  async release(sha256s: readonly string[]): Promise<number> {
    const writtenBefore = new Date(this.clock.now().getTime() - this.cfg.gcRetentionMs);
    let removed = 0;
    for (let i = 0; i < sha256s.length; i += PAGE) {
      const page = sha256s.slice(i, i + PAGE);
      const referenced = await this.referenced(page);
      removed += await this.blobs.remove(
        page.filter((sha) => !referenced.has(sha)),
        writtenBefore,
      );
    }
    return removed;
  }

  private async referenced(page: readonly string[]): Promise<Set<string>> {
    const referenced = new Set<string>();
    for (const source of [this.messages, this.deliveries, this.outbound]) for (const sha of await source.referencedBlobs(page)) referenced.add(sha);
    return referenced;
  }

  /** One pass over at most `maxBlobs` blobs; returns how many were removed. */
  async collect(maxBlobs: number): Promise<number> {
    const writtenBefore = new Date(this.clock.now().getTime() - this.cfg.gcRetentionMs);
    let removed = 0;
    for (let seen = 0; seen < maxBlobs; ) {
      const page = await this.blobs.collectionCandidates(writtenBefore, Math.min(PAGE, maxBlobs - seen), this.after);
      if (page === null) return 0;
      if (page.length === 0) {
        this.after = '';
        break;
      }
      seen += page.length;
      this.after = page[page.length - 1]!;
      const referenced = await this.referenced(page);
      removed += await this.blobs.remove(
        page.filter((sha) => !referenced.has(sha)),
        writtenBefore,
      );
    }
    return removed;
  }
}
