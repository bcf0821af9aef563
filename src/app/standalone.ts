import 'reflect-metadata';
import type { INestApplicationContext, ModuleMetadata } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { pino } from 'pino';
import { createRootLogger, JsonNestLogger } from '../logging/logger.js';
import { CoreModule } from './core.module.js';

/**
 * Feature modules outside a server process (operator commands): the same modules the processes
 * build, over the same infrastructure (database, blob store, Redis, queues) and configuration, with
 * no HTTP and no queue workers. Logs go to stderr, warnings and worse unless LOG_LEVEL says otherwise,
 * so a command's own output stays clean. Close the context when done.
 */
export async function openStandalone(features: NonNullable<ModuleMetadata['imports']>): Promise<INestApplicationContext> {
  const logger = createRootLogger('cli', process.env.LOG_LEVEL ?? 'warn', pino.destination(2));
  const module = { module: class StandaloneModule {}, imports: [CoreModule.forRoot(logger), ...features] };
  return NestFactory.createApplicationContext(module, { logger: new JsonNestLogger(logger), abortOnError: false });
}
