import { z } from 'zod';
import { webhookExamples } from './examples.js';
import { WEBHOOK_EVENT_TYPES, WEBHOOK_SCHEMA_VERSION, webhookEventSchemas, webhookSchemaRegistry } from './events.js';

type JsonSchema = Record<string, unknown>;

const SCHEMA_REF = (id: string) => `#/components/schemas/${id}`;

/**
 * JSON Schemas (2020-12) of every webhook payload and its parts, keyed by component name, with
 * `$ref`s pointing at `#/components/schemas/<name>`. Generated as the *input* shape, so published
 * schemas allow fields added later within the same schema version.
 */
export function webhookJsonSchemas(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(webhookSchemaRegistry, { uri: SCHEMA_REF, io: 'input' }) as {
    schemas: Record<string, JsonSchema>;
  };
  const cleaned: Record<string, JsonSchema> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    const { $schema: _dialect, $id: _id, ...rest } = schema;
    cleaned[id] = rest;
  }
  return cleaned;
}

const signatureHeaders = [
  {
    name: 'webhook-id',
    in: 'header',
    required: true,
    description: 'Event id, identical on every retry and replay: use it to deduplicate.',
    schema: { type: 'string' },
  },
  {
    name: 'webhook-timestamp',
    in: 'header',
    required: true,
    description: 'Unix seconds of this delivery attempt; reject if more than 5 minutes away from your clock.',
    schema: { type: 'string', pattern: '^[0-9]+$' },
  },
  {
    name: 'webhook-signature',
    in: 'header',
    required: true,
    description:
      'Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>` (several during secret rotation), per Standard Webhooks.',
    schema: { type: 'string' },
  },
];

/**
 * The OpenAPI 3.1 `webhooks` section and the component schemas it references. Merge both into the
 * generated document: `doc.webhooks = webhooks; Object.assign(doc.components.schemas, schemas)`.
 */
export function webhookOpenApi(): { webhooks: Record<string, unknown>; schemas: Record<string, JsonSchema> } {
  const schemas = webhookJsonSchemas();
  const webhooks: Record<string, unknown> = {};
  for (const type of WEBHOOK_EVENT_TYPES) {
    const id = webhookSchemaRegistry.get(webhookEventSchemas[type])!.id;
    webhooks[type] = {
      post: {
        summary: `${type} (schema version ${WEBHOOK_SCHEMA_VERSION})`,
        description: `${schemas[id]?.['description'] ?? ''} Signed per Standard Webhooks; delivered at least once.`,
        operationId: `webhook_${type.replace('.', '_')}`,
        parameters: signatureHeaders,
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: SCHEMA_REF(id) },
              example: { type, timestamp: '2026-11-23T10:15:00.000Z', data: webhookExamples[type] },
            },
          },
        },
        responses: {
          '2XX': { description: 'Accepted. Anything else is a failure.' },
          '410': { description: 'Gone: the endpoint is disabled and no further events are sent to it.' },
          '4XX': { description: 'Rejected permanently (except 408 and 429, which are retried).' },
          '5XX': { description: 'Retried with backoff for about 24 hours.' },
        },
      },
    };
  }
  return { webhooks, schemas };
}
