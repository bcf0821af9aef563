import { Global, Module } from '@nestjs/common';
import { DuplicateRegistry, InboundJobEnqueuer, InboundMessageStore } from '../as4/inbound/ports.js';
import { BlobInboundMessageStore } from './blob-inbound-message-store.js';
import { DbDuplicateRegistry } from './db-duplicate-registry.js';
import { QueueInboundJobEnqueuer } from './queue-inbound-job-enqueuer.js';

/** Binds the AS4 receiver's ports to the database, the blob store and the queue. */
@Global()
@Module({
  providers: [
    DbDuplicateRegistry,
    { provide: DuplicateRegistry, useExisting: DbDuplicateRegistry },
    { provide: InboundMessageStore, useClass: BlobInboundMessageStore },
    { provide: InboundJobEnqueuer, useClass: QueueInboundJobEnqueuer },
  ],
  exports: [DuplicateRegistry, InboundMessageStore, InboundJobEnqueuer, DbDuplicateRegistry],
})
export class InboundPersistenceModule {}
