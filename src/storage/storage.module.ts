import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Database } from '../database/database.js';
import { BlobStore } from './blob-store.js';
import { FilesystemBlobStore } from './filesystem-blob-store.js';
import { PostgresBlobStore } from './postgres-blob-store.js';
import { storageConfig, type StorageConfig } from './storage.config.js';

/** The configured backend behind the one `BlobStore` interface. */
export function openBlobStore(cfg: StorageConfig, db: Database): BlobStore {
  switch (cfg.backend) {
    case 'postgres':
      return new PostgresBlobStore(db, cfg.dataDir, cfg.chunkBytes);
    case 'filesystem':
      return new FilesystemBlobStore(cfg.dataDir, cfg.minFreeBytes, cfg.writerThreads);
  }
}

@Global()
@Module({
  providers: [
    storageConfig.provider,
    {
      provide: BlobStore,
      inject: [storageConfig.KEY, Database],
      useFactory: async (cfg: StorageConfig, db: Database) => {
        const store = openBlobStore(cfg, db);
        await store.init();
        return store;
      },
    },
  ],
  exports: [BlobStore, storageConfig.KEY],
})
export class StorageModule implements OnApplicationShutdown {
  constructor(@Inject(BlobStore) private readonly blobs: BlobStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.blobs.close();
  }
}
