import { z } from 'zod';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPES } from './problem.js';

type JsonSchema = Record<string, unknown>;

/** JSON Schema (2020-12, as OpenAPI 3.1 uses) of a zod schema, for response documentation. */
function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema;
  return withoutFormatPatterns(rest) as JsonSchema;
}

/** A `format` (date-time, uuid) says what zod's equivalent regex says, far more readably. */
function withoutFormatPatterns(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutFormatPatterns);
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  const hasFormat = entries.some(([k, v]) => k === 'format' && typeof v === 'string');
  return Object.fromEntries(entries.filter(([k]) => !(hasFormat && k === 'pattern')).map(([k, v]) => [k, withoutFormatPatterns(v)]));
}

export const PROBLEM_SCHEMA_NAME = 'Problem';

/** The problem details document every admin error carries (RFC 9457 plus correlation id and field errors). */
export const problemSchema: JsonSchema = {
  type: 'object',
  description: 'RFC 9457 problem details.',
  required: ['type', 'title', 'status', 'detail', 'instance', 'correlationId'],
  properties: {
    type: { type: 'string', description: 'Problem type URI; `about:blank` when the status says it all.' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string', description: 'What went wrong with this request, for a human.' },
    instance: { type: 'string', description: 'The request path.' },
    correlationId: { type: 'string', description: 'Also in the X-Correlation-Id response header and the server log.' },
    errors: {
      type: 'array',
      description: 'Validation problems, one per field at fault.',
      items: {
        type: 'object',
        required: ['in', 'field', 'message'],
        properties: { in: { enum: ['query', 'path', 'body', 'header'] }, field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

const PROBLEM_EXAMPLES: Record<number, { type: string; title: string; detail: string }> = {
  400: { type: PROBLEM_TYPES.validation, title: 'Invalid request', detail: 'query limit: Too big: expected number to be <=200' },
  401: { type: PROBLEM_TYPES.unauthenticated, title: 'Unauthenticated', detail: 'An API key is required: send it as X-API-Key or Authorization: Bearer.' },
  403: { type: PROBLEM_TYPES.forbidden, title: 'Forbidden', detail: 'This operation needs role operator; key 3f9c0a1b2c3d has role viewer.' },
  404: { type: PROBLEM_TYPES.notFound, title: 'Not found', detail: 'no message 0b7e2f7c-3c1e-4d8e-9a57-0f6d1c2b3a49' },
  409: { type: PROBLEM_TYPES.conflict, title: 'Conflict', detail: 'queue inbound has no failed job inbound.run.0b7e2f7c' },
  422: { type: PROBLEM_TYPES.validation, title: 'Invalid request', detail: 'body role: Invalid option: expected one of "viewer"|"operator"|"admin"' },
};

/** A documented problem+json response with its example. */
export function problemResponse(description: string, status: keyof typeof PROBLEM_EXAMPLES) {
  const example = { ...PROBLEM_EXAMPLES[status]!, status, instance: '/admin/messages', correlationId: '5b0e8e0e-0d55-4c8e-bb0e-7d3f0a6c9f10' };
  return {
    description,
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: `#/components/schemas/${PROBLEM_SCHEMA_NAME}` }, example } },
  };
}

/** A documented JSON response: schema from zod, with an example. */
export function jsonResponse(description: string, schema: z.ZodType, example: unknown) {
  return { description, content: { 'application/json': { schema: jsonSchemaOf(schema), example } } };
}

/** A documented JSON request body (for `@ApiBody`): schema from zod, with an example. */
export function jsonBody(description: string, schema: z.ZodType, example: unknown) {
  return { description, required: true, schema: jsonSchemaOf(schema), examples: { example: { summary: description, value: example } } };
}
