import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { ConfigOf } from '../config/define-config.js';
import { BlobStore } from './blob-store.js';
import { storageConfig } from './storage.config.js';

@Global()
@Module({
  providers: [
    storageConfig.provider,
    {
      provide: BlobStore,
      inject: [storageConfig.KEY],
      useFactory: async (cfg: ConfigOf<typeof storageConfig>) => {
        const store = new BlobStore(cfg.dataDir, cfg.minFreeBytes, cfg.writerThreads);
        await store.init();
        return store;
      },
    },
  ],
  exports: [BlobStore],
})
export class StorageModule implements OnApplicationShutdown {
  constructor(@Inject(BlobStore) private readonly blobs: BlobStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.blobs.close();
  }
}
