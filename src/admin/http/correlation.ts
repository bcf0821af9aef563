import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { currentCorrelation } from '../../logging/correlation.js';

/** The request's correlation id: the one the HTTP layer echoed in X-Correlation-Id, else the current context's. */
export function correlationIdOf(req: Request): string {
  const echoed = req.res?.getHeader('X-Correlation-Id');
  if (typeof echoed === 'string') return echoed;
  return currentCorrelation()?.correlationId ?? randomUUID();
}
