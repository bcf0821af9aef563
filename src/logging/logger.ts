import type { LoggerService } from '@nestjs/common';
import { pino, type Logger } from 'pino';
import { redactText } from '../config/redact.js';
import { activeTraceIds } from '../tracing/trace-context.js';
import { currentCorrelation } from './correlation.js';

/**
 * Every line passes through `redactText` before it is written: URL credentials, webhook secrets and
 * the configured passwords and keys never reach a log, whichever message or error field carries them.
 */
export function redactingDestination(target: pino.DestinationStream): pino.DestinationStream {
  const stream = target as pino.DestinationStream & { flush?: (cb?: (error?: Error) => void) => void };
  return {
    write: (line: string) => target.write(redactText(line)),
    ...(typeof stream.flush === 'function' ? { flush: (cb?: (error?: Error) => void) => stream.flush!(cb) } : {}),
  } as pino.DestinationStream;
}

/** One JSON logger per process; every line carries the role and the current correlation id. */
export function createRootLogger(role: string, level: string = process.env.LOG_LEVEL ?? 'info', destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { role, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    // "level":"warn" rather than "level":40: readable without knowing pino's numbers.
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const c = currentCorrelation();
      // With tracing on, a line written inside a span names it (trace_id, span_id), to find its trace.
      const ids = activeTraceIds();
      return c ? { correlationId: c.correlationId, ...(c.messageId ? { messageId: c.messageId } : {}), ...ids } : { ...ids };
    },
    // Secrets never reach the logs; payloads are never logged in the first place.
    redact: ['req.headers.authorization', 'req.headers["x-api-key"]', '*.secret', '*.password', '*.apiKey'],
  };
  return pino(options, redactingDestination(destination ?? pino.destination(1)));
}

/**
 * Nest's start-up chatter: a line per module initialised and per route mapped (about 95 of 105
 * start-up lines). Useful when debugging the module graph, noise otherwise: logged at debug.
 */
const START_UP_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

/** Routes Nest's own logging into the JSON logger. */
export class JsonNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    if (context !== undefined && START_UP_CONTEXTS.has(context)) this.logger.debug({ context }, String(message));
    else this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, message instanceof Error ? message.message : String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
  fatal(message: unknown, context?: string) {
    this.logger.fatal({ context }, String(message));
  }
}
