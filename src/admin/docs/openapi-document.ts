import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { webhookOpenApi } from '../../delivery/webhook/openapi-webhooks.js';
import { API_KEY_HEADER } from '../auth/presented-key.js';
import { TEST_EVENT_TYPE } from '../delivery/route-test-fire.js';
import { ADMIN_ROLES } from '../auth/roles.js';
import { API_KEY_SCHEME, BEARER_SCHEME } from '../http/admin-controller.js';
import { PROBLEM_SCHEMA_NAME, problemResponse, problemSchema } from '../http/openapi-parts.js';

export const DOCS_PATH = '/docs';
export const OPENAPI_JSON_PATH = '/docs/openapi.json';
export const DASHBOARD_PATH = '/admin/dashboard';
const ADMIN_API_VERSION = '1.0.0';

const DESCRIPTION = `Operate the Peppol access point: messages and their documents, participants, queues and failed jobs,
certificates, rule releases, API keys and the audit trail.

**Authentication.** Every operation needs an API key, sent as \`X-API-Key: <key>\` or \`Authorization: Bearer <key>\`
(use *Authorize* above). Roles: ${ADMIN_ROLES.map((r) => `\`${r}\``).join(' < ')} — \`viewer\` reads, \`operator\` approves,
replays, reprocesses and works the queues, \`admin\` manages routes, keys, participants, certificates and rules.
An operation's least role is in \`x-required-role\`; without it reads need \`viewer\` and changes \`admin\`.
Missing or unknown keys get 401, insufficient roles 403. A \`backend\` key (created with the participants it acts for) is
for the back-end API under \`/api/v1\` only, and only it is: admin keys are refused there, backend keys everywhere else.

**Public routes.** Only \`/health\`, \`/health/ready\`, \`/metrics\` and \`/as4\` (authenticated by WS-Security) answer without a key.
This documentation (\`${DOCS_PATH}\`, \`${OPENAPI_JSON_PATH}\`) is public too; it holds no data.

**Errors** are RFC 9457 \`application/problem+json\` with a correlation id (also in \`X-Correlation-Id\`).
**Lists** are pages, newest first: pass the previous page's \`nextCursor\` as \`cursor\`.
**Back-end API.** The operations tagged \`back-end API\` (under \`/api/v1\`) are for back-end systems (OMS, ERP,
procurement) with a \`backend\` key: submit UBL documents (validated, then sent over AS4), track them, poll what arrived,
and answer received orders with an Order Response.
**Webhooks** this access point sends to order management systems are described in the \`webhooks\` section.`;

/** The OpenAPI 3.1 document of the running application, with the webhook payloads and the dashboard. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Peppol access point — admin API')
    .setDescription(DESCRIPTION)
    .setVersion(ADMIN_API_VERSION)
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'An API key (`pap_…`).' }, API_KEY_SCHEME)
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'The same API key as a bearer token.' }, BEARER_SCHEME)
    .build();
  const document = SwaggerModule.createDocument(app, config);
  const { webhooks, schemas } = webhookOpenApi();
  document.components ??= {};
  // Webhook schemas are JSON Schema 2020-12 (OpenAPI 3.1), richer than the library's 3.0-shaped type.
  document.components.schemas = { ...document.components.schemas, ...schemas, [PROBLEM_SCHEMA_NAME]: problemSchema, [TEST_EVENT_SCHEMA]: testEventSchema } as never;
  document.webhooks = { ...webhooks, [TEST_EVENT_TYPE]: testEventWebhook(webhooks) } as OpenAPIObject['webhooks'];
  document.paths[DASHBOARD_PATH] = {
    get: {
      tags: ['queues'],
      summary: 'Bull Board: the queue dashboard (HTML)',
      description: `A browser page with every queue and job. Same keys as the API; a browser may send the key as the password of HTTP Basic authentication (any user name). Viewers read; acting on jobs needs \`operator\`. Header \`${API_KEY_HEADER}\` works too.`,
      operationId: 'Dashboard_page',
      security: [{ [API_KEY_SCHEME]: [] }, { [BEARER_SCHEME]: [] }],
      responses: {
        '200': { description: 'The dashboard page', content: { 'text/html': { schema: { type: 'string' }, example: '<!DOCTYPE html><html><head><title>Bull Dashboard</title>…' } } },
        '401': problemResponse('No API key, or one that is unknown or revoked.', 401),
      },
    },
  };
  return document;
}

const TEST_EVENT_SCHEMA = 'TestWebhookEvent';
const testEventSchema = {
  type: 'object',
  description: 'Sent only when an operator test-fires a route (POST /admin/routes/{id}/test). Answer 2xx; nothing else is expected.',
  required: ['type', 'timestamp', 'data'],
  properties: {
    type: { const: TEST_EVENT_TYPE },
    timestamp: { type: 'string', format: 'date-time' },
    data: {
      type: 'object',
      required: ['routeId', 'supplierId', 'note'],
      properties: { routeId: { type: 'string', format: 'uuid' }, supplierId: { type: 'string' }, note: { type: 'string' } },
    },
  },
};

/** The test event, signed like every other event (same headers as the generated ones). */
function testEventWebhook(webhooks: Record<string, unknown>) {
  const sample = Object.values(webhooks)[0] as { post: { parameters: unknown[] } };
  return {
    post: {
      summary: `${TEST_EVENT_TYPE} (operator test)`,
      description: `${testEventSchema.description} Signed per Standard Webhooks; never retried.`,
      operationId: 'webhook_test',
      parameters: sample.post.parameters,
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: { $ref: `#/components/schemas/${TEST_EVENT_SCHEMA}` },
            example: { type: TEST_EVENT_TYPE, timestamp: '2026-11-23T10:15:00.000Z', data: { routeId: '6a1f2e3d-4c5b-4a69-8877-665544332211', supplierId: '0088:5798009883964', note: 'checking the new endpoint' } },
          },
        },
      },
      responses: { '2XX': { description: 'Received.' } },
    },
  };
}

/** Stable JSON for the committed copy: two-space indentation and a final newline. */
export function serializeOpenApi(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
