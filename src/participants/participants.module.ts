import { Global, Inject, Injectable, Module, type OnApplicationBootstrap } from '@nestjs/common';
import type { ConfigOf } from '../config/define-config.js';
import { ParticipantRepository } from './participant-repository.js';
import { participantsConfig } from './participants.config.js';

@Injectable()
class ParticipantSeeder implements OnApplicationBootstrap {
  constructor(
    private readonly participants: ParticipantRepository,
    @Inject(participantsConfig.KEY) private readonly cfg: ConfigOf<typeof participantsConfig>,
  ) {}
  async onApplicationBootstrap(): Promise<void> {
    await this.participants.seed(this.cfg.seed);
  }
}

@Global()
@Module({
  providers: [participantsConfig.provider, ParticipantRepository, ParticipantSeeder],
  exports: [ParticipantRepository],
})
export class ParticipantsModule {}
