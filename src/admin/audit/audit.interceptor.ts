import { type CallHandler, type ExecutionContext, HttpStatus, Injectable, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import { catchError, from, mergeMap, type Observable } from 'rxjs';
import type { AdminRequest } from '../auth/admin-request.js';
import { correlationIdOf } from '../http/correlation.js';
import { statusOf } from '../http/problem.filter.js';
import { AuditRepository } from './audit-repository.js';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Records every state-changing call that passed authentication, once its outcome is known and before
 * the response leaves: who (key id and role), what (method, route, path, target), the outcome status,
 * and the before/after state the handler reported in `req.audit`.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly audit: AuditRepository,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<AdminRequest>();
    if (READS.has(req.method) || !req.adminKey) return next.handle();
    const declared = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler());
    const success = declared ?? (req.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
    return next.handle().pipe(
      mergeMap((result) => from(this.write(req, success).then(() => result))),
      catchError((error: unknown) => from(this.write(req, statusOf(error)).then(() => Promise.reject(error)))),
    );
  }

  private write(req: AdminRequest, status: number): Promise<void> {
    const key = req.adminKey!;
    return this.audit.record({
      keyId: key.id,
      role: key.role,
      method: req.method,
      route: `${req.baseUrl}${(req.route?.path as string | undefined) ?? req.path}`,
      path: req.originalUrl.split('?')[0] ?? req.path,
      target: req.audit?.target ?? null,
      status,
      before: req.audit?.before,
      after: req.audit?.after,
      correlationId: correlationIdOf(req),
    });
  }
}
