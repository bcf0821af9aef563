import { type CanActivate, type ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PROBLEM_TYPES, ProblemException } from '../http/problem.js';
import type { AdminRequest } from './admin-request.js';
import { type ApiKeyRecord, ApiKeyRepository } from './api-key-repository.js';
import { presentedKey } from './presented-key.js';
import { PUBLIC_CONTROLLERS } from './public-routes.js';
import { REQUIRED_ROLE } from './requires-role.js';
import { type KeyRole, roleAllows } from './roles.js';

/** Global guard: every route except the listed public controllers needs a valid key of a sufficient role. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeyRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    if (PUBLIC_CONTROLLERS.has(context.getClass())) return true;
    const req = context.switchToHttp().getRequest<AdminRequest>();
    const key = presentedKey(req);
    if (!key) throw unauthenticated('An API key is required: send it as X-API-Key or Authorization: Bearer.');
    const record = await this.keys.authenticate(key);
    if (!record) throw unauthenticated('The API key is not valid or has been revoked.');
    req.adminKey = record;
    const required = requiredRole(this.reflector.getAllAndOverride<KeyRole | undefined>(REQUIRED_ROLE, [context.getHandler(), context.getClass()]), req.method);
    if (!roleAllows(record.role, required)) {
      throw new ProblemException(HttpStatus.FORBIDDEN, refusal(required, record), {
        type: PROBLEM_TYPES.forbidden,
        title: 'Forbidden',
      });
    }
    return true;
  }
}

function refusal(required: KeyRole, record: ApiKeyRecord): string {
  if (required === 'backend') return `This operation needs role backend (a key acting for participants, for the back-end API); key ${record.id} has role ${record.role}.`;
  if (record.role === 'backend') return `This operation needs role ${required}; key ${record.id} is a backend key, for the back-end API (/api/v1) only.`;
  return `This operation needs role ${required}; key ${record.id} has role ${record.role}.`;
}

// Problem exceptions are answered as problem+json on every route, not only under /admin.
const unauthenticated = (detail: string) => new ProblemException(HttpStatus.UNAUTHORIZED, detail, { type: PROBLEM_TYPES.unauthenticated, title: 'Unauthenticated' });

export function requiredRole(declared: KeyRole | undefined, method: string): KeyRole {
  return declared ?? (method === 'GET' || method === 'HEAD' ? 'viewer' : 'admin');
}
