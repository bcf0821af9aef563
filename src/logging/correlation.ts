import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

interface CorrelationContext {
  correlationId: string;
  messageId?: string;
}

const storage = new AsyncLocalStorage<CorrelationContext>();

/** Runs `work` with a correlation id that every log line written inside it carries. */
export function withCorrelation<T>(context: Partial<CorrelationContext>, work: () => T): T {
  return storage.run({ correlationId: context.correlationId ?? randomUUID(), messageId: context.messageId }, work);
}

export function currentCorrelation(): CorrelationContext | undefined {
  return storage.getStore();
}

/** Correlation ids from outside are accepted only in a safe shape. */
export function sanitizeCorrelationId(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Za-z0-9._:@-]{1,128}$/.test(value) ? value : undefined;
}
