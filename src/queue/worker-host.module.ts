import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { WorkerHost } from './worker-host.js';

/** Imported by the worker role only: consumes the queues. */
@Module({ imports: [DiscoveryModule], providers: [WorkerHost] })
export class WorkerHostModule {}
