import { type ArgumentsHost, Catch, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Request, Response } from 'express';
import { DeliveryError } from '../../delivery/delivery.errors.js';
import { MessageNotFoundError, StateConflictError } from '../../messages/message-repository.js';
import { PermanentJobError } from '../../queue/job-queue.js';
import { ApprovalInputError, ApprovalNotFoundError, ApprovalStateError } from '../../workflows/punchout/approval.service.js';
import { correlationIdOf } from './correlation.js';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPES, type ProblemDetails, ProblemException } from './problem.js';

/** Paths whose errors are answered as problem+json (admin and back-end API); everything else keeps its own error format. */
export function isAdminPath(path: string): boolean {
  return path === '/admin' || path.startsWith('/admin/') || path === '/api' || path.startsWith('/api/');
}

const TYPE_BY_STATUS: Partial<Record<number, string>> = {
  401: PROBLEM_TYPES.unauthenticated,
  403: PROBLEM_TYPES.forbidden,
  404: PROBLEM_TYPES.notFound,
  409: PROBLEM_TYPES.conflict,
  503: PROBLEM_TYPES.unavailable,
};

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthenticated',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Content too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/** Maps any error on an admin route to RFC 9457 problem details; internals never leak. */
export function toProblem(error: unknown, req: Request): ProblemDetails {
  const base = { instance: req.originalUrl.split('?')[0] ?? req.path, correlationId: correlationIdOf(req) };
  if (error instanceof ProblemException) {
    const status = error.getStatus();
    return {
      type: error.problem.type ?? TYPE_BY_STATUS[status] ?? PROBLEM_TYPES.generic,
      title: error.problem.title ?? TITLES[status] ?? 'Error',
      status,
      detail: error.message,
      ...base,
      ...(error.problem.errors ? { errors: error.problem.errors } : {}),
      ...error.problem.extensions,
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message = typeof response === 'object' && response && 'message' in response ? (response as { message: unknown }).message : error.message;
    return {
      type: TYPE_BY_STATUS[status] ?? PROBLEM_TYPES.generic,
      title: TITLES[status] ?? 'Error',
      status,
      detail: Array.isArray(message) ? message.join('; ') : String(message),
      ...base,
    };
  }
  const known = domainProblem(error);
  if (known) {
    const { status, field } = known;
    const detail = known.detail ?? (error as Error).message;
    const type = status === 400 || status === 422 ? PROBLEM_TYPES.validation : (TYPE_BY_STATUS[status] ?? PROBLEM_TYPES.generic);
    const errors = field ? { errors: [{ in: 'body' as const, field, message: detail }] } : {};
    return { type, title: TITLES[status] ?? 'Error', status, detail, ...base, ...errors };
  }
  return { type: PROBLEM_TYPES.generic, title: TITLES[500]!, status: 500, detail: 'The server failed to handle the request; see the log with the correlation id.', ...base };
}

/** Errors of the services behind the admin API, with the status that fits them. */
function domainProblem(error: unknown): { status: number; field?: string; detail?: string } | undefined {
  if (error instanceof MessageNotFoundError || error instanceof ApprovalNotFoundError) return { status: 404 };
  if (error instanceof StateConflictError || error instanceof ApprovalStateError) return { status: 409 };
  // Stored data the flow cannot use (e.g. a cart whose document is missing): retrying will not help.
  if (error instanceof ApprovalInputError || error instanceof PermanentJobError) return { status: 422 };
  if (error instanceof DeliveryError) return { status: error.status, field: error.field };
  // A foreign key still points at the row (PostgreSQL 23503): the change would orphan records.
  if ((error as { code?: unknown } | null)?.code === '23503') return { status: 409, detail: 'Other records still refer to this one; remove or change them first.' };
  return undefined;
}

/** The status an error is answered with on admin routes. */
export function statusOf(error: unknown): number {
  if (error instanceof HttpException) return error.getStatus();
  return domainProblem(error)?.status ?? 500;
}

export function sendProblem(res: Response, problem: ProblemDetails, opts: { challenge?: boolean } = {}): void {
  if (problem.status === HttpStatus.UNAUTHORIZED && opts.challenge !== false) res.setHeader('WWW-Authenticate', 'Bearer realm="peppol-ap admin", charset="UTF-8"');
  res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

/** Global filter: admin routes (and key refusals anywhere) answer problem+json; other errors keep Nest's default handling. */
@Catch()
export class ProblemFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('AdminApi');

  override catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return super.catch(exception, host);
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    // Admin routes answer every error as problem+json; elsewhere only the key guard's refusals are ours.
    if (!isAdminPath(req.path) && !(exception instanceof ProblemException)) return super.catch(exception, host);
    const problem = toProblem(exception, req);
    if (problem.status >= 500) this.logger.error(`${req.method} ${req.path} failed [${problem.correlationId}]: ${(exception as Error)?.stack ?? String(exception)}`);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    sendProblem(res, problem);
  }
}
