import { applyDecorators, Controller, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { RequiresRole } from '../../admin/auth/requires-role.js';
import { BACKEND_ROLE } from '../../admin/auth/roles.js';
import { API_KEY_SCHEME, BEARER_SCHEME } from '../../admin/http/admin-controller.js';
import { problemResponse } from '../../admin/http/openapi-parts.js';
import { SchemaPipe } from '../../admin/http/schema.pipe.js';

export const BACKEND_API_TAG = 'back-end api';

/**
 * A controller of the back-end API under `/api/v1/<path>`: every operation needs a `backend` key
 * (X-API-Key or Bearer, as on the admin API), parameters are zod-checked, errors are problem+json.
 */
export function BackendApiController(path: string) {
  return applyDecorators(
    Controller(`api/v1/${path}`),
    ApiTags(BACKEND_API_TAG),
    ApiSecurity(API_KEY_SCHEME),
    ApiBearerAuth(BEARER_SCHEME),
    UsePipes(SchemaPipe),
    RequiresRole(BACKEND_ROLE),
    ApiUnauthorizedResponse(problemResponse('No API key, or one that is unknown or revoked.', 401)),
  );
}
