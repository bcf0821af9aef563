import { applyDecorators, Controller, UsePipes } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiSecurity, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { problemResponse } from './openapi-parts.js';
import { SchemaPipe } from './schema.pipe.js';

const ADMIN_PREFIX = 'admin';
export const API_KEY_SCHEME = 'api-key';
export const BEARER_SCHEME = 'bearer';

/**
 * An admin API controller under `/admin/<path>`: documented as needing a key (X-API-Key or Bearer),
 * its zod-declared parameters validated, its errors problem+json.
 */
export function AdminController(path: string, tag: string) {
  return applyDecorators(
    Controller(`${ADMIN_PREFIX}/${path}`),
    ApiTags(tag),
    ApiSecurity(API_KEY_SCHEME),
    ApiBearerAuth(BEARER_SCHEME),
    UsePipes(SchemaPipe),
    ApiUnauthorizedResponse(problemResponse('No API key, or one that is unknown or revoked.', 401)),
  );
}

/** For operations with query or path parameters: a 400 naming the parameter at fault. */
export const ApiInvalidParameters = () => ApiBadRequestResponse(problemResponse('A query or path parameter is invalid; `errors` names it.', 400));
