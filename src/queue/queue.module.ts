import { Global, Module } from '@nestjs/common';
import { BullJobQueue } from './bull-job-queue.js';
import { JobQueue } from './job-queue.js';

@Global()
@Module({
  providers: [BullJobQueue, { provide: JobQueue, useExisting: BullJobQueue }],
  exports: [JobQueue, BullJobQueue],
})
export class QueueModule {}
