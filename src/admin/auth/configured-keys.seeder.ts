import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { adminConfig, type AdminConfig } from '../admin.config.js';
import { ApiKeyRepository } from './api-key-repository.js';

/** At start, makes the keys in ADMIN_API_KEYS exactly the active configured keys. */
@Injectable()
export class ConfiguredKeysSeeder implements OnApplicationBootstrap {
  constructor(
    private readonly keys: ApiKeyRepository,
    @Inject(adminConfig.KEY) private readonly cfg: AdminConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.keys.syncConfigured(this.cfg.keys);
  }
}
