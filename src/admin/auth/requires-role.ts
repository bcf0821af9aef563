import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension, ApiForbiddenResponse } from '@nestjs/swagger';
import { problemResponse } from '../http/openapi-parts.js';
import type { KeyRole } from './roles.js';

export const REQUIRED_ROLE = 'admin:required-role';

/**
 * The least role an operation needs. Without it, reads (GET/HEAD) need `viewer` and anything else
 * needs `admin`, so a forgotten annotation fails closed.
 */
export function RequiresRole(role: KeyRole) {
  return applyDecorators(
    SetMetadata(REQUIRED_ROLE, role),
    ApiExtension('x-required-role', role),
    ApiForbiddenResponse(problemResponse(`The key's role is below \`${role}\`.`, 403)),
  );
}
