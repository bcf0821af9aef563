import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import type { ConfigOf } from '../../config/define-config.js';
import { Database } from '../../database/database.js';
import { ParticipantRepository } from '../../participants/participant-repository.js';
import { deliveryConfig } from '../delivery.config.js';
import { DeliveryError } from '../delivery.errors.js';
import { EndpointUrlError, parseEndpointUrl } from '../webhook/endpoint-url.js';
import {
  ALERT_EVENT_TYPES,
  isAlertEventType,
  PARTICIPANT_EVENT_TYPES,
  type AlertEventType,
  type ParticipantEventType,
  type WebhookEventType,
} from '../webhook/events.js';
import { assertWebhookSecret, generateWebhookSecret, WebhookSecretError } from '../webhook/secret.js';
import { webhookConfig } from '../webhook/webhook.config.js';
import {
  checkDocumentType,
  createRouteSchema,
  parseRouteInput,
  type CreateRouteInput,
  updateRouteSchema,
  type UpdateRouteInput,
} from './route-input.js';
import { RouteRepository } from './route-repository.js';
import { isSignedRoute, type OperatorRoute, type Route, type RouteSecretView, secretHint, type SignedRoute, type WebhookRoute } from './route.model.js';

/** At most this many secrets sign at once (the signer's bound). */
const MAX_ACTIVE_SECRETS = 4;

/**
 * Manages where each served participant's documents and events go (its back end: a supplier's OMS,
 * a buyer's procurement system). Every change is checked: the participant must be one we serve, URLs
 * must pass the endpoint rules, secrets must be Standard Webhooks secrets, and a participant has at
 * most one AS4 destination per document type.
 */
@Injectable()
export class RouteService {
  constructor(
    private readonly db: Database,
    private readonly routes: RouteRepository,
    private readonly participants: ParticipantRepository,
    private readonly clock: Clock,
    @Inject(webhookConfig.KEY) private readonly webhook: Pick<ConfigOf<typeof webhookConfig>, 'allowHttp'> & Partial<Pick<ConfigOf<typeof webhookConfig>, 'httpHosts'>>,
    @Inject(deliveryConfig.KEY) private readonly config: ConfigOf<typeof deliveryConfig>,
  ) {}

  /** Creates a route. For webhooks the answer includes the signing secret, shown this once. */
  async create(input: CreateRouteInput): Promise<{ route: Route; secret: string | null }> {
    const request = parseRouteInput(createRouteSchema, input);
    if (request.kind === 'operator') return this.createOperator(request);
    const documentTypeId = checkDocumentType(request.documentTypeId);
    if (!(await this.participants.get(request.participantId))) {
      // Named as the request named it: by the field's new name or by its alias.
      const field = (input as { participantId?: unknown }).participantId === undefined ? 'supplierId' : 'participantId';
      throw new DeliveryError(
        'unknown-supplier',
        `${field}: ${request.participantId} is not a participant of this access point; add the participant first`,
        field,
      );
    }
    const existing = await this.routes.list({ participantId: request.participantId });
    if (existing.length >= this.config.maxRoutesPerSupplier) {
      throw new DeliveryError('route-conflict', `participant ${request.participantId} already has ${existing.length} routes, the maximum`);
    }
    const now = this.clock.now();
    const base = {
      id: randomUUID(),
      participantId: request.participantId,
      documentTypeId,
      name: request.name ?? '',
      enabled: request.enabled ?? true,
      createdAt: now,
    };
    return this.db.transaction(async (tx) => {
      if (request.kind === 'as4') {
        if (await this.routes.findAs4(request.participantId, documentTypeId, tx)) {
          throw new DeliveryError(
            'route-conflict',
            `participant ${request.participantId} already has an AS4 route for ${documentTypeId ?? 'every document type'}`,
          );
        }
        await this.routes.insert({ ...base, kind: 'as4', url: null, eventTypes: [], timeoutMs: null }, null, tx);
        return { route: (await this.routes.get(base.id, tx))!, secret: null };
      }
      const url = this.checkUrl(request.url);
      const secret = request.secret === undefined ? generateWebhookSecret() : this.checkSecret(request.secret);
      await this.routes.insert(
        {
          ...base,
          kind: 'webhook',
          url,
          eventTypes: this.participantEventTypes(request.eventTypes) ?? [...PARTICIPANT_EVENT_TYPES],
          timeoutMs: request.timeoutMs ?? null,
        },
        secret,
        tx,
      );
      return { route: (await this.routes.get(base.id, tx))!, secret };
    });
  }

  /** An operator route: alerts only, no participant, no document type. */
  private async createOperator(request: Extract<ReturnType<typeof parseRouteInput<typeof createRouteSchema>>, { kind: 'operator' }>) {
    const existing = await this.routes.list({ kind: 'operator' });
    if (existing.length >= this.config.maxRoutesPerSupplier) {
      throw new DeliveryError('route-conflict', `there are ${existing.length} operator routes already, the maximum`);
    }
    const url = this.checkUrl(request.url);
    const secret = request.secret === undefined ? generateWebhookSecret() : this.checkSecret(request.secret);
    const id = randomUUID();
    const route = await this.db.transaction(async (tx) => {
      await this.routes.insert(
        {
          id,
          participantId: null,
          documentTypeId: null,
          kind: 'operator',
          name: request.name ?? '',
          enabled: request.enabled ?? true,
          url,
          eventTypes: this.alertEventTypes(request.eventTypes) ?? [...ALERT_EVENT_TYPES],
          timeoutMs: request.timeoutMs ?? null,
          createdAt: this.clock.now(),
        },
        secret,
        tx,
      );
      return (await this.routes.get(id, tx))!;
    });
    return { route, secret };
  }

  async get(id: string): Promise<Route> {
    const route = await this.routes.get(id);
    if (!route) throw new DeliveryError('route-not-found', `no route ${id}`);
    return route;
  }

  /** Every route, or those of one participant (`supplierId` is the older name of the filter). */
  list(filter: { participantId?: string; supplierId?: string; kind?: Route['kind'] } = {}): Promise<Route[]> {
    const participantId = filter.participantId ?? filter.supplierId;
    if (participantId) return this.routes.list({ participantId: participantId.trim().toLowerCase() });
    return this.routes.list(filter.kind ? { kind: filter.kind } : {});
  }

  async update(id: string, input: UpdateRouteInput): Promise<Route> {
    const request = parseRouteInput(updateRouteSchema, input);
    const route = await this.get(id);
    const isWebhook = isSignedRoute(route);
    if (!isWebhook && (request.url !== undefined || request.eventTypes !== undefined || request.timeoutMs !== undefined)) {
      throw new DeliveryError('invalid-route', 'url, eventTypes and timeoutMs apply to webhook and operator routes only');
    }
    if (route.kind === 'operator' && request.documentTypeId !== undefined && request.documentTypeId !== null) {
      throw new DeliveryError('invalid-route', 'documentTypeId: an operator route takes alerts, not documents', 'documentTypeId');
    }
    const eventTypes =
      request.eventTypes === undefined ? undefined : route.kind === 'operator' ? this.alertEventTypes(request.eventTypes) : this.participantEventTypes(request.eventTypes);
    const documentTypeId = request.documentTypeId === undefined || route.kind === 'operator' ? undefined : checkDocumentType(request.documentTypeId);
    return this.db.transaction(async (tx) => {
      if (route.kind === 'as4' && documentTypeId !== undefined && documentTypeId !== route.documentTypeId) {
        if (await this.routes.findAs4(route.participantId, documentTypeId, tx)) {
          throw new DeliveryError('route-conflict', `participant ${route.participantId} already has an AS4 route for that document type`);
        }
      }
      const updated = await this.routes.update(
        id,
        {
          ...(request.name !== undefined ? { name: request.name } : {}),
          ...(request.enabled !== undefined ? { enabled: request.enabled, disabledReason: null } : {}),
          ...(documentTypeId !== undefined ? { documentTypeId } : {}),
          ...(request.url !== undefined ? { url: this.checkUrl(request.url) } : {}),
          ...(eventTypes !== undefined ? { eventTypes } : {}),
          ...(request.timeoutMs !== undefined ? { timeoutMs: request.timeoutMs } : {}),
        },
        this.clock.now(),
        tx,
      );
      if (!updated) throw new DeliveryError('route-not-found', `no route ${id}`);
      return updated;
    });
  }

  /** Turns a route off on the receiver's request (410 Gone) or an operator's; replays stay possible. */
  async disable(id: string, reason: string): Promise<void> {
    await this.routes.update(id, { enabled: false, disabledReason: reason.slice(0, 500) }, this.clock.now());
  }

  /** Deletes a route that never delivered anything; one with history can only be disabled. */
  async remove(id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      if (!(await this.routes.get(id, tx))) throw new DeliveryError('route-not-found', `no route ${id}`);
      if (await this.routes.hasDeliveries(id, tx)) {
        throw new DeliveryError('route-in-use', `route ${id} has deliveries on record; disable it instead`);
      }
      await this.routes.delete(id, tx);
    });
  }

  /**
   * Starts a secret rotation: the new secret (given or generated) signs from now on, together with
   * the previous ones until `overlapMs` has passed, so the OMS can switch without losing events.
   */
  async rotateSecret(id: string, opts: { secret?: string; overlapMs?: number } = {}): Promise<{ secret: string; secrets: RouteSecretView[] }> {
    const route = await this.webhookRoute(id);
    const secret = opts.secret === undefined ? generateWebhookSecret() : this.checkSecret(opts.secret);
    const overlapMs = opts.overlapMs ?? this.config.rotationOverlapMs;
    if (!Number.isInteger(overlapMs) || overlapMs < 0 || overlapMs > 30 * 86_400_000) {
      throw new DeliveryError('invalid-route', 'overlapMs: expected whole milliseconds between 0 and 30 days', 'overlapMs');
    }
    const now = this.clock.now();
    await this.db.transaction(async (tx) => {
      await this.routes.pruneSecrets(route.id, now, tx);
      const active = (await this.routes.secrets(route.id, tx)).filter((s) => s.secret !== secret);
      if (active.length >= MAX_ACTIVE_SECRETS) {
        throw new DeliveryError('route-conflict', `route ${id} already has ${active.length} active secrets; wait for a rotation to end`);
      }
      await this.routes.addSecret(route.id, secret, now, tx);
      await this.routes.expireOtherSecrets(route.id, secret, new Date(now.getTime() + overlapMs), tx);
      await this.routes.pruneSecrets(route.id, now, tx);
    });
    return { secret, secrets: await this.secretViews(route.id) };
  }

  async secretViews(id: string): Promise<RouteSecretView[]> {
    const now = this.clock.now().getTime();
    return (await this.routes.secrets(id))
      .filter((s) => s.expiresAt === null || s.expiresAt.getTime() > now)
      .map((s) => ({ hint: secretHint(s.secret), createdAt: s.createdAt.toISOString(), expiresAt: s.expiresAt?.toISOString() ?? null }));
  }

  /** The secrets that sign right now (newest first). */
  async activeSecrets(routeId: string): Promise<string[]> {
    const now = this.clock.now().getTime();
    return (await this.routes.secrets(routeId)).filter((s) => s.expiresAt === null || s.expiresAt.getTime() > now).map((s) => s.secret);
  }

  /**
   * Where an event about a participant goes: the enabled webhook routes that take this event type, and
   * the AS4 route for the document type, if any (a document-type route wins over a catch-all one).
   */
  async resolve(participantId: string, documentTypeId: string | null, eventType: ParticipantEventType): Promise<{ webhooks: WebhookRoute[]; as4: Route | null }> {
    const candidates = await this.routes.enabledFor(participantId.trim().toLowerCase(), documentTypeId);
    const webhooks = candidates.filter((r): r is WebhookRoute => r.kind === 'webhook' && r.eventTypes.includes(eventType));
    const as4 = candidates.filter((r) => r.kind === 'as4').sort((a, b) => Number(b.documentTypeId !== null) - Number(a.documentTypeId !== null));
    return { webhooks, as4: as4[0] ?? null };
  }

  /** The enabled operator routes that take this alert. */
  async resolveOperator(eventType: AlertEventType): Promise<OperatorRoute[]> {
    return (await this.routes.enabledOperator()).filter((r): r is OperatorRoute => r.kind === 'operator' && r.eventTypes.includes(eventType));
  }

  private async webhookRoute(id: string): Promise<SignedRoute> {
    const route = await this.get(id);
    if (!isSignedRoute(route)) throw new DeliveryError('invalid-route', `route ${id} is an AS4 route; it has no signing secret`);
    return route;
  }

  /** A participant's route takes the events about its documents, not operator alerts. */
  private participantEventTypes(types: WebhookEventType[] | undefined): ParticipantEventType[] | undefined {
    if (types === undefined) return undefined;
    const alerts = types.filter(isAlertEventType);
    if (alerts.length > 0) {
      throw new DeliveryError('invalid-route', `eventTypes: ${alerts.join(', ')} go to operator routes only (kind "operator")`, 'eventTypes');
    }
    return types as ParticipantEventType[];
  }

  /** An operator route takes operator alerts only. */
  private alertEventTypes(types: WebhookEventType[] | undefined): AlertEventType[] | undefined {
    if (types === undefined) return undefined;
    const other = types.filter((t) => !isAlertEventType(t));
    if (other.length > 0) throw new DeliveryError('invalid-route', `eventTypes: an operator route takes alerts only (${ALERT_EVENT_TYPES.join(', ')}); not ${other.join(', ')}`, 'eventTypes');
    return types as AlertEventType[];
  }

  private checkUrl(raw: string): string {
    try {
      return parseEndpointUrl(raw, { allowHttp: this.webhook.allowHttp, httpHosts: this.webhook.httpHosts }).toString();
    } catch (error) {
      if (error instanceof EndpointUrlError) throw new DeliveryError('invalid-route', `url: ${error.message}`, 'url');
      throw error;
    }
  }

  private checkSecret(secret: string): string {
    try {
      return assertWebhookSecret(secret);
    } catch (error) {
      if (error instanceof WebhookSecretError) throw new DeliveryError('invalid-route', `secret: ${error.message}`, 'secret');
      throw error;
    }
  }
}
