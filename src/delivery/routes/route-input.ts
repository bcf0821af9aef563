import { z } from 'zod';
import { IDENTIFIER_SCHEMES, normalizeParticipant, transactionRegistry } from '../../peppol/index.js';
import { DeliveryError } from '../delivery.errors.js';
import { ALERT_EVENT_TYPES, isWebhookEventType, WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../webhook/events.js';

const PARTICIPANT = /^[0-9]{4}:[^\s:]{1,128}$/;

const participant = z
  .string()
  .trim()
  .regex(PARTICIPANT, 'expected a participant id like 0192:810418052')
  .transform(normalizeParticipant);
/** The served participant (buyer or supplier) whose back end the route reaches; `supplierId` is its older name. */
const participantId = participant.optional().describe('The served participant (buyer or supplier) whose back end this route reaches');
const supplierId = participant.optional().describe('Alias of participantId (routes used to belong to suppliers only)');
const documentTypeId = z.string().trim().max(512).nullable().optional();
const name = z.string().trim().max(200).optional();
const eventTypes = z
  .array(z.string())
  .min(1, 'enable at least one event type')
  .max(WEBHOOK_EVENT_TYPES.length * 2)
  .refine((types) => types.every(isWebhookEventType), { message: `event types are ${WEBHOOK_EVENT_TYPES.join(', ')}` })
  .transform((types) => [...new Set(types)] as WebhookEventType[]);
const timeoutMs = z.int().min(100).max(120_000).nullable().optional();

const createRouteVariants = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('webhook'),
    participantId,
    supplierId,
    documentTypeId,
    name,
    enabled: z.boolean().optional(),
    url: z.string(),
    /** `whsec_…`; generated when absent. */
    secret: z.string().optional(),
    eventTypes: eventTypes.optional(),
    timeoutMs,
  }),
  z.strictObject({ kind: z.literal('as4'), participantId, supplierId, documentTypeId, name, enabled: z.boolean().optional() }),
  z
    .strictObject({
      kind: z.literal('operator'),
      name,
      enabled: z.boolean().optional(),
      url: z.string(),
      /** `whsec_…`; generated when absent. */
      secret: z.string().optional(),
      eventTypes: eventTypes.optional().describe(`Operator alerts to send (default all: ${ALERT_EVENT_TYPES.join(', ')})`),
      timeoutMs,
    })
    .describe("The operators' endpoint for alerts; belongs to no participant"),
]);

/**
 * A new route: `participantId` (or its alias `supplierId`; both only when they agree) names whose back
 * end it is; an `operator` route names none.
 */
export const createRouteSchema = createRouteVariants
  .superRefine((route, ctx) => {
    if (route.kind === 'operator') return;
    if (!route.participantId && !route.supplierId) {
      ctx.addIssue({ code: 'custom', path: ['participantId'], message: 'expected the participant id (participantId, or its alias supplierId)' });
    } else if (route.participantId && route.supplierId && route.participantId !== route.supplierId) {
      ctx.addIssue({ code: 'custom', path: ['supplierId'], message: 'supplierId is an alias of participantId; give one, or the same value' });
    }
  })
  .transform((route) => {
    if (route.kind === 'operator') return route;
    const { supplierId: alias, participantId: id, ...rest } = route;
    return { ...rest, participantId: (id ?? alias)! };
  });

export const updateRouteSchema = z.strictObject({
  documentTypeId,
  name,
  enabled: z.boolean().optional(),
  url: z.string().optional(),
  eventTypes: eventTypes.optional(),
  timeoutMs,
});

export type CreateRouteInput = z.input<typeof createRouteSchema>;
export type UpdateRouteInput = z.input<typeof updateRouteSchema>;

/** Parses a request against a schema; the first problem becomes an `invalid-route` error naming its field. */
export function parseRouteInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.map(String).join('.') || undefined;
  const message = issue.code === 'invalid_union' && field === 'kind' ? 'kind must be "webhook", "as4" or "operator"' : issue.message;
  throw new DeliveryError('invalid-route', field ? `${field}: ${message}` : message, field);
}

/** A document type restriction must name a Peppol document type we process, in `scheme::value` form. */
export function checkDocumentType(value: string | null | undefined): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (!value.startsWith(`${IDENTIFIER_SCHEMES.documentType}::`)) {
    throw new DeliveryError('invalid-route', `documentTypeId: expected "${IDENTIFIER_SCHEMES.documentType}::<value>"`, 'documentTypeId');
  }
  if (!transactionRegistry.forDocumentType(value)) {
    throw new DeliveryError('invalid-route', 'documentTypeId: not a document type this access point processes', 'documentTypeId');
  }
  return value;
}
